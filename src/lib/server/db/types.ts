import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type {
	ActivityKind,
	Background,
	CandidacyStatus,
	CouncilKind,
	ElectionKind,
	ElectionLevel,
	ElectoralSystem,
	ExitStage,
	Gender,
	ImportStatus,
	Locale,
	OrganizationKind,
	ParticipantRole,
	RegionLevel,
	RelationshipKind,
	Role,
	TrainingEventKind,
	TrainingKind,
	UserTokenKind
} from '../../domain/enums';

// Typed view of the schema in migrations/. Dates are ISO strings ('2012-11-25'), timestamps are Date,
// bigint counts and numerics are numbers: db/connect.ts sets the same parsers for PGlite and pg.

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type DateString = string;

interface Editable {
	version: Generated<number>;
	is_demo: Generated<boolean>;
	created_at: CreatedAt;
	updated_at: Timestamp;
	deleted_at: Timestamp | null;
}

export interface AppSettingsTable {
	key: string;
	value: ColumnType<unknown, string, string>;
	updated_at: Timestamp;
}

export interface RegionsTable {
	id: Generated<number>;
	parent_id: number | null;
	level: RegionLevel;
	code: string;
	iso_code: string | null;
	name_en: string;
	name_ru: string;
	name_ky: string;
	is_demo: Generated<boolean>;
}

export interface UsersTable {
	id: Generated<number>;
	email: string;
	display_name: string;
	password_hash: string | null;
	role: Role;
	locale: Locale | null;
	disabled_at: Timestamp | null;
	password_changed_at: Timestamp | null;
	version: Generated<number>;
	is_demo: Generated<boolean>;
	created_at: CreatedAt;
	updated_at: Timestamp;
}

export interface UserRegionsTable {
	user_id: number;
	region_id: number;
}

export interface SessionsTable {
	id: string;
	user_id: number;
	created_at: CreatedAt;
	last_seen_at: Timestamp;
	expires_at: Timestamp;
	absolute_expires_at: Timestamp;
	ip: string | null;
	user_agent: string | null;
}

export interface UserTokensTable {
	id: Generated<number>;
	kind: UserTokenKind;
	token_hash: string;
	user_id: number;
	created_by: number | null;
	created_at: CreatedAt;
	expires_at: Timestamp;
	used_at: Timestamp | null;
}

export interface LoginThrottleTable {
	key: string;
	failures: Generated<number>;
	last_failure_at: Timestamp;
	locked_until: Timestamp | null;
}

export interface ShareLinksTable {
	id: Generated<number>;
	token_hash: string;
	label: string;
	created_by: number | null;
	created_at: CreatedAt;
	expires_at: Timestamp;
	revoked_at: Timestamp | null;
	revoked_by: number | null;
	last_used_at: Timestamp | null;
	use_count: Generated<number>;
}

export interface PeopleTable extends Editable {
	id: Generated<number>;
	full_name: string;
	name_latin: string;
	given_name: string | null;
	family_name: string | null;
	patronymic: string | null;
	gender: Generated<Gender>;
	birth_year: number | null;
	region_id: number | null;
	background: Background | null;
	languages: Generated<string[]>;
	phone: string | null;
	email: string | null;
	messenger: string | null;
	notes: string | null;
	consent_stored_at: DateString | null;
	consent_recorded_by: string | null;
	consent_public_name: Generated<boolean>;
	search_key: string;
	sort_key: string;
	merged_into_id: number | null;
	/** Identifiers other systems give her (Popolo `identifiers`), e.g. { scheme: 'everypolitician', identifier: '…' }. */
	identifiers: ColumnType<Identifier[], string | undefined, string>;
}

export interface Identifier {
	scheme: string;
	identifier: string;
}

export interface OrganizationsTable extends Editable {
	id: Generated<number>;
	name: string;
	short_name: string | null;
	kind: OrganizationKind;
	region_id: number | null;
	website: string | null;
	notes: string | null;
	identifiers: ColumnType<Identifier[], string | undefined, string>;
}

export interface OrganizationNamesTable extends Editable {
	id: Generated<number>;
	organization_id: number;
	name: string;
	lang: string | null;
	start_date: DateString | null;
	end_date: DateString | null;
	note: string | null;
}

export interface MembershipsTable extends Editable {
	id: Generated<number>;
	person_id: number;
	organization_id: number;
	role: string | null;
	start_date: DateString | null;
	end_date: DateString | null;
	source: string | null;
}

export interface TrainingsTable extends Editable {
	id: Generated<number>;
	title: string;
	kind: TrainingKind;
	start_date: DateString;
	end_date: DateString;
	region_id: number | null;
	location: string | null;
	organizer_id: number | null;
	curriculum: string | null;
	language: string | null;
	parent_training_id: number | null;
	notes: string | null;
	source: string | null;
}

export interface TrainingEventsTable extends Editable {
	id: Generated<number>;
	training_id: number;
	kind: TrainingEventKind;
	date: DateString;
	title: string;
	description: string | null;
}

export interface TrainingParticipantsTable extends Editable {
	id: Generated<number>;
	training_id: number;
	person_id: number;
	role: ParticipantRole;
	completed: Generated<boolean>;
}

