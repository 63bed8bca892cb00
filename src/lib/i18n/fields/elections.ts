import { m } from '$lib/paraglide/messages';
import type { ActivityKind, CandidacyStatus, CouncilKind, ElectionKind, ElectionLevel, ElectoralSystem, ExitStage, Gender } from '$lib/domain/enums';
import { GENDER_LABELS, STATUS_LABELS } from '../labels';
import { ACTIVITY_KIND_LABELS, COUNCIL_KIND_LABELS, ELECTION_KIND_LABELS, ELECTION_LEVEL_LABELS, electedLabel, ELECTORAL_SYSTEM_LABELS, EXIT_STAGE_LABELS } from '../labels-elections';
import type { FieldDisplay, FieldMap } from './index';

// Field names of elections, contests, totals, party results and lists, candidacies and campaign
// activities, for history views.

const code = <T extends string>(labels: Record<T, () => string>) => (v: unknown) => labels[v as T]?.() ?? String(v);
const source: FieldDisplay = { label: m.election_source };
const names = { name_en: { label: m.election_field_name_en }, name_ru: { label: m.election_field_name_ru }, name_ky: { label: m.election_field_name_ky } };

export const ELECTION_FIELDS: FieldMap = {
	elections: {
		...names,
		date: { label: m.election_field_date },
		called_on: { label: m.election_field_called_on },
		level: { label: m.election_field_level, format: code<ElectionLevel>(ELECTION_LEVEL_LABELS) },
		kind: { label: m.election_field_kind, format: code<ElectionKind>(ELECTION_KIND_LABELS) },
		country_id: { label: m.election_field_country },
		notes: { label: m.election_field_notes },
		source
	},
	contests: {
		...names,
		election_id: { label: m.election_field_election },
		region_id: { label: m.contest_field_region },
		council_kind: { label: m.contest_field_council_kind, format: code<CouncilKind>(COUNCIL_KIND_LABELS) },
		seats: { label: m.contest_field_seats },
		electoral_system: { label: m.contest_field_system, format: code<ElectoralSystem>(ELECTORAL_SYSTEM_LABELS) },
		district: { label: m.contest_field_district },
		source
	},
	contest_totals: {
		contest_id: { label: m.election_field_contest },
		candidates: { label: m.totals_candidates },
		women_candidates: { label: m.totals_women_candidates },
		women_elected: { label: m.totals_women_elected },
		women_seats_before: { label: m.totals_women_seats_before },
		source
	},
	party_results: {
		contest_id: { label: m.election_field_contest },
		party_id: { label: m.results_col_party },
		seats_won: { label: m.results_seats_won },
		list_size: { label: m.list_size },
		votes: { label: m.results_col_votes },
		vote_share: { label: m.results_col_vote_share },
		source
	},
	party_list_entries: {
		contest_id: { label: m.election_field_contest },
		party_id: { label: m.results_col_party },
		position: { label: m.list_col_position },
		gender: { label: m.list_col_gender, format: code<Gender>(GENDER_LABELS) },
		person_id: { label: m.candidacy_field_person },
		name: { label: m.list_col_name },
		source
	},
	candidacies: {
		person_id: { label: m.candidacy_field_person },
		contest_id: { label: m.candidacy_field_contest },
		party_id: { label: m.candidacy_field_party },
		list_position: { label: m.candidacy_field_list_position },
		district: { label: m.candidacy_field_district },
		status: { label: m.candidacy_field_status, format: code<CandidacyStatus>(STATUS_LABELS) },
		exit_stage: { label: m.candidacy_field_exit_stage, format: code<ExitStage>(EXIT_STAGE_LABELS) },
		votes: { label: m.candidacy_field_votes },
		vote_share: { label: m.candidacy_field_vote_share },
		rank: { label: m.candidacy_field_rank },
		elected: { label: m.candidacy_field_elected, format: (v) => electedLabel(v as boolean | null) },
		took_seat: { label: m.candidacy_field_took_seat, format: (v) => electedLabel(v as boolean | null) },
		notes: { label: m.candidacy_field_notes },
		source
	},
	campaign_activities: {
		candidacy_id: { label: m.activity_field_candidacy },
		kind: { label: m.activity_field_kind, format: code<ActivityKind>(ACTIVITY_KIND_LABELS) },
		date: { label: m.activity_field_date },
		description: { label: m.activity_field_description },
		people_reached: { label: m.activity_field_people_reached },
		source
	}
};
