import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './app';

// A PostgreSQL server of the test's own, to stop and start at will (the shared one on 5432 must stay up).
// Free of vitest, so that scripts/faults.ts can use it too.

export const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';
export const hasPostgresBinaries = existsSync(join(PG_BIN, 'initdb'));

const run = promisify(execFile);

export interface PostgresInstance {
	/** postgres://postgres@127.0.0.1:<port>/postgres — trust authentication, no password. */
	url: string;
	port: number;
	start(): Promise<void>;
	/** pg_ctl stop -m fast: open sessions are ended (57P01) and the server shuts down cleanly. */
	stop(): Promise<void>;
	/** Stops the server if it runs and removes its folder. */
	destroy(): Promise<void>;
}

/**
 * initdb into a new temporary folder and start the server on a free port. PostgreSQL refuses to run as
 * root, so as root the folder belongs to the `postgres` user and the commands run as it (runuser).
 */
export async function createPostgresInstance(): Promise<PostgresInstance> {
	const asRoot = process.getuid?.() === 0;
	const folder = mkdtempSync(join(tmpdir(), 'ct-pg-'));
	const dataDir = join(folder, 'data');
	const as = async (command: string, args: string[]) => {
		const file = join(PG_BIN, command);
		const [bin, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args];
		try {
			await run(bin, argv, { cwd: folder, timeout: 120_000 });
		} catch (e) {
			const { stdout, stderr } = e as { stdout?: string; stderr?: string };
			throw new Error(`${command} ${args.join(' ')} failed:\n${stdout ?? ''}${stderr ?? ''}`);
		}
	};
	if (asRoot) {
		const { stdout } = await run('id', ['-u', 'postgres']);
		const { stdout: gid } = await run('id', ['-g', 'postgres']);
		chownSync(folder, Number(stdout.trim()), Number(gid.trim()));
	}
	await as('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
	const port = await freePort();
	// Its own socket folder and port: nothing of the machine's PostgreSQL is touched.
	const options = `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c fsync=on`;
	let running = false;
	const instance: PostgresInstance = {
		url: `postgres://postgres@127.0.0.1:${port}/postgres`,
		port,
		async start() {
			await as('pg_ctl', ['-D', dataDir, '-l', join(folder, 'server.log'), '-o', options, '-w', '-t', '60', 'start']);
			running = true;
		},
		async stop() {
			await as('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', '-t', '60', 'stop']);
			running = false;
		},
		async destroy() {
			if (running) await as('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']).catch(() => {});
			rmSync(folder, { recursive: true, force: true });
		}
	};
	await instance.start();
	return instance;
}
