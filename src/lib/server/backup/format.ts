// The backup file (issue 8): one JSON document holding every table of the app's schema, written so that
// the same database always gives the same bytes, on PGlite and on PostgreSQL alike:
//
//   {
//     "format": "candidate-tracker-backup",
//     "version": 1,
//     "schema": "<the latest migration applied>",
//     "options": {"passwordHashes":false},
//     "sequences": { "<table>.<column>": <the id the next row gets>, … },
//     "tables": {
//       "<table>": [
//         {<one row per line, columns in table order>},
//         …
//       ],
//       …
//     }
//   }
//
// Tables come parents first (foreign-key order, then by name), rows by primary key. Each row is the
// database's own to_json text, read with the time zone set to UTC: timestamps, dates, numerics (their
// scale kept: 12.50 stays 12.50), arrays and jsonb come out as the same text on both databases and go
// back in through jsonb_populate_recordset without passing through JavaScript numbers. There is no
// creation time in the file, so backup → restore → backup gives identical bytes. One thing to_json
// cannot tell apart: a jsonb column holding the JSON value null is written like SQL NULL and restored
// as SQL NULL (the app never stores one: audit() writes NULL for an absent before/after).
//
// Sequences are saved too: ids of rows deleted before the backup are not handed out again after a
// restore, so the audit log's entity ids never come to name a different row.

import { sql } from 'kysely';
import { z } from 'zod';
import { migrations } from '../../../../migrations/index';
import type { Db } from '../db';

export const BACKUP_FORMAT = 'candidate-tracker-backup';
export const BACKUP_VERSION = 1;

/**
 * Tables deliberately left out of the file, and why. Every other table of schema public is backed up,
 * so a table added by a later migration is included without anyone remembering to list it.
 */
export const EXCLUDED_TABLES: Readonly<Record<string, string>> = {
	kysely_migration: 'which migrations ran: the restore runs them itself, and the file names the latest ("schema")',
	kysely_migration_lock: 'the migrator’s lock row',
	sessions: 'sign-in sessions are transient secrets: after a restore everyone signs in again',
	user_tokens: 'invitation and password-reset links are transient secrets: an admin issues new ones',
	login_throttle: 'failed sign-in counters are transient'
};

/**
 * Secret columns, left out unless the backup is made with password hashes. A restored user without a
 * password hash cannot sign in (sign-in treats a NULL hash as no password) until she sets one through
 * an invitation link; a share link's token hash is NOT NULL, so it gets a placeholder no token hashes
 * to (real hashes are 64 hex digits): the link exists, with its history, but no longer opens.
 */
export const SECRET_COLUMNS: Readonly<Record<string, Readonly<Record<string, 'null' | 'unusable'>>>> = {
	users: { password_hash: 'null' },
	share_links: { token_hash: 'unusable' }
};

/** The prefix of a restored share link's placeholder token hash (followed by the link's id). */
export const UNUSABLE_TOKEN_HASH = 'restored-without-token:';

/**
 * Tables that may hold rows in a database a restore accepts as empty: the reference data migrations
 * insert (regions, parties, the 2012 elections, context indicators) and settings written at start-up.
 * A restore replaces their rows with the file's. Every other table, users and audit_log among them,
 * must be empty: nothing has been entered yet.
 */
export const REPLACEABLE_TABLES: readonly string[] = [
	'app_settings',
	'context_indicators',
	'contests',
	'elections',
	'organization_names',
	'organizations',
	'party_results',
	'regions'
];

/** The newest migration this version of the app knows: the schema a backup it reads must have. */
export function latestMigration(): string {
	return Object.keys(migrations).sort().at(-1)!;
}

export interface BackupTable {
	name: string;
	/** In table order (attnum), as to_json writes them. */
	columns: string[];
	primaryKey: string[];
	/** Other tables its foreign keys point to. */
	references: string[];
}

/** The tables to back up, parents before children; refuses a foreign-key cycle it could not restore. */
export async function backupTables(db: Db): Promise<BackupTable[]> {
	const { rows } = await sql<{ name: string; columns: string[]; primary_key: string[] | null; references: string[] | null }>`
		select c.relname as name,
			(select json_agg(a.attname order by a.attnum) from pg_attribute a
				where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped) as columns,
			(select json_agg(a.attname order by array_position(i.indkey::int2[], a.attnum))
				from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey::int2[])
				where i.indrelid = c.oid and i.indisprimary) as primary_key,
			(select json_agg(distinct p.relname) from pg_constraint f join pg_class p on p.oid = f.confrelid
				where f.conrelid = c.oid and f.contype = 'f' and f.confrelid <> c.oid) as references
		from pg_class c join pg_namespace n on n.oid = c.relnamespace
		where n.nspname = 'public' and c.relkind in ('r', 'p')
		order by c.relname
	`.execute(db);
	const tables = rows
		.filter((r) => !(r.name in EXCLUDED_TABLES))
		.map((r) => ({ name: r.name, columns: r.columns, primaryKey: r.primary_key ?? [], references: r.references ?? [] }));
	for (const table of tables) {
		const excluded = table.references.filter((t) => t in EXCLUDED_TABLES);
		if (excluded.length) throw new Error(`Table ${table.name} refers to ${excluded.join(', ')}, which backups leave out: it could not be restored.`);
	}
	return foreignKeyOrder(tables);
}

