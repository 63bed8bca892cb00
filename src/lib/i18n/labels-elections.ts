import { m } from '$lib/paraglide/messages';
import type { ActivityKind, CouncilKind, ElectionKind, ElectionLevel, ElectoralSystem, ExitStage } from '$lib/domain/enums';

// Labels of the election codes, one place each, every message referenced by name (no computed keys).
// Candidacy statuses are in labels.ts (STATUS_LABELS).

export const ELECTION_LEVEL_LABELS: Record<ElectionLevel, () => string> = {
	local: m.election_level_local,
	national: m.election_level_national
};

export const ELECTION_KIND_LABELS: Record<ElectionKind, () => string> = {
	regular: m.election_kind_regular,
	early: m.election_kind_early,
	by_election: m.election_kind_by_election,
	other: m.election_kind_other
};

export const COUNCIL_KIND_LABELS: Record<CouncilKind, () => string> = {
	city_kenesh: m.contest_council_city_kenesh,
	aiyl_kenesh: m.contest_council_aiyl_kenesh
};

export const ELECTORAL_SYSTEM_LABELS: Record<ElectoralSystem, () => string> = {
	party_list: m.contest_system_party_list,
	majoritarian: m.contest_system_majoritarian
};

/** How far a withdrawn or rejected candidacy got before it left the race. */
export const EXIT_STAGE_LABELS: Record<ExitStage, () => string> = {
	intending: m.candidacy_exit_intending,
	nominated: m.candidacy_exit_nominated,
	registered: m.candidacy_exit_registered,
	on_ballot: m.candidacy_exit_on_ballot
};

export const ACTIVITY_KIND_LABELS: Record<ActivityKind, () => string> = {
	meeting: m.activity_kind_meeting,
	media: m.activity_kind_media,
	social_media: m.activity_kind_social_media,
	door_to_door: m.activity_kind_door_to_door,
	debate: m.activity_kind_debate,
	other: m.activity_kind_other
};

/** Options for a select of one of these code lists, labelled in the interface language. */
export function optionsOf<T extends string>(labels: Record<T, () => string>): Array<{ value: T; label: string }> {
	return (Object.keys(labels) as T[]).map((value) => ({ value, label: labels[value]() }));
}

/** Elected: yes / no / not known yet, for the results grid and the candidacy form. */
export function electedLabel(value: boolean | null): string {
	return value === null ? m.results_unknown() : value ? m.yes() : m.no();
}
