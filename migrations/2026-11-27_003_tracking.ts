import { sql, type Kysely } from 'kysely';

// Candidate tracking (issue 5): the positions of a city-kenesh party list, for the quota check
// ("no more than 70% of one sex"), and indexes for the people list's filters. Frozen in time.

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('party_results')
		.addColumn('list_size', 'integer', (c) => c.check(sql`list_size > 0`))
		.execute();

	await db.schema
		.createTable('party_list_entries')
		.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
		.addColumn('contest_id', 'integer', (c) => c.notNull().references('contests.id'))
		.addColumn('party_id', 'integer', (c) => c.notNull().references('organizations.id'))
		.addColumn('position', 'integer', (c) => c.notNull().check(sql`position > 0`))
		.addColumn('gender', 'text', (c) => c.notNull().check(sql`gender in ('female', 'male', 'other', 'unknown')`))
		.addColumn('person_id', 'integer', (c) => c.references('people.id'))
		.addColumn('name', 'text')
		.addColumn('source', 'text')
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('is_demo', 'boolean', (c) => c.notNull().defaultTo(false))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('deleted_at', 'timestamptz')
		.execute();
	await sql`create unique index party_list_entries_once on party_list_entries (contest_id, party_id, position) where deleted_at is null`.execute(db);

	await sql`create index candidacies_person_idx on candidacies (person_id) where deleted_at is null`.execute(db);
	await sql`create index memberships_org_person_idx on memberships (organization_id, person_id) where deleted_at is null`.execute(db);
	await sql`create index people_updated_idx on people (updated_at desc) where deleted_at is null`.execute(db);
	await sql`create index audit_log_action_at_idx on audit_log (action, at desc)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`drop index if exists audit_log_action_at_idx`.execute(db);
	await sql`drop index if exists people_updated_idx`.execute(db);
	await sql`drop index if exists memberships_org_person_idx`.execute(db);
	await sql`drop index if exists candidacies_person_idx`.execute(db);
	await db.schema.dropTable('party_list_entries').ifExists().execute();
	await db.schema.alterTable('party_results').dropColumn('list_size').execute();
}