/** Parents first; among tables whose parents are all placed, by name (so the order is stable). */
function foreignKeyOrder(tables: BackupTable[]): BackupTable[] {
	const ordered: BackupTable[] = [];
	const placed = new Set<string>();
	let waiting = [...tables];
	while (waiting.length) {
		const ready = waiting.filter((t) => t.references.every((r) => placed.has(r)));
		if (ready.length === 0) throw new Error(`The foreign keys of ${waiting.map((t) => t.name).join(', ')} form a cycle: backups cannot order them.`);
		const next = ready[0]; // tables arrive sorted by name
		ordered.push(next);
		placed.add(next.name);
		waiting = waiting.filter((t) => t !== next);
	}
	return ordered;
}

export interface BackupSequence {
	/** "<table>.<column>", the key in the file. */
	key: string;
	table: string;
	column: string;
	/** Schema-qualified, for setval. */
	sequence: string;
}

/** The identity (and serial) sequences of the backed-up tables, by table and column. */
export async function backupSequences(db: Db, tables: BackupTable[]): Promise<BackupSequence[]> {
	const { rows } = await sql<{ table: string; column: string; sequence: string }>`
		select t.relname as table, a.attname as column, format('%I.%I', n.nspname, s.relname) as sequence
		from pg_class s
		join pg_depend d on d.classid = 'pg_class'::regclass and d.objid = s.oid and d.refclassid = 'pg_class'::regclass
		join pg_class t on t.oid = d.refobjid
		join pg_namespace n on n.oid = t.relnamespace
		join pg_attribute a on a.attrelid = t.oid and a.attnum = d.refobjsubid
		where s.relkind = 'S' and n.nspname = 'public'
		order by t.relname, a.attname
	`.execute(db);
	const names = new Set(tables.map((t) => t.name));
	return rows.filter((r) => names.has(r.table)).map((r) => ({ ...r, key: `${r.table}.${r.column}` }));
}

/** The latest migration applied to the database, which names its schema. */
export async function appliedSchema(db: Db): Promise<string | null> {
	const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name desc limit 1`.execute(db);
	return rows[0]?.name ?? null;
}

/** A file the restore refuses: the message says what is wrong with it. */
export class BackupFileError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'BackupFileError';
	}
}

const backupFileSchema = z.object({
	format: z.literal(BACKUP_FORMAT),
	version: z.literal(BACKUP_VERSION),
	schema: z.string(),
	options: z.object({ passwordHashes: z.boolean() }),
	sequences: z.record(z.string(), z.number().int().positive()),
	tables: z.record(z.string(), z.array(z.record(z.string(), z.unknown())))
});

export type BackupFile = z.infer<typeof backupFileSchema>;

/**
 * Reads the file's header and shape, and refuses, naming the problem, a file that is not JSON, not a
 * backup, of another format version, or of another database schema than this version of the app's.
 * The rows are only checked for shape here: their values go to the database as the file's own text.
 */
export function parseBackup(text: string): BackupFile {
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch (e) {
		throw new BackupFileError(`The file is not valid JSON (${e instanceof Error ? e.message : e}); it may be damaged or cut short.`);
	}
	const header = (typeof json === 'object' && json !== null ? json : {}) as Record<string, unknown>;
	if (header.format !== BACKUP_FORMAT) {
		throw new BackupFileError(`The file is not a Candidate Tracker backup (its "format" is ${JSON.stringify(header.format ?? null)}, expected "${BACKUP_FORMAT}").`);
	}
	if (header.version !== BACKUP_VERSION) {
		throw new BackupFileError(
			`The backup is of format version ${JSON.stringify(header.version ?? null)}; this version of Candidate Tracker reads version ${BACKUP_VERSION}.`
		);
	}
	const latest = latestMigration();
	if (header.schema !== latest) {
		throw new BackupFileError(
			`The backup is of database schema ${JSON.stringify(header.schema ?? null)}, but this version of Candidate Tracker is at ${latest}. ` +
				'Restore it with the version that made it (then update), or back the database up again with this version.'
		);
	}
	const parsed = backupFileSchema.safeParse(json);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		throw new BackupFileError(`The backup file is damaged: ${issue.path.join('.') || 'its top level'}: ${issue.message}.`);
	}
	return parsed.data;
}

/** "23 tables, 2,125 rows, 842 kB": the scripts' one-line summary of a file. */
export function describeBackup(counts: Record<string, number>, bytes: number): string {
	const tables = Object.keys(counts).length;
	const rows = Object.values(counts).reduce((a, b) => a + b, 0);
	const size = bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} kB`;
	return `${tables} tables, ${rows.toLocaleString('en')} rows, ${size}`;
}
