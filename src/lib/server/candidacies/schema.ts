import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { ACTIVITY_KINDS, CANDIDACY_STATUSES, EXIT_STAGES, type ElectoralSystem } from '../../domain/enums';
import { candidacyRuleBreaks, type CandidacyOutcome, type CandidacyRule } from '../../domain/results';
import { choice, idRef, optionalChoice, optionalIdRef, optionalInt, optionalText, sourceField, triState, versionField } from '../fields';
import type { FieldErrors } from '../forms';
import { optionalDateBetween, optionalTitleText, today } from '../elections/schema';

// Input of candidacies (the form and the results grid share these fields and rules) and of campaign
// activities.

const emptyToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);

const RULE_MESSAGES: Record<CandidacyRule, () => string> = {
	exit_stage_required: m.candidacy_exit_stage_required,
	exit_stage_only_when_out: m.candidacy_exit_stage_only_out,
	elected_needs_ballot: m.candidacy_elected_needs_ballot,
	took_seat_needs_elected: m.candidacy_took_seat_needs_elected,
	list_position_party_list_only: m.candidacy_list_position_party_list_only,
	district_majoritarian_only: m.candidacy_district_majoritarian_only,
	votes_need_ballot: m.candidacy_votes_need_ballot
};

/** The rules of domain/results.ts as field messages. */
export function ruleErrors(outcome: CandidacyOutcome, system: ElectoralSystem): FieldErrors {
	const errors: FieldErrors = {};
	for (const b of candidacyRuleBreaks(outcome, system)) errors[b.field] ??= RULE_MESSAGES[b.rule]();
	return errors;
}

/** A share of the votes in percent, 0–100; a decimal comma is accepted (15,1). */
export const voteShare = z
	.preprocess(
		(v) => (typeof v === 'string' ? (v.trim() === '' ? null : v.trim().replace(',', '.')) : v),
		z.coerce
			.number({ error: () => m.candidacy_vote_share_invalid() })
			.refine((n) => Number.isFinite(n), { error: () => m.candidacy_vote_share_invalid() })
			.refine((n) => n >= 0 && n <= 100, { error: () => m.candidacy_vote_share_range() })
			.nullable()
	)
	.default(null);

export const listPosition = optionalInt(1, 500);
export const votes = optionalInt(0, 10_000_000);

const candidacyFields = {
	party_id: optionalIdRef,
	list_position: listPosition,
	district: optionalTitleText(50),
	status: choice(CANDIDACY_STATUSES),
	exit_stage: optionalChoice(EXIT_STAGES),
	source: sourceField
};

export const newCandidacySchema = z.object({ person_id: idRef, contest_id: idRef, ...candidacyFields });
export type NewCandidacyInput = z.output<typeof newCandidacySchema>;

export const candidacySchema = z.object({
	version: versionField,
	...candidacyFields,
	votes,
	vote_share: voteShare,
	rank: optionalInt(1, 1000),
	elected: triState,
	took_seat: triState,
	notes: optionalText(2000)
});
export type CandidacyInput = z.output<typeof candidacySchema>;

/** One row of the results grid of a contest (the party is changed on the candidacy's own form). */
export const resultRowSchema = z.object({
	version: versionField,
	status: choice(CANDIDACY_STATUSES),
	exit_stage: optionalChoice(EXIT_STAGES),
	list_position: listPosition,
	votes,
	vote_share: voteShare,
	elected: triState,
	took_seat: triState
});
export type ResultRow = z.output<typeof resultRowSchema>;
export const RESULT_ROW_FIELDS = Object.keys(resultRowSchema.shape);

/** Campaign activities are recorded once they happened: no date in the future. */
export const activitySchema = z.object({
	kind: choice(ACTIVITY_KINDS),
	date: optionalDateBetween(() => today()),
	description: optionalText(1000),
	people_reached: optionalInt(0, 10_000_000),
	source: sourceField
});
export type ActivityInput = z.output<typeof activitySchema>;

export const activityChangeSchema = activitySchema.extend({ activity: idRef, version: versionField });
export const activityRemoveSchema = z.object({ activity: idRef, version: versionField });

export const personSearchSchema = z.object({
	q: z.preprocess(emptyToNull, z.string().trim().max(100, { error: () => m.search_too_long() }).nullable()).default(null),
	person: z.preprocess(emptyToNull, idRef.nullable()).default(null).catch(null),
	contest: z.preprocess(emptyToNull, idRef.nullable()).default(null).catch(null)
});
