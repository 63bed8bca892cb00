import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import { join } from 'node:path';
import { acquireDataDirLock } from './lock';
import type { Database } from './types';

export type DatabaseKind = 'pglite' | 'postgres';

export interface DatabaseHandle {
	db: Kysely<Database>;
	kind: DatabaseKind;
	/** Where the data lives, for messages: a folder, "memory", or the URL without its password. */
	location: string;
	close(): Promise<void>;
}

export type DatabaseConfig =
	| { kind: 'postgres'; url: string; poolSize?: number }
	| { kind: 'pglite'; dataDir?: string; loadDataDir?: Blob };

// Same JavaScript values from both drivers: dates stay 'YYYY-MM-DD' strings (node-pg would shift them
// into the local time zone), and bigint counts and numerics become numbers.
const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;
const parsers: Record<number, (value: string) => unknown> = {
	[INT8]: (v) => Number(v),
	[NUMERIC]: (v) => Number(v),
	[DATE]: (v) => v
};

export async function openPglite(options: { dataDir?: string; loadDataDir?: Blob } = {}): Promise<PGlite> {
	return PGlite.create({
		dataDir: options.dataDir,
		loadDataDir: options.loadDataDir,
		extensions: { pg_trgm },
		parsers
	});
}

export async function connect(config: DatabaseConfig): Promise<DatabaseHandle> {
	if (config.kind === 'postgres') {
		const pool = new pg.Pool({
			connectionString: config.url,
			max: config.poolSize ?? 10,
			connectionTimeoutMillis: 5_000,
			types: { getTypeParser: ((oid: number, format?: string) => parsers[oid] ?? pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser }
		});
		// An idle client losing its server (restart, network) must not crash the process.
		pool.on('error', (err) => console.error('PostgreSQL pool error:', err.message));
		const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
		return { db, kind: 'postgres', location: redactUrl(config.url), close: () => db.destroy() };
	}

	let release: () => void = () => {};
	let pglite: PGlite;
	if (config.dataDir) {
		release = acquireDataDirLock(config.dataDir);
		try {
			pglite = await openPglite({ dataDir: join(config.dataDir, 'pgdata') });
		} catch (e) {
			release();
			throw e;
		}
	} else {
		pglite = await openPglite({ loadDataDir: config.loadDataDir });
	}
	const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
	return {
		db,
		kind: 'pglite',
		location: config.dataDir ?? 'memory',
		async close() {
			await db.destroy(); // also closes PGlite, which checkpoints the data folder
			release();
		}
	};
}

export function redactUrl(url: string): string {
	try {
		const u = new URL(url);
		if (u.password) u.password = '***';
		return u.toString();
	} catch {
		return 'postgres';
	}
}
