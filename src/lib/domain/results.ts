import type { CandidacyStatus, ElectoralSystem, ExitStage } from './enums';

// The rules a candidacy's status and result must keep, shared by the candidacy form and the results
// grid. The database holds the same rules as CHECK constraints; checking them here first lets the
// form name the field and say why, instead of failing the whole save.

export interface CandidacyOutcome {
	status: CandidacyStatus;
	exit_stage: ExitStage | null;
	list_position: number | null;
	district: string | null;
	votes: number | null;
	elected: boolean | null;
	took_seat: boolean | null;
}

export type CandidacyRule =
	| 'exit_stage_required'
	| 'exit_stage_only_when_out'
	| 'elected_needs_ballot'
	| 'took_seat_needs_elected'
	| 'list_position_party_list_only'
	| 'district_majoritarian_only'
	| 'votes_need_ballot';

export interface RuleBreak {
	field: keyof CandidacyOutcome;
	rule: CandidacyRule;
}

export const LEFT_THE_RACE: readonly CandidacyStatus[] = ['withdrawn', 'rejected'];

/** Every rule the candidacy breaks, with the field to show it at; empty when it keeps them all. */
export function candidacyRuleBreaks(c: CandidacyOutcome, system: ElectoralSystem): RuleBreak[] {
	const breaks: RuleBreak[] = [];
	const out = LEFT_THE_RACE.includes(c.status);
	if (out && c.exit_stage === null) breaks.push({ field: 'exit_stage', rule: 'exit_stage_required' });
	if (!out && c.exit_stage !== null) breaks.push({ field: 'exit_stage', rule: 'exit_stage_only_when_out' });
	// Elected stays empty (unknown) until the result is known; only a name on the ballot can win.
	if (c.elected !== null && c.status !== 'on_ballot') breaks.push({ field: 'elected', rule: 'elected_needs_ballot' });
	if (c.took_seat !== null && c.elected !== true) breaks.push({ field: 'took_seat', rule: 'took_seat_needs_elected' });
	if (c.votes !== null && c.status !== 'on_ballot' && !(c.status === 'withdrawn' && c.exit_stage === 'on_ballot')) {
		breaks.push({ field: 'votes', rule: 'votes_need_ballot' });
	}
	if (c.list_position !== null && system !== 'party_list') breaks.push({ field: 'list_position', rule: 'list_position_party_list_only' });
	if (c.district !== null && system !== 'majoritarian') breaks.push({ field: 'district', rule: 'district_majoritarian_only' });
	return breaks;
}

/** Whether a candidacy's race is decided: won, lost, or still pending (never counted as lost). */
export function outcomeOf(c: { status: CandidacyStatus; elected: boolean | null }): 'elected' | 'not_elected' | 'pending' | null {
	if (c.status !== 'on_ballot') return null;
	return c.elected === null ? 'pending' : c.elected ? 'elected' : 'not_elected';
}
