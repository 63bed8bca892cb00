import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../src/lib/server/auth/sessions';
import { createShareLink } from '../../src/lib/server/auth/share-links';
import { recordFailure, throttleKey } from '../../src/lib/server/auth/throttle';
import { backupDatabase } from '../../src/lib/server/backup/backup';
import { EXCLUDED_TABLES, SECRET_COLUMNS, UNUSABLE_TOKEN_HASH, latestMigration, parseBackup } from '../../src/lib/server/backup/format';
import { TargetNotEmptyError, restoreBackup } from '../../src/lib/server/backup/restore';
import { connect, type DatabaseHandle } from '../../src/lib/server/db/connect';
import type { Db } from '../../src/lib/server/db';
import { migrateToLatest } from '../../src/lib/server/db/migrate';
import { loadDemo } from '../../src/lib/server/demo/load';
import { impactDashboard } from '../../src/lib/server/impact/figures';
import { findInvitation } from '../../src/lib/server/users/actions';
import { describeEachDatabase, freshDatabase } from '../helpers/databases';

const POSTGRES = Boolean(process.env.TEST_DATABASE_URL);

/**
 * Beyond the demo: an audit row with jsonb, a share link, a numeric with trailing zeros, a session and
 * a throttle row (transient), and a person deleted for good, so that the people sequence is ahead of
 * max(id). Returns the id the next person must get, after a restore too.
 */
async function addVariety(db: Db): Promise<{ nextPersonId: number }> {
	const admin = await db.selectFrom('users').select('id').where('role', '=', 'admin').orderBy('id').executeTakeFirstOrThrow();
	await createShareLink(db, { actor: { userId: admin.id, shareLinkId: null }, ip: '127.0.0.1' }, { label: 'Funder report', expiresAt: new Date('2030-01-01T00:00:00Z') });
	await createSession(db, admin.id, { ip: '127.0.0.1', userAgent: 'test' });
	await recordFailure(db, [{ kind: 'email', key: throttleKey('email', 'someone@example.org') }]);
	await sql`update candidacies set vote_share = 12.50 where id = (select min(id) from candidacies where status = 'on_ballot')`.execute(db);
	const gone = await db
		.insertInto('people')
		.values({ full_name: 'Удалённая Запись', name_latin: 'Udalyonnaya Zapis', search_key: 'udalennaia zapis', sort_key: 'udalennaya zapis' })
		.returning('id')
		.executeTakeFirstOrThrow();
	await db.deleteFrom('people').where('id', '=', gone.id).execute();
	return { nextPersonId: gone.id + 1 };
}

/** Rows per table of schema public, migrations' bookkeeping aside. */
async function rowCounts(db: Db): Promise<Record<string, number>> {
	const tables = await publicTables(db);
	const counts: Record<string, number> = {};
	for (const table of tables.filter((t) => !t.startsWith('kysely_'))) {
		const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(db);
		counts[table] = rows[0].n;
	}
	return counts;
}

