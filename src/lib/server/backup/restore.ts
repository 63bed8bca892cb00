// `npm run restore`: a backup file into an empty database (format: ./format.ts). All or nothing: the
// rows go in inside one transaction, so a failure anywhere leaves the database as it was.
//
// No audit entry is written: the audit log itself is restored exactly, and an entry about the restore
// would make the next backup differ from the file. The script prints what was restored instead.

import { sql } from 'kysely';
import type { Db } from '../db';
import { migrateToLatest } from '../db/migrate';
import { generateToken, hashToken } from '../auth/tokens';
import { INVITATION_TTL_MS } from '../users/actions';
import {
	BackupFileError,
	EXCLUDED_TABLES,
	REPLACEABLE_TABLES,
	SECRET_COLUMNS,
	UNUSABLE_TOKEN_HASH,
	backupSequences,
	backupTables,
	parseBackup,
	type BackupFile,
	type BackupTable
} from './format';

/** The target already holds data of its own: a restore would mix two databases. */
export class TargetNotEmptyError extends Error {
	constructor(readonly tables: string[]) {
		super(
			`The target database is not empty: ${tables.join(', ')} already hold${tables.length === 1 ? 's' : ''} rows. ` +
				'Restore into a new, empty database (a new DATA_DIR folder, or a newly created PostgreSQL database).'
		);
		this.name = 'TargetNotEmptyError';
	}
}

export interface RestoreInvitation {
	email: string;
	/** For the link /invitation/<token>; shown once, stored only as its hash. */
	token: string;
	expiresAt: Date;
}

export interface RestoreResult {
	schema: string;
	passwordHashes: boolean;
	/** Rows restored per table. */
	counts: Record<string, number>;
	/**
	 * A file without password hashes leaves every account without a password, so nobody could sign in
	 * to issue invitations: each active admin gets an invitation link to set one.
	 */
	invitations: RestoreInvitation[];
}

/** Sessions, invitation links and sign-in counters: not in the file; the restore clears them. */
const TRANSIENT_TABLES = Object.keys(EXCLUDED_TABLES).filter((t) => !t.startsWith('kysely_'));

/**
 * Checks the file, brings the database's schema up to date, then, if the database holds nothing but
 * the reference data migrations insert, replaces everything with the file's rows in one transaction.
 */
export async function restoreBackup(db: Db, text: string, options: { now?: Date } = {}): Promise<RestoreResult> {
	const file = parseBackup(text);
	await migrateToLatest(db);
	return db.transaction().execute(async (trx) => {
		const tables = await backupTables(trx);
		checkTablesAndColumns(file, tables);

		// Nobody may write while we check that the database is empty and fill it.
		const names = [...tables.map((t) => t.name), ...TRANSIENT_TABLES];
		await sql`lock table ${sql.join(names.map((t) => sql.table(t)))} in access exclusive mode`.execute(trx);
		const occupied: string[] = [];
		for (const table of tables) {
			if (REPLACEABLE_TABLES.includes(table.name)) continue;
			const { rows } = await sql<{ found: boolean }>`select exists (select 1 from ${sql.table(table.name)}) as found`.execute(trx);
			if (rows[0].found) occupied.push(table.name);
		}
		if (occupied.length) throw new TargetNotEmptyError(occupied);
		await sql`truncate table ${sql.join(names.map((t) => sql.table(t)))}`.execute(trx);

		// The file goes to the database once, as its own text: values never pass through JavaScript numbers.
		await sql`create temporary table restore_file (doc jsonb not null) on commit drop`.execute(trx);
		await sql`insert into restore_file (doc) values (${text}::jsonb)`.execute(trx);
		const counts: Record<string, number> = {};
		for (const table of tables) counts[table.name] = await insertTable(trx, table, file);

		for (const s of await backupSequences(trx, tables)) {
			// Never below the restored ids, whatever the file says.
			await sql`
				select setval(${s.sequence}::regclass,
					greatest(${file.sequences[s.key] ?? 1}::bigint, coalesce((select max(${sql.ref(s.column)}) from ${sql.table(s.table)}), 0) + 1), false)
			`.execute(trx);
		}
		const invitations = file.options.passwordHashes ? [] : await inviteAdmins(trx, options.now ?? new Date());
		return { schema: file.schema, passwordHashes: file.options.passwordHashes, counts, invitations };
	});
}

