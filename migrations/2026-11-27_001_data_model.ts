import { sql, type CreateTableBuilder, type Kysely } from 'kysely';

// Frozen in time: this file describes the schema as it was on 2026-11-27 and never imports app code.
// Enumerations are CHECK constraints (not Postgres enums) so that later migrations can widen them
// with a plain DROP/ADD CONSTRAINT inside a transaction.

const BACKGROUNDS = ['youth_activist', 'ngo', 'government', 'media', 'expert', 'university', 'party', 'other'];
const GENDERS = ['female', 'male', 'other', 'unknown'];
const ORGANIZATION_KINDS = ['party', 'ngo', 'university', 'media', 'government', 'donor', 'international', 'other'];
const TRAINING_KINDS = ['tot', 'step_down', 'workshop'];
const TRAINING_EVENT_KINDS = ['session', 'visit', 'press_conference', 'meeting', 'other'];
const PARTICIPANT_ROLES = ['facilitator', 'participant'];
const RELATIONSHIP_KINDS = ['mentor', 'colleague', 'collaborator', 'campaign_team', 'media_contact'];
const ELECTION_LEVELS = ['local', 'national'];
const ELECTION_KINDS = ['regular', 'early', 'by_election', 'other'];
const COUNCIL_KINDS = ['city_kenesh', 'aiyl_kenesh'];
const ELECTORAL_SYSTEMS = ['party_list', 'majoritarian'];
const CANDIDACY_STATUSES = ['intending', 'nominated', 'registered', 'on_ballot', 'withdrawn', 'rejected'];
const EXIT_STAGES = ['intending', 'nominated', 'registered', 'on_ballot'];
const ACTIVITY_KINDS = ['meeting', 'media', 'social_media', 'door_to_door', 'debate', 'other'];
const ROLES = ['admin', 'organizer', 'viewer', 'funder'];
const LOCALES = ['en', 'ru', 'ky'];
const REGION_LEVELS = ['country', 'oblast', 'city', 'raion'];
const IMPORT_STATUSES = ['uploaded', 'mapped', 'previewed', 'running', 'committed', 'failed', 'undone'];
const USER_TOKEN_KINDS = ['invitation', 'password_reset'];

function oneOf(column: string, values: string[]) {
	return sql`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`;
}

/** Columns every editable row carries: optimistic concurrency, soft delete, demo marker, times. */
function editable<T extends string>(table: CreateTableBuilder<T, never>) {
	return table
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('is_demo', 'boolean', (c) => c.notNull().defaultTo(false))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('deleted_at', 'timestamptz');
}

function withId<T extends string>(table: CreateTableBuilder<T, never>) {
	return table.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity());
}