async function publicTables(db: Db): Promise<string[]> {
	const { rows } = await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`.execute(db);
	return rows.map((r) => r.name);
}

const backupText = async (db: Db, passwordHashes = false) => (await backupDatabase(db, { passwordHashes })).text;
const TRANSIENT = ['login_throttle', 'sessions', 'user_tokens'];
const without = (counts: Record<string, number>, tables: string[]) => Object.fromEntries(Object.entries(counts).filter(([t]) => !tables.includes(t)));

describeEachDatabase('backup and restore', (t) => {
	const handles: DatabaseHandle[] = [];
	/** A new, migrated database of the suite's kind, holding reference data only. */
	const emptyDatabase = async () => {
		const handle = await freshDatabase(t.kind);
		handles.push(handle);
		return handle.db;
	};
	let file: string;
	let fileWithHashes: string;
	let nextPersonId: number;
	let restored: Db;

	beforeAll(async () => {
		await loadDemo(t.db);
		({ nextPersonId } = await addVariety(t.db));
		file = await backupText(t.db);
		fileWithHashes = await backupText(t.db, true);
	});
	afterAll(async () => {
		for (const handle of handles) await handle.close();
	});

	it('backup → restore into an empty database → backup gives the same bytes and the same rows in every table', async () => {
		restored = await emptyDatabase();
		// A server started on the empty database has written a setting: the restore replaces it.
		await restored.insertInto('app_settings').values({ key: 'name_keys_version', value: JSON.stringify(2) }).execute();
		const result = await restoreBackup(restored, file);
		expect(await backupText(restored)).toBe(file);

		const source = await rowCounts(t.db);
		const target = await rowCounts(restored);
		expect(without(target, TRANSIENT)).toEqual(without(source, TRANSIENT));
		expect(source.people).toBeGreaterThan(400);
		expect(source.audit_log).toBeGreaterThan(0);
		expect(result.counts).toEqual(without(source, TRANSIENT));
		// Sessions and failed sign-ins are not carried over; the only token is the admin's new invitation.
		expect(target).toMatchObject({ sessions: 0, login_throttle: 0, user_tokens: result.invitations.length });
		// The numeric keeps its scale: the value never passed through a JavaScript number.
		expect(file).toContain('"vote_share":12.50');
	});

	it('a row added after the restore gets an id after the restored ones, and never a deleted row’s id', async () => {
		const person = await restored
			.insertInto('people')
			.values({ full_name: 'Новая Запись', name_latin: 'Novaya Zapis', search_key: 'novaia zapis', sort_key: 'novaya zapis' })
			.returning('id')
			.executeTakeFirstOrThrow();
		expect(person.id).toBe(nextPersonId);
		const { max } = await restored.selectFrom('audit_log').select((eb) => eb.fn.max('id').as('max')).executeTakeFirstOrThrow();
		await restored.insertInto('audit_log').values({ action: 'test' }).execute();
		const { max: after } = await restored.selectFrom('audit_log').select((eb) => eb.fn.max('id').as('max')).executeTakeFirstOrThrow();
		expect(Number(after)).toBe(Number(max) + 1);
	});

	it('leaves password hashes and share-link tokens out by default, and gives each active admin an invitation link', async () => {
		const parsed = parseBackup(file);
		expect(parsed.options.passwordHashes).toBe(false);
		expect(parsed.tables.users.length).toBeGreaterThan(0);
		for (const user of parsed.tables.users) expect(user).not.toHaveProperty('password_hash');
		for (const link of parsed.tables.share_links) expect(link).not.toHaveProperty('token_hash');
		const sourceUsers = await t.db.selectFrom('users').select(['password_hash']).execute();
		const sourceLinks = await t.db.selectFrom('share_links').select('token_hash').execute();
		for (const secret of [...sourceUsers.map((u) => u.password_hash), ...sourceLinks.map((l) => l.token_hash)]) {
			expect(secret).toBeTruthy();
			expect(file).not.toContain(secret!);
		}

		expect(await restored.selectFrom('users').select('id').where('password_hash', 'is not', null).execute()).toEqual([]);
		const links = await restored.selectFrom('share_links').select(['id', 'token_hash']).execute();
		expect(links.map((l) => l.token_hash)).toEqual(links.map((l) => `${UNUSABLE_TOKEN_HASH}${l.id}`));

		const admins = await t.db.selectFrom('users').select('email').where('role', '=', 'admin').where('disabled_at', 'is', null).orderBy('id').execute();
		expect(admins.length).toBeGreaterThan(0);
		const again = await emptyDatabase();
		const { invitations } = await restoreBackup(again, file);
		expect(invitations.map((i) => i.email)).toEqual(admins.map((a) => a.email));
		const found = await findInvitation(again, invitations[0].token);
		expect(found.invitation?.email).toBe(admins[0].email);
	});

	it('keeps password hashes and share-link tokens when asked, and then issues no invitation', async () => {
		expect(fileWithHashes).not.toBe(file);
		const target = await emptyDatabase();
		const result = await restoreBackup(target, fileWithHashes);
		expect(result.invitations).toEqual([]);
		expect(await backupText(target, true)).toBe(fileWithHashes);
		const hashes = (db: Db) => db.selectFrom('users').select(['id', 'password_hash']).orderBy('id').execute();
		expect(await hashes(target)).toEqual(await hashes(t.db));
		expect((await hashes(target)).every((u) => u.password_hash?.startsWith('$argon2'))).toBe(true);
	});

	it('refuses a database that holds data of its own, and changes nothing in it', async () => {
		const before = await backupText(restored, true);
		await expect(restoreBackup(restored, file)).rejects.toBeInstanceOf(TargetNotEmptyError);
		await expect(restoreBackup(t.db, file)).rejects.toThrow(/not empty: .*people/);
		expect(await backupText(restored, true)).toBe(before);
	});

	it('refuses a corrupt, foreign, old or damaged file, naming what is wrong, and writes nothing', async () => {
		const target = await emptyDatabase();
		const emptyCounts = await rowCounts(target);
		const edit = (change: (json: Record<string, unknown> & { tables: Record<string, Record<string, unknown>[]> }) => void) => {
			const json = JSON.parse(file);
			change(json);
			return JSON.stringify(json);
		};
		const cases: Array<[string, RegExp]> = [
			[file.slice(0, file.length / 2), /not valid JSON/],
			[JSON.stringify({ format: 'something-else', version: 1 }), /not a Candidate Tracker backup \(its "format" is "something-else"/],
			[edit((j) => (j.version = 2)), /format version 2; this version of Candidate Tracker reads version 1/],
			[edit((j) => (j.schema = '2026-11-27_003_tracking')), new RegExp(`schema "2026-11-27_003_tracking", but this version of Candidate Tracker is at ${latestMigration()}`)],
			[edit((j) => delete j.tables.trainings), /lacks the table trainings/],
			[edit((j) => (j.tables.people[0].shoe_size = 38)), /a row of people has a column shoe_size/],
			[edit((j) => (j.tables.elections = 'none' as never)), /damaged: tables\.elections/],
			// users come after people: a failure there must undo the people already inserted.
			[edit((j) => (j.tables.users[0].role = 'emperor')), /The rows of users could not be restored/]
		];
		for (const [text, message] of cases) {
			await expect(restoreBackup(target, text)).rejects.toThrow(message);
		}
		expect(await rowCounts(target)).toEqual(emptyCounts);
		// Nothing was left half-written: the good file still goes in.
		await restoreBackup(target, file);
		expect(await backupText(target)).toBe(file);
	});

	it('backs up every table except the deliberately excluded ones, and knows every secret column', async () => {
		const parsed = parseBackup(file);
		const tables = await publicTables(t.db);
		for (const table of tables) expect(table in parsed.tables || table in EXCLUDED_TABLES, `${table}: neither backed up nor excluded`).toBe(true);
		for (const table of Object.keys(EXCLUDED_TABLES)) expect(tables, `excluded ${table} no longer exists`).toContain(table);
		const { rows } = await sql<{ table: string; column: string }>`
			select table_name as table, column_name as column from information_schema.columns
			where table_schema = 'public' and column_name ~ '(hash|token|secret|password)' and column_name <> 'password_changed_at'
			order by 1, 2
		`.execute(t.db);
		const backedUpSecrets = rows.filter((r) => !(r.table in EXCLUDED_TABLES));
		expect(backedUpSecrets.map((r) => `${r.table}.${r.column}`)).toEqual(
			Object.entries(SECRET_COLUMNS).flatMap(([table, columns]) => Object.keys(columns).map((c) => `${table}.${c}`)).sort()
		);
	});
});

describe.skipIf(!POSTGRES)('moving up: a PGlite backup restored into PostgreSQL', () => {
	let source: DatabaseHandle;
	let target: DatabaseHandle;
	beforeAll(async () => {
		source = await freshDatabase('pglite');
		target = await freshDatabase('postgres');
		await loadDemo(source.db);
		await addVariety(source.db);
	});
	afterAll(async () => {
		await source?.close();
		await target?.close();
	});

	it('gives the same file back from PostgreSQL, and the same impact numbers', async () => {
		const file = await backupText(source.db, true);
		await restoreBackup(target.db, file);
		expect(await backupText(target.db, true)).toBe(file);
		expect(await impactDashboard(target.db, {}, 'en')).toEqual(await impactDashboard(source.db, {}, 'en'));
		const naryn = (await source.db.selectFrom('regions').select('id').where('code', '=', 'KG-N').executeTakeFirstOrThrow()).id;
		expect(await impactDashboard(target.db, { region: naryn }, 'ru')).toEqual(await impactDashboard(source.db, { region: naryn }, 'ru'));
	});
});

/** Runs scripts/<name>.ts as `npm run <name> -- args` would, and returns its exit code and output. */
function runScript(name: string, args: string[], database: { DATA_DIR: string } | { DATABASE_URL: string }): Promise<{ code: number | null; output: string }> {
	const env: NodeJS.ProcessEnv = { ...process.env, ...database };
	if ('DATA_DIR' in database) delete env.DATABASE_URL;
	const child = spawn(process.execPath, ['--import', 'tsx', `scripts/${name}.ts`, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
	let output = '';
	child.stdout.on('data', (d) => (output += d));
	child.stderr.on('data', (d) => (output += d));
	return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

describe('npm run backup / npm run restore', () => {
	const dir = mkdtempSync(join(tmpdir(), 'ct-backup-'));
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	async function demoFolder() {
		const dataDir = join(dir, 'source');
		const handle = await connect({ kind: 'pglite', dataDir });
		await migrateToLatest(handle.db);
		await loadDemo(handle.db);
		await handle.close();
		return dataDir;
	}

	it('back up the embedded database and restore it into a new folder (and into PostgreSQL), refusing what they should', { timeout: 240_000 }, async () => {
		const source = await demoFolder();
		const file = join(dir, 'backup.json');
		const backup = await runScript('backup', [file], { DATA_DIR: source });
		expect(backup.output).toMatch(/Backed up .* 2\d tables, [\d,]+ rows, \d+ kB, in \d+ ms\./);
		expect(backup.code).toBe(0);

		const target = join(dir, 'restored');
		const restore = await runScript('restore', [file], { DATA_DIR: target });
		expect(restore.output).toMatch(/Restored .* 2\d tables/);
		expect(restore.output).toMatch(/admin@demo\.example\.org: http:\/\/localhost:\d+\/invitation\/[\w-]{43} /);
		expect(restore.code).toBe(0);

		const again = await runScript('restore', [file], { DATA_DIR: target });
		expect(again.output).toMatch(/Error: The target database is not empty/);
		expect(again.code).toBe(1);

		expect(await runScript('restore', [], { DATA_DIR: target })).toMatchObject({ code: 1, output: expect.stringMatching(/Usage: npm run restore -- FILE/) });
		expect(await runScript('restore', [join(dir, 'missing.json')], { DATA_DIR: target })).toMatchObject({ code: 1, output: expect.stringMatching(/Cannot read .*missing\.json/) });

		// A running server holds the folder: the backup says so instead of corrupting it.
		const server = await connect({ kind: 'pglite', dataDir: target });
		try {
			const locked = await runScript('backup', [join(dir, 'locked.json')], { DATA_DIR: target });
			expect(locked.output).toMatch(/already in use by another Candidate Tracker process/);
			expect(locked.code).toBe(1);
		} finally {
			await server.close();
		}

		if (POSTGRES) {
			const postgres = await freshDatabase('postgres', { migrated: false });
			try {
				const url = { DATABASE_URL: postgres.url! };
				expect((await runScript('restore', [file], url)).code).toBe(0);
				const copy = join(dir, 'from-postgres.json');
				expect((await runScript('backup', [copy], url)).code).toBe(0);
				expect(readFileSync(copy, 'utf8')).toBe(readFileSync(file, 'utf8'));
			} finally {
				await postgres.close();
			}
		}
	});
});
