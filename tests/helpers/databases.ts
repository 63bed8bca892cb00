import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { connect, type DatabaseHandle, type DatabaseKind } from '../../src/lib/server/db/connect';
import { migrateToLatest } from '../../src/lib/server/db/migrate';
import type { Db } from '../../src/lib/server/db';
import { pgliteTemplatePath } from '../db/template';

export interface TestDatabase {
	kind: DatabaseKind;
	/** The suite's own database, migrated, with reference data and nothing else. */
	readonly db: Db;
	/** For PostgreSQL, the URL of the suite's own database (for tests that spawn a server). */
	readonly url?: string;
}

const POSTGRES_URL = process.env.TEST_DATABASE_URL;
if (!POSTGRES_URL && process.env.CT_REQUIRE_ALL_SUITES === '1') {
	throw new Error('TEST_DATABASE_URL is not set, and CT_REQUIRE_ALL_SUITES=1 forbids skipping the PostgreSQL suites');
}

/** A fresh database of the given kind, migrated unless asked otherwise; close() drops it. */
export async function freshDatabase(kind: DatabaseKind, options: { migrated?: boolean } = {}): Promise<DatabaseHandle & { url?: string }> {
	const migrated = options.migrated ?? true;
	if (kind === 'pglite') {
		if (!migrated) return connect({ kind: 'pglite' });
		const template = new Blob([readFileSync(pgliteTemplatePath())]);
		return connect({ kind: 'pglite', loadDataDir: template });
	}
	if (!POSTGRES_URL) throw new Error('TEST_DATABASE_URL is not set');
	const name = `ct_test_${process.pid}_${randomBytes(4).toString('hex')}`;
	const admin = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: POSTGRES_URL, max: 1 }) }) });
	await sql`create database ${sql.id(name)}`.execute(admin);
	const url = new URL(POSTGRES_URL);
	url.pathname = `/${name}`;
	const handle = await connect({ kind: 'postgres', url: url.toString(), poolSize: 4 });
	if (migrated) await migrateToLatest(handle.db);
	return {
		...handle,
		url: url.toString(),
		async close() {
			await handle.close();
			await sql`drop database if exists ${sql.id(name)} with (force)`.execute(admin);
			await admin.destroy();
		}
	};
}

/**
 * Runs the suite once per database: always on PGlite, and on PostgreSQL when TEST_DATABASE_URL is set
 * (otherwise that copy is skipped, and its title says why). Each copy gets a fresh database.
 */
export function describeEachDatabase(title: string, suite: (t: TestDatabase) => void): void {
	for (const kind of ['pglite', 'postgres'] as const) {
		if (kind === 'postgres' && !POSTGRES_URL) {
			describe.skip(`${title} [PostgreSQL] — skipped: TEST_DATABASE_URL is not set`, () => suite(unavailable(kind)));
			continue;
		}
		describe(`${title} [${kind === 'pglite' ? 'PGlite' : 'PostgreSQL'}]`, () => {
			let handle: (DatabaseHandle & { url?: string }) | undefined;
			beforeAll(async () => {
				handle = await freshDatabase(kind);
			});
			afterAll(async () => {
				await handle?.close();
			});
			suite({
				kind,
				get db() {
					if (!handle) throw new Error('database not ready');
					return handle.db;
				},
				get url() {
					return handle?.url;
				}
			});
		});
	}
}

function unavailable(kind: DatabaseKind): TestDatabase {
	return {
		kind,
		get db(): Db {
			throw new Error('unavailable');
		}
	};
}