/** The file must hold exactly the tables a backup of this schema holds, and no unknown column. */
function checkTablesAndColumns(file: BackupFile, tables: BackupTable[]): void {
	const expected = new Set(tables.map((t) => t.name));
	const missing = [...expected].filter((t) => !(t in file.tables));
	const unknown = Object.keys(file.tables).filter((t) => !expected.has(t));
	if (missing.length) throw new BackupFileError(`The backup file is damaged: it lacks the table${missing.length > 1 ? 's' : ''} ${missing.join(', ')}.`);
	if (unknown.length) throw new BackupFileError(`The backup file has table${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}, which this database does not.`);
	for (const table of tables) {
		const columns = new Set(table.columns);
		for (const row of file.tables[table.name]) {
			const stray = Object.keys(row).find((c) => !columns.has(c));
			// jsonb_populate_recordset would silently drop it.
			if (stray) throw new BackupFileError(`The backup file is damaged: a row of ${table.name} has a column ${stray}, which the table does not.`);
		}
	}
	const sequenceKeys = new Set(tables.flatMap((t) => t.columns.map((c) => `${t.name}.${c}`)));
	const strayKey = Object.keys(file.sequences).find((k) => !sequenceKeys.has(k));
	if (strayKey) throw new BackupFileError(`The backup file is damaged: it has a sequence for ${strayKey}, which this database does not.`);
}

/** Inserts the table's rows from the file with their own ids; returns how many. */
async function insertTable(trx: Db, table: BackupTable, file: BackupFile): Promise<number> {
	const expected = file.tables[table.name].length;
	if (expected === 0) return 0;
	const secret = SECRET_COLUMNS[table.name] ?? {};
	const values = table.columns.map((c) =>
		secret[c] === 'unusable' && !file.options.passwordHashes
			? sql`coalesce(r.${sql.id(c)}, ${UNUSABLE_TOKEN_HASH}::text || r.id)`
			: sql`r.${sql.id(c)}`
	);
	try {
		// Foreign keys are checked at the end of each statement, so rows referring to rows of their own
		// table (regions' parents, step-down trainings) go in together in any order.
		const result = await sql`
			insert into ${sql.table(table.name)} (${sql.join(table.columns.map((c) => sql.id(c)))}) overriding system value
			select ${sql.join(values)}
			from jsonb_populate_recordset(null::${sql.table(table.name)}, (select doc -> 'tables' -> ${table.name} from restore_file)) as r
		`.execute(trx);
		const inserted = Number(result.numAffectedRows ?? 0);
		if (inserted !== expected) throw new Error(`${inserted} of ${expected} rows went in`);
		return inserted;
	} catch (e) {
		throw new BackupFileError(`The rows of ${table.name} could not be restored: ${e instanceof Error ? e.message : e}`);
	}
}

async function inviteAdmins(trx: Db, now: Date): Promise<RestoreInvitation[]> {
	const admins = await trx.selectFrom('users').select(['id', 'email']).where('role', '=', 'admin').where('disabled_at', 'is', null).orderBy('id').execute();
	const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS);
	const invitations: RestoreInvitation[] = [];
	for (const admin of admins) {
		const token = generateToken();
		await trx.insertInto('user_tokens').values({ kind: 'invitation', token_hash: hashToken(token), user_id: admin.id, created_by: null, created_at: now, expires_at: expiresAt }).execute();
		invitations.push({ email: admin.email, token, expiresAt });
	}
	return invitations;
}
