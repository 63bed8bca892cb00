import { sql, type Kysely } from 'kysely';

// Import and export (issue 8). Identifiers other systems give a person or an organization (Popolo
// `identifiers`: an EveryPolitician id, a Wikidata item), so that importing the same file twice
// matches instead of duplicating; and what an import job keeps between its steps (the sheet read
// from the file, the mapping, the user's per-row choices, the preview). Frozen in time.

export async function up(db: Kysely<any>): Promise<void> {
	for (const table of ['people', 'organizations']) {
		await db.schema
			.alterTable(table)
			.addColumn('identifiers', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
			.execute();
		await sql`create index ${sql.id(`${table}_identifiers_idx`)} on ${sql.table(table)} using gin (identifiers jsonb_path_ops)`.execute(db);
	}
	await db.schema
		.alterTable('import_jobs')
		.addColumn('format', 'text')
		.addColumn('header_key', 'text')
		.addColumn('sheet', 'jsonb')
		.addColumn('decisions', 'jsonb')
		.addColumn('preview', 'jsonb')
		.addColumn('undone_at', 'timestamptz')
		.addColumn('undone_by', 'integer', (c) => c.references('users.id'))
		.execute();
	await sql`create index import_jobs_header_key_idx on import_jobs (kind, header_key, id desc)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`drop index if exists import_jobs_header_key_idx`.execute(db);
	for (const column of ['undone_by', 'undone_at', 'preview', 'decisions', 'sheet', 'header_key', 'format']) {
		await db.schema.alterTable('import_jobs').dropColumn(column).execute();
	}
	for (const table of ['people', 'organizations']) {
		await sql`drop index if exists ${sql.id(`${table}_identifiers_idx`)}`.execute(db);
		await db.schema.alterTable(table).dropColumn('identifiers').execute();
	}
}