export interface RelationshipsTable extends Editable {
	id: Generated<number>;
	person_id: number;
	other_person_id: number;
	kind: RelationshipKind;
	start_date: DateString | null;
	note: string | null;
	source: string | null;
}

export interface ElectionsTable extends Editable {
	id: Generated<number>;
	name_en: string;
	name_ru: string;
	name_ky: string;
	date: DateString;
	called_on: DateString | null;
	level: ElectionLevel;
	kind: ElectionKind;
	country_id: number | null;
	notes: string | null;
	source: string | null;
}

export interface ContestsTable extends Editable {
	id: Generated<number>;
	election_id: number;
	region_id: number;
	council_kind: CouncilKind;
	name_en: string;
	name_ru: string;
	name_ky: string;
	seats: number | null;
	electoral_system: ElectoralSystem;
	district: string | null;
	source: string | null;
}

export interface ContestTotalsTable extends Editable {
	id: Generated<number>;
	contest_id: number;
	candidates: number | null;
	women_candidates: number | null;
	women_elected: number | null;
	women_seats_before: number | null;
	source: string | null;
}

export interface PartyResultsTable extends Editable {
	id: Generated<number>;
	contest_id: number;
	party_id: number;
	list_size: number | null;
	seats_won: number | null;
	votes: number | null;
	vote_share: number | null;
	source: string | null;
}

/** One position of a city-kenesh party list, for the quota check (no more than 70% of one sex). */
export interface PartyListEntriesTable extends Editable {
	id: Generated<number>;
	contest_id: number;
	party_id: number;
	position: number;
	gender: Gender;
	person_id: number | null;
	name: string | null;
	source: string | null;
}

export interface CandidaciesTable extends Editable {
	id: Generated<number>;
	person_id: number;
	contest_id: number;
	party_id: number | null;
	list_position: number | null;
	district: string | null;
	status: CandidacyStatus;
	exit_stage: ExitStage | null;
	votes: number | null;
	vote_share: number | null;
	rank: number | null;
	elected: boolean | null;
	took_seat: boolean | null;
	source: string | null;
	notes: string | null;
}

export interface CampaignActivitiesTable extends Editable {
	id: Generated<number>;
	candidacy_id: number;
	kind: ActivityKind;
	date: DateString | null;
	description: string | null;
	people_reached: number | null;
	source: string | null;
}

export interface ImportJobsTable {
	id: Generated<number>;
	user_id: number | null;
	kind: string;
	file_name: string;
	status: ImportStatus;
	total_rows: Generated<number>;
	processed_rows: Generated<number>;
	created_count: Generated<number>;
	updated_count: Generated<number>;
	skipped_count: Generated<number>;
	mapping: ColumnType<unknown, string | null, string | null> | null;
	errors: ColumnType<unknown, string | null, string | null> | null;
	created_at: CreatedAt;
	updated_at: Timestamp;
	finished_at: Timestamp | null;
	format: string | null;
	/** The file's header row, normalised: a later file with the same headers gets this job's mapping. */
	header_key: string | null;
	sheet: ColumnType<unknown, string | null, string | null> | null;
	decisions: ColumnType<unknown, string | null, string | null> | null;
	preview: ColumnType<unknown, string | null, string | null> | null;
	undone_at: Timestamp | null;
	undone_by: number | null;
}

export interface AuditLogTable {
	id: Generated<number>;
	at: CreatedAt;
	user_id: number | null;
	share_link_id: number | null;
	ip: string | null;
	action: string;
	entity: string | null;
	entity_id: number | null;
	before: ColumnType<unknown, string | null, never> | null;
	after: ColumnType<unknown, string | null, never> | null;
	source: string | null;
	reason: string | null;
	import_job_id: number | null;
	details: ColumnType<unknown, string | null, never> | null;
}

export interface ContextIndicatorsTable {
	id: Generated<number>;
	code: string;
	region_id: number;
	year: number;
	value: number;
	unit: string;
	label_en: string;
	label_ru: string;
	label_ky: string;
	source: string;
	source_url: string | null;
	note: string | null;
}

export interface Database {
	app_settings: AppSettingsTable;
	regions: RegionsTable;
	users: UsersTable;
	user_regions: UserRegionsTable;
	sessions: SessionsTable;
	user_tokens: UserTokensTable;
	login_throttle: LoginThrottleTable;
	share_links: ShareLinksTable;
	people: PeopleTable;
	organizations: OrganizationsTable;
	organization_names: OrganizationNamesTable;
	memberships: MembershipsTable;
	trainings: TrainingsTable;
	training_events: TrainingEventsTable;
	training_participants: TrainingParticipantsTable;
	relationships: RelationshipsTable;
	elections: ElectionsTable;
	contests: ContestsTable;
	contest_totals: ContestTotalsTable;
	party_results: PartyResultsTable;
	party_list_entries: PartyListEntriesTable;
	candidacies: CandidaciesTable;
	campaign_activities: CampaignActivitiesTable;
	import_jobs: ImportJobsTable;
	audit_log: AuditLogTable;
	context_indicators: ContextIndicatorsTable;
}

export type Person = Selectable<PeopleTable>;
export type NewPerson = Insertable<PeopleTable>;
export type PersonUpdate = Updateable<PeopleTable>;