export async function up(db: Kysely<any>): Promise<void> {
	// Trigram indexes make "contains" name search fast; pg_trgm is a trusted extension (PG 13+).
	await sql`create extension if not exists pg_trgm`.execute(db);

	await db.schema
		.createTable('app_settings')
		.addColumn('key', 'text', (c) => c.primaryKey())
		.addColumn('value', 'jsonb', (c) => c.notNull())
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();

	await withId(db.schema.createTable('regions'))
		.addColumn('parent_id', 'integer', (c) => c.references('regions.id'))
		.addColumn('level', 'text', (c) => c.notNull().check(oneOf('level', REGION_LEVELS)))
		.addColumn('code', 'text', (c) => c.notNull().unique())
		.addColumn('iso_code', 'text', (c) => c.unique())
		.addColumn('name_en', 'text', (c) => c.notNull())
		.addColumn('name_ru', 'text', (c) => c.notNull())
		.addColumn('name_ky', 'text', (c) => c.notNull())
		.addColumn('is_demo', 'boolean', (c) => c.notNull().defaultTo(false))
		.addCheckConstraint('regions_parent_required', sql`(level = 'country') = (parent_id is null)`)
		.execute();
	await db.schema.createIndex('regions_parent_idx').on('regions').column('parent_id').execute();

	await withId(db.schema.createTable('users'))
		.addColumn('email', 'text', (c) => c.notNull())
		.addColumn('display_name', 'text', (c) => c.notNull())
		.addColumn('password_hash', 'text')
		.addColumn('role', 'text', (c) => c.notNull().check(oneOf('role', ROLES)))
		.addColumn('locale', 'text', (c) => c.check(oneOf('locale', LOCALES)))
		.addColumn('disabled_at', 'timestamptz')
		.addColumn('password_changed_at', 'timestamptz')
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('is_demo', 'boolean', (c) => c.notNull().defaultTo(false))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await sql`create unique index users_email_key on users (lower(email))`.execute(db);

	// An organizer limited to regions sees and edits only records in those regions (and their raions).
	await db.schema
		.createTable('user_regions')
		.addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('region_id', 'integer', (c) => c.notNull().references('regions.id'))
		.addPrimaryKeyConstraint('user_regions_pkey', ['user_id', 'region_id'])
		.execute();

	await db.schema
		.createTable('sessions')
		.addColumn('id', 'text', (c) => c.primaryKey()) // SHA-256 of the token; the token itself is never stored
		.addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('last_seen_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('expires_at', 'timestamptz', (c) => c.notNull())
		.addColumn('absolute_expires_at', 'timestamptz', (c) => c.notNull())
		.addColumn('ip', 'text')
		.addColumn('user_agent', 'text')
		.execute();
	await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();

	await withId(db.schema.createTable('user_tokens'))
		.addColumn('kind', 'text', (c) => c.notNull().check(oneOf('kind', USER_TOKEN_KINDS)))
		.addColumn('token_hash', 'text', (c) => c.notNull().unique())
		.addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('created_by', 'integer', (c) => c.references('users.id'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('expires_at', 'timestamptz', (c) => c.notNull())
		.addColumn('used_at', 'timestamptz')
		.execute();

	// Failed sign-ins per e-mail and per address, kept in the database so a restart does not reset them.
	await db.schema
		.createTable('login_throttle')
		.addColumn('key', 'text', (c) => c.primaryKey())
		.addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('last_failure_at', 'timestamptz', (c) => c.notNull())
		.addColumn('locked_until', 'timestamptz')
		.execute();

	await withId(db.schema.createTable('share_links'))
		.addColumn('token_hash', 'text', (c) => c.notNull().unique())
		.addColumn('label', 'text', (c) => c.notNull())
		.addColumn('created_by', 'integer', (c) => c.references('users.id'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('expires_at', 'timestamptz', (c) => c.notNull())
		.addColumn('revoked_at', 'timestamptz')
		.addColumn('revoked_by', 'integer', (c) => c.references('users.id'))
		.addColumn('last_used_at', 'timestamptz')
		.addColumn('use_count', 'integer', (c) => c.notNull().defaultTo(0))
		.execute();

	await editable(
		withId(db.schema.createTable('people'))
			.addColumn('full_name', 'text', (c) => c.notNull().check(sql`length(trim(full_name)) > 0`))
			.addColumn('name_latin', 'text', (c) => c.notNull())
			.addColumn('given_name', 'text')
			.addColumn('family_name', 'text')
			.addColumn('patronymic', 'text')
			.addColumn('gender', 'text', (c) => c.notNull().defaultTo('female').check(oneOf('gender', GENDERS)))
			.addColumn('birth_year', 'integer', (c) => c.check(sql`birth_year between 1900 and 2100`))
			.addColumn('region_id', 'integer', (c) => c.references('regions.id'))
			.addColumn('background', 'text', (c) => c.check(oneOf('background', BACKGROUNDS)))
			.addColumn('languages', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
			.addColumn('phone', 'text')
			.addColumn('email', 'text')
			.addColumn('messenger', 'text')
			.addColumn('notes', 'text')
			.addColumn('consent_stored_at', 'date')
			.addColumn('consent_recorded_by', 'text')
			.addColumn('consent_public_name', 'boolean', (c) => c.notNull().defaultTo(false))
			// Derived in application code (transliteration + folding) so both databases search alike.
			.addColumn('search_key', 'text', (c) => c.notNull())
			.addColumn('sort_key', 'text', (c) => c.notNull())
			.addColumn('merged_into_id', 'integer', (c) => c.references('people.id'))
	).execute();
	await sql`create index people_search_key_trgm on people using gin (search_key gin_trgm_ops)`.execute(db);
	await sql`create index people_sort_key_idx on people (sort_key, id) where deleted_at is null`.execute(db);
	await db.schema.createIndex('people_region_idx').on('people').column('region_id').execute();

	await editable(
		withId(db.schema.createTable('organizations'))
			.addColumn('name', 'text', (c) => c.notNull())
			.addColumn('short_name', 'text')
			.addColumn('kind', 'text', (c) => c.notNull().check(oneOf('kind', ORGANIZATION_KINDS)))
			.addColumn('region_id', 'integer', (c) => c.references('regions.id'))
			.addColumn('website', 'text')
			.addColumn('notes', 'text')
	).execute();

	// Partner organizations change names over time (WLP Kyrgyzstan / Citizens Against Corruption / Bir Duino).
	await editable(
		withId(db.schema.createTable('organization_names'))
			.addColumn('organization_id', 'integer', (c) => c.notNull().references('organizations.id'))
			.addColumn('name', 'text', (c) => c.notNull())
			.addColumn('lang', 'text')
			.addColumn('start_date', 'date')
			.addColumn('end_date', 'date')
			.addColumn('note', 'text')
	).execute();
	await db.schema.createIndex('organization_names_org_idx').on('organization_names').column('organization_id').execute();

	await editable(
		withId(db.schema.createTable('memberships'))
			.addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
			.addColumn('organization_id', 'integer', (c) => c.notNull().references('organizations.id'))
			.addColumn('role', 'text')
			.addColumn('start_date', 'date')
			.addColumn('end_date', 'date')
			.addColumn('source', 'text')
			.addCheckConstraint('memberships_dates', sql`end_date is null or start_date is null or end_date >= start_date`)
	).execute();
	await db.schema.createIndex('memberships_person_idx').on('memberships').column('person_id').execute();
	await db.schema.createIndex('memberships_org_idx').on('memberships').column('organization_id').execute();

	await editable(
		withId(db.schema.createTable('trainings'))
			.addColumn('title', 'text', (c) => c.notNull())
			.addColumn('kind', 'text', (c) => c.notNull().check(oneOf('kind', TRAINING_KINDS)))
			.addColumn('start_date', 'date', (c) => c.notNull())
			.addColumn('end_date', 'date', (c) => c.notNull())
			.addColumn('region_id', 'integer', (c) => c.references('regions.id'))
			.addColumn('location', 'text')
			.addColumn('organizer_id', 'integer', (c) => c.references('organizations.id'))
			.addColumn('curriculum', 'text')
			.addColumn('language', 'text')
			.addColumn('parent_training_id', 'integer', (c) => c.references('trainings.id'))
			.addColumn('notes', 'text')
			.addColumn('source', 'text')
			.addCheckConstraint('trainings_dates', sql`end_date >= start_date`)
			.addCheckConstraint('trainings_not_own_parent', sql`parent_training_id is null or parent_training_id <> id`)
	).execute();
	await db.schema.createIndex('trainings_parent_idx').on('trainings').column('parent_training_id').execute();
	await db.schema.createIndex('trainings_region_idx').on('trainings').column('region_id').execute();
	await db.schema.createIndex('trainings_start_idx').on('trainings').column('start_date').execute();

	// Events that belong to a training: the parliament visit, the closing press conference.
	await editable(
		withId(db.schema.createTable('training_events'))
			.addColumn('training_id', 'integer', (c) => c.notNull().references('trainings.id'))
			.addColumn('kind', 'text', (c) => c.notNull().check(oneOf('kind', TRAINING_EVENT_KINDS)))
			.addColumn('date', 'date', (c) => c.notNull())
			.addColumn('title', 'text', (c) => c.notNull())
			.addColumn('description', 'text')
	).execute();
	await db.schema.createIndex('training_events_training_idx').on('training_events').column('training_id').execute();

	await editable(
		withId(db.schema.createTable('training_participants'))
			.addColumn('training_id', 'integer', (c) => c.notNull().references('trainings.id'))
			.addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
			.addColumn('role', 'text', (c) => c.notNull().check(oneOf('role', PARTICIPANT_ROLES)))
			.addColumn('completed', 'boolean', (c) => c.notNull().defaultTo(false))
	).execute();
	// One participation per person per training (a soft-deleted one does not block re-adding her).
	await sql`create unique index training_participants_once on training_participants (training_id, person_id) where deleted_at is null`.execute(db);
	await db.schema.createIndex('training_participants_person_idx').on('training_participants').columns(['person_id', 'role']).execute();

	await editable(
		withId(db.schema.createTable('relationships'))
			.addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
			.addColumn('other_person_id', 'integer', (c) => c.notNull().references('people.id'))
			// For 'mentor' the first person mentors the other; the other kinds are symmetric.
			.addColumn('kind', 'text', (c) => c.notNull().check(oneOf('kind', RELATIONSHIP_KINDS)))
			.addColumn('start_date', 'date')
			.addColumn('note', 'text')
			.addColumn('source', 'text')
			.addCheckConstraint('relationships_distinct_people', sql`person_id <> other_person_id`)
	).execute();
	await sql`create unique index relationships_once on relationships (person_id, other_person_id, kind) where deleted_at is null`.execute(db);
	await db.schema.createIndex('relationships_other_idx').on('relationships').column('other_person_id').execute();

	await editable(
		withId(db.schema.createTable('elections'))
			.addColumn('name_en', 'text', (c) => c.notNull())
			.addColumn('name_ru', 'text', (c) => c.notNull())
			.addColumn('name_ky', 'text', (c) => c.notNull())
			.addColumn('date', 'date', (c) => c.notNull())
			.addColumn('called_on', 'date')
			.addColumn('level', 'text', (c) => c.notNull().check(oneOf('level', ELECTION_LEVELS)))
			.addColumn('kind', 'text', (c) => c.notNull().check(oneOf('kind', ELECTION_KINDS)))
			.addColumn('country_id', 'integer', (c) => c.references('regions.id'))
			.addColumn('notes', 'text')
			.addColumn('source', 'text')
	).execute();

	await editable(
		withId(db.schema.createTable('contests'))
			.addColumn('election_id', 'integer', (c) => c.notNull().references('elections.id'))
			.addColumn('region_id', 'integer', (c) => c.notNull().references('regions.id'))
			.addColumn('council_kind', 'text', (c) => c.notNull().check(oneOf('council_kind', COUNCIL_KINDS)))
			.addColumn('name_en', 'text', (c) => c.notNull())
			.addColumn('name_ru', 'text', (c) => c.notNull())
			.addColumn('name_ky', 'text', (c) => c.notNull())
			.addColumn('seats', 'integer', (c) => c.check(sql`seats > 0`))
			.addColumn('electoral_system', 'text', (c) => c.notNull().check(oneOf('electoral_system', ELECTORAL_SYSTEMS)))
			.addColumn('district', 'text')
			.addColumn('source', 'text')
	).execute();
	await sql`create unique index contests_once on contests (election_id, region_id, council_kind, name_en, coalesce(district, '')) where deleted_at is null`.execute(db);
	await db.schema.createIndex('contests_region_idx').on('contests').column('region_id').execute();

	// Official totals per contest (from the election commission), the baseline for "other women".
	await editable(
		withId(db.schema.createTable('contest_totals'))
			.addColumn('contest_id', 'integer', (c) => c.notNull().references('contests.id'))
			.addColumn('candidates', 'integer', (c) => c.check(sql`candidates >= 0`))
			.addColumn('women_candidates', 'integer', (c) => c.check(sql`women_candidates >= 0`))
			.addColumn('women_elected', 'integer', (c) => c.check(sql`women_elected >= 0`))
			.addColumn('women_seats_before', 'integer', (c) => c.check(sql`women_seats_before >= 0`))
			.addColumn('source', 'text')
			.addCheckConstraint('contest_totals_women_le_all', sql`women_candidates is null or candidates is null or women_candidates <= candidates`)
			.addCheckConstraint('contest_totals_elected_le_candidates', sql`women_elected is null or women_candidates is null or women_elected <= women_candidates`)
	).execute();
	await sql`create unique index contest_totals_once on contest_totals (contest_id) where deleted_at is null`.execute(db);

	// Seats won by each party in a party-list contest (e.g. Bishkek 2012: SDPK 21, Respublika 11, ...).
	await editable(
		withId(db.schema.createTable('party_results'))
			.addColumn('contest_id', 'integer', (c) => c.notNull().references('contests.id'))
			.addColumn('party_id', 'integer', (c) => c.notNull().references('organizations.id'))
			.addColumn('seats_won', 'integer', (c) => c.check(sql`seats_won >= 0`))
			.addColumn('votes', 'integer', (c) => c.check(sql`votes >= 0`))
			.addColumn('vote_share', 'numeric', (c) => c.check(sql`vote_share between 0 and 100`))
			.addColumn('source', 'text')
	).execute();
	await sql`create unique index party_results_once on party_results (contest_id, party_id) where deleted_at is null`.execute(db);

	await editable(
		withId(db.schema.createTable('candidacies'))
			.addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
			.addColumn('contest_id', 'integer', (c) => c.notNull().references('contests.id'))
			.addColumn('party_id', 'integer', (c) => c.references('organizations.id'))
			.addColumn('list_position', 'integer', (c) => c.check(sql`list_position > 0`))
			.addColumn('district', 'text')
			.addColumn('status', 'text', (c) => c.notNull().check(oneOf('status', CANDIDACY_STATUSES)))
			// How far a withdrawn or rejected candidacy got before it left the race.
			.addColumn('exit_stage', 'text', (c) => c.check(oneOf('exit_stage', EXIT_STAGES)))
			.addColumn('votes', 'integer', (c) => c.check(sql`votes >= 0`))
			.addColumn('vote_share', 'numeric', (c) => c.check(sql`vote_share between 0 and 100`))
			.addColumn('rank', 'integer', (c) => c.check(sql`rank > 0`))
			// NULL until the result is known: pending is never counted as lost.
			.addColumn('elected', 'boolean')
			.addColumn('took_seat', 'boolean')
			.addColumn('source', 'text')
			.addColumn('notes', 'text')
			.addCheckConstraint('candidacies_elected_on_ballot', sql`elected is null or status = 'on_ballot'`)
			.addCheckConstraint('candidacies_took_seat_elected', sql`took_seat is null or elected is true`)
			.addCheckConstraint('candidacies_exit_stage', sql`(exit_stage is not null) = (status in ('withdrawn', 'rejected'))`)
	).execute();
	await sql`create unique index candidacies_once on candidacies (person_id, contest_id) where deleted_at is null`.execute(db);
	await db.schema.createIndex('candidacies_contest_idx').on('candidacies').column('contest_id').execute();
	await db.schema.createIndex('candidacies_party_idx').on('candidacies').column('party_id').execute();

	await editable(
		withId(db.schema.createTable('campaign_activities'))
			.addColumn('candidacy_id', 'integer', (c) => c.notNull().references('candidacies.id'))
			.addColumn('kind', 'text', (c) => c.notNull().check(oneOf('kind', ACTIVITY_KINDS)))
			.addColumn('date', 'date')
			.addColumn('description', 'text')
			.addColumn('people_reached', 'integer', (c) => c.check(sql`people_reached >= 0`))
			.addColumn('source', 'text')
	).execute();
	await db.schema.createIndex('campaign_activities_candidacy_idx').on('campaign_activities').column('candidacy_id').execute();

	await withId(db.schema.createTable('import_jobs'))
		.addColumn('user_id', 'integer', (c) => c.references('users.id'))
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('file_name', 'text', (c) => c.notNull())
		.addColumn('status', 'text', (c) => c.notNull().check(oneOf('status', IMPORT_STATUSES)))
		.addColumn('total_rows', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('processed_rows', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('created_count', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('updated_count', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('skipped_count', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('mapping', 'jsonb')
		.addColumn('errors', 'jsonb')
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('finished_at', 'timestamptz')
		.execute();

	await db.schema
		.createTable('audit_log')
		.addColumn('id', 'bigint', (c) => c.primaryKey().generatedByDefaultAsIdentity())
		.addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('share_link_id', 'integer', (c) => c.references('share_links.id').onDelete('set null'))
		.addColumn('ip', 'text')
		.addColumn('action', 'text', (c) => c.notNull())
		.addColumn('entity', 'text')
		.addColumn('entity_id', 'integer')
		.addColumn('before', 'jsonb')
		.addColumn('after', 'jsonb')
		.addColumn('source', 'text')
		.addColumn('reason', 'text')
		.addColumn('import_job_id', 'integer', (c) => c.references('import_jobs.id'))
		.addColumn('details', 'jsonb')
		.execute();
	await db.schema.createIndex('audit_log_entity_idx').on('audit_log').columns(['entity', 'entity_id', 'at']).execute();
	await db.schema.createIndex('audit_log_at_idx').on('audit_log').column('at').execute();
	await db.schema.createIndex('audit_log_user_idx').on('audit_log').columns(['user_id', 'at']).execute();

	await withId(db.schema.createTable('context_indicators'))
		.addColumn('code', 'text', (c) => c.notNull())
		.addColumn('region_id', 'integer', (c) => c.notNull().references('regions.id'))
		.addColumn('year', 'integer', (c) => c.notNull())
		.addColumn('value', 'numeric', (c) => c.notNull())
		.addColumn('unit', 'text', (c) => c.notNull())
		.addColumn('label_en', 'text', (c) => c.notNull())
		.addColumn('label_ru', 'text', (c) => c.notNull())
		.addColumn('label_ky', 'text', (c) => c.notNull())
		.addColumn('source', 'text', (c) => c.notNull())
		.addColumn('source_url', 'text')
		.addColumn('note', 'text')
		.addUniqueConstraint('context_indicators_once', ['code', 'region_id', 'year'])
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of [
		'context_indicators', 'audit_log', 'import_jobs', 'campaign_activities', 'candidacies', 'party_results',
		'contest_totals', 'contests', 'elections', 'relationships', 'training_participants', 'training_events',
		'trainings', 'memberships', 'organization_names', 'organizations', 'people', 'share_links',
		'login_throttle', 'user_tokens', 'sessions', 'user_regions', 'users', 'regions', 'app_settings'
	]) {
		await db.schema.dropTable(table).ifExists().execute();
	}
}
