// What scripts/bench/data.ts and run.ts share: the database they use and the command-line options.
import { sql } from 'kysely';
import { connect } from '../../src/lib/server/db/connect';

/** app_settings key marking a database the benchmark filled (and may empty again). */
export const BENCH_MARKER = 'bench_data';

export function benchDatabaseUrl(): string {
	return process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/ct_bench';
}

/** The value after `name` on the command line (`--people 5000`), or undefined. */
export function option(name: string): string | undefined {
	const at = process.argv.indexOf(name);
	return at >= 0 ? process.argv[at + 1] : undefined;
}

/** Creates the database of `url` when it does not exist (connecting to the server's `postgres` database). */
export async function ensureDatabase(url: string): Promise<void> {
	const target = new URL(url);
	const name = decodeURIComponent(target.pathname.slice(1));
	const server = new URL(url);
	server.pathname = '/postgres';
	const handle = await connect({ kind: 'postgres', url: server.toString(), poolSize: 1 });
	try {
		const { rows } = await sql<{ n: number }>`select count(*) as n from pg_database where datname = ${name}`.execute(handle.db);
		if (Number(rows[0].n) === 0) await sql`create database ${sql.id(name)}`.execute(handle.db);
	} finally {
		await handle.close();
	}
}
