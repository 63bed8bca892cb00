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
			// How long a query waits for a connection — a new one to a server that does not answer, or a free
			// one of the ten when all are busy — before the request answers 503 (hooks.server.ts). A stopped
			// server refuses at once; under a burst (npm run load: 50 users) heavy pages queue for seconds.
			connectionTimeoutMillis: 10_000,
			// pg's default, stated because the fault tests rely on it: idle connections close after 10 s.
			idleTimeoutMillis: 10_000,
			types: { getTypeParser: ((oid: number, format?: string) => parsers[oid] ?? pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser }
		});
		// An idle client losing its server (restart, network) must not crash the process.
		pool.on('error', (err) => console.error('PostgreSQL pool error:', err.message));
		// A checked-out client losing its server emits 'error' too, and the pool listens only to idle ones:
		// without a listener of our own that event is uncaught and ends the process. The query in flight
		// rejects with the same error, and the pool discards the broken client when it is released.
		pool.on('connect', (client) => client.on('error', () => {}));
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

// How a lost PostgreSQL shows itself: the socket (refused, reset, timed out), the server shutting down
// or starting up (57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now), SQLSTATE class
// 08 (connection exception), or node-pg's own messages for a connection that ended or never came.
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', '57P01', '57P02', '57P03']);
const UNREACHABLE_MESSAGES = /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed and is not queryable)/;

/** Whether an error means the database cannot be reached (rather than a bad query or a bug). */
export function isDatabaseUnreachable(error: unknown, depth = 0): boolean {
	if (!(error instanceof Error) || depth > 5) return false;
	const code = (error as { code?: unknown }).code;
	if (typeof code === 'string' && (UNREACHABLE_CODES.has(code) || code.startsWith('08'))) return true;
	if (UNREACHABLE_MESSAGES.test(error.message)) return true;
	// node-pg reports a refused connection to "localhost" (IPv4 and IPv6) as an AggregateError.
	if (error instanceof AggregateError && error.errors.some((e) => isDatabaseUnreachable(e, depth + 1))) return true;
	return isDatabaseUnreachable(error.cause, depth + 1);
}
