import type { Kysely } from 'kysely';
import { connect, type DatabaseConfig, type DatabaseHandle } from './connect';
import type { Database } from './types';

export type { Database } from './types';
export type Db = Kysely<Database>;

/** DATABASE_URL set → PostgreSQL; unset → PGlite in DATA_DIR (default ./data). */
export function databaseConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
	if (env.DATABASE_URL) return { kind: 'postgres', url: env.DATABASE_URL };
	return { kind: 'pglite', dataDir: env.DATA_DIR || './data' };
}

let handle: DatabaseHandle | undefined;
let opening: Promise<DatabaseHandle> | undefined;

/** Opens the app's one database (once per process). */
export function openAppDatabase(config: DatabaseConfig = databaseConfigFromEnv()): Promise<DatabaseHandle> {
	opening ??= connect(config).then((h) => (handle = h));
	return opening;
}

/** The app's database; the server's init hook opens it before the first request is served. */
export function getDb(): Db {
	if (!handle) throw new Error('The database is not open yet (openAppDatabase was not called).');
	return handle.db;
}

export function appDatabase(): DatabaseHandle | undefined {
	return handle;
}

export async function closeAppDatabase(): Promise<void> {
	const h = handle;
	handle = undefined;
	opening = undefined;
	await h?.close();
}
