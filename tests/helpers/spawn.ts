import { spawn, type ChildProcess } from 'node:child_process';

export interface Spawned {
	child: ChildProcess;
	output(): string;
	exited: Promise<number | null>;
	/** Resolves once the output contains `text` (rejects if the process exits first). */
	waitFor(text: string, timeoutMs?: number): Promise<void>;
}

/** Runs a TypeScript file in one Node process (tsx as a loader, so a kill reaches the right pid). */
export function spawnTs(file: string, env: Record<string, string | undefined>): Spawned {
	let out = '';
	const child = spawn(process.execPath, ['--import', 'tsx', file], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
	child.stdout!.on('data', (d) => (out += d));
	child.stderr!.on('data', (d) => (out += d));
	const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
	return {
		child,
		output: () => out,
		exited,
		waitFor(text, timeoutMs = 60_000) {
			return new Promise((resolve, reject) => {
				const timer = setTimeout(() => reject(new Error(`Timed out waiting for "${text}":\n${out}`)), timeoutMs);
				const check = () => {
					if (out.includes(text)) {
						clearTimeout(timer);
						child.stdout!.off('data', check);
						resolve();
					}
				};
				child.stdout!.on('data', check);
				check();
				void exited.then((code) => {
					if (!out.includes(text)) {
						clearTimeout(timer);
						reject(new Error(`Exited (${code}) before "${text}":\n${out}`));
					}
				});
			});
		}
	};
}
