// `npm run backup`: the whole database as one JSON file (format and its guarantees: ./format.ts).

import { sql } from 'kysely';
import type { Db } from '../db';
import { BACKUP_FORMAT, BACKUP_VERSION, SECRET_COLUMNS, appliedSchema, backupSequences, backupTables, type BackupTable } from './format';

export interface BackupOptions {
	/** Include users' password hashes and share links' token hashes (needed to move a database as it is). */
	passwordHashes?: boolean;
}

export interface BackupResult {
	/** The file's content. */
	text: string;
	/** Rows per table, in file order. */
	counts: Record<string, number>;
}

/** Reads every table in one snapshot and returns the backup file's text. */
export async function backupDatabase(db: Db, options: BackupOptions = {}): Promise<BackupResult> {
	const passwordHashes = options.passwordHashes ?? false;
	// Repeatable read: every table from the same snapshot, even while the PostgreSQL server keeps writing.
	return db
		.transaction()
		.setIsolationLevel('repeatable read')
		.execute(async (trx) => {
			// to_json writes timestamptz in the session's time zone: UTC gives the same text everywhere.
			await sql`set local timezone = 'UTC'`.execute(trx);
			const schema = await appliedSchema(trx);
			if (!schema) throw new Error('The database has no schema yet: there is nothing to back up.');
			const tables = await backupTables(trx);
			const sequences: Record<string, number> = {};
			for (const s of await backupSequences(trx, tables)) {
				// The id nextval hands out next (identity sequences count up by one).
				const { rows } = await sql<{ next: string }>`
					select (case when is_called then last_value + 1 else last_value end)::text as next from ${sql.raw(s.sequence)}
				`.execute(trx);
				sequences[s.key] = Number(rows[0].next);
			}
			const counts: Record<string, number> = {};
			const tableTexts: string[] = [];
			for (const table of tables) {
				const rows = await tableRows(trx, table, passwordHashes);
				counts[table.name] = rows.length;
				tableTexts.push(`\t\t${JSON.stringify(table.name)}: ${rows.length ? `[\n${rows.map((r) => `\t\t\t${r}`).join(',\n')}\n\t\t]` : '[]'}`);
			}
			const sequenceTexts = Object.entries(sequences).map(([key, next]) => `\t\t${JSON.stringify(key)}: ${next}`);
			const text = [
				'{',
				`\t"format": ${JSON.stringify(BACKUP_FORMAT)},`,
				`\t"version": ${BACKUP_VERSION},`,
				`\t"schema": ${JSON.stringify(schema)},`,
				`\t"options": ${JSON.stringify({ passwordHashes })},`,
				`\t"sequences": {${sequenceTexts.length ? `\n${sequenceTexts.join(',\n')}\n\t` : ''}},`,
				`\t"tables": {\n${tableTexts.join(',\n')}\n\t}`,
				'}',
				''
			].join('\n');
			return { text, counts };
		});
}

/** One JSON text per row, ordered by primary key, secret columns left out unless asked for. */
async function tableRows(trx: Db, table: BackupTable, passwordHashes: boolean): Promise<string[]> {
	const secret = SECRET_COLUMNS[table.name] ?? {};
	const columns = table.columns.filter((c) => passwordHashes || !(c in secret));
	// A table without a primary key (none today) is ordered by its rows' text, byte by byte.
	const order = table.primaryKey.length ? sql.join(table.primaryKey.map((c) => sql.ref(`r.${c}`))) : sql`to_json(r)::text collate "C"`;
	const { rows } = await sql<{ row: string }>`
		select to_json(r)::text as row
		from (select ${sql.join(columns.map((c) => sql.ref(`t.${c}`)))} from ${sql.table(table.name)} as t) as r
		order by ${order}
	`.execute(trx);
	return rows.map((r) => r.row);
}
