// Builds the app when the sources changed since the last build (a stamp of paths, sizes and mtimes).
// Shared by `npm start` and the browser tests so that neither rebuilds needlessly.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));
const STAMP = join(root, 'build', '.source-stamp');
const INPUTS = ['src', 'static', 'migrations', 'package-lock.json', 'package.json', 'svelte.config.js', 'vite.config.ts'];

function sourceStamp() {
	const hash = createHash('sha256');
	// What kind of build: a build made before builds were always production ones is made again.
	hash.update('production build\n');
	/** @param {string} path */
	const visit = (path) => {
		if (!existsSync(path)) return;
		const stat = statSync(path);
		if (stat.isDirectory()) {
			for (const entry of readdirSync(path).sort()) visit(join(path, entry));
		} else {
			hash.update(`${path.slice(root.length)}\0${stat.size}\0${stat.mtimeMs}\n`);
		}
	};
	for (const input of INPUTS) visit(join(root, input));
	return hash.digest('hex');
}

const LOCK = join(root, 'node_modules', '.candidate-tracker-build-lock');

/** Two builds into one build/ folder at once corrupt each other (e.g. two test runs): take turns. */
/**
 * @template T
 * @param {() => T} run
 * @returns {T}
 */
function withBuildLock(run) {
	const deadline = Date.now() + 15 * 60_000;
	for (;;) {
		try {
			mkdirSync(LOCK);
			break;
		} catch {
			// A lock older than a build could take was left by a killed process.
			try {
				if (Date.now() - statSync(LOCK).mtimeMs > 10 * 60_000) rmSync(LOCK, { recursive: true, force: true });
			} catch {
				// gone meanwhile
			}
			if (Date.now() > deadline) throw new Error(`Another build holds ${LOCK}`);
			Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
		}
	}
	try {
		return run();
	} finally {
		rmSync(LOCK, { recursive: true, force: true });
	}
}

/** @returns {boolean} whether a build ran */
export function buildIfNeeded({ quiet = false } = {}) {
	return withBuildLock(() => buildUnlocked(quiet));
}

/** @param {boolean} quiet */
function buildUnlocked(quiet) {
	const stamp = sourceStamp();
	const current = existsSync(join(root, 'build', 'index.js')) && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === stamp;
	if (current) return false;
	if (!quiet) console.log('Building Candidate Tracker (first start, or the sources changed)…');
	const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
	// Always a production build, whoever asks: under vitest NODE_ENV is "test", which would compile Svelte in
	// dev mode and Paraglide's messages as one module per language (about 60 KB more gzipped JavaScript on
	// every page) — the tests would then check something other than what ships.
	const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
	if (result.status !== 0) throw new Error(`vite build failed (exit ${result.status})`);
	writeFileSync(STAMP, stamp);
	return true;
}
