import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunningApp {
	url: string;
	dataDir?: string;
	process: ChildProcess;
	output(): string;
	stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
		});
	});
}

/**
 * Starts the built app (build/index.js) on a free port, on a fresh embedded database unless env
 * says otherwise, and waits until it answers /health.
 */
export async function startApp(env: Record<string, string> = {}, options: { keepDataDir?: string } = {}): Promise<RunningApp> {
	const port = await freePort();
	const dataDir = env.DATABASE_URL ? undefined : (options.keepDataDir ?? mkdtempSync(join(tmpdir(), 'ct-data-')));
	const url = `http://localhost:${port}`;
	let log = '';
	const child = spawn(process.execPath, ['build/index.js'], {
		env: { ...process.env, PORT: String(port), ORIGIN: url, BODY_SIZE_LIMIT: '30M', ...(dataDir ? { DATA_DIR: dataDir } : {}), ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	child.stdout!.on('data', (d) => (log += d));
	child.stderr!.on('data', (d) => (log += d));
	const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

	const deadline = Date.now() + 90_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`The app exited with ${child.exitCode}:\n${log}`);
		try {
			const res = await fetch(`${url}/health`);
			if (res.ok) break;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) {
			child.kill('SIGKILL');
			throw new Error(`The app did not answer within 90 s:\n${log}`);
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	return {
		url,
		dataDir,
		process: child,
		output: () => log,
		async stop(signal = 'SIGTERM') {
			if (child.exitCode === null) child.kill(signal);
			const code = await exited;
			if (dataDir && !options.keepDataDir) rmSync(dataDir, { recursive: true, force: true });
			return code;
		}
	};
}
