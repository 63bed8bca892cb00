import { closeSync, existsSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/**
 * PGlite is one process's database: a second process writing the same folder would corrupt it.
 * The lock file holds the owner's pid; a lock left by a process that no longer runs (kill -9) is taken over.
 */
export class DataDirLockedError extends Error {
	constructor(dataDir: string, pid: number) {
		super(
			`The data folder ${dataDir} is already in use by another Candidate Tracker process (pid ${pid}). ` +
				'Stop that process first, or set DATA_DIR to a different folder.'
		);
		this.name = 'DataDirLockedError';
	}
}

function isRunning(pid: number): boolean {
	try {
		process.kill(pid, 0);
	} catch (e) {
		return (e as NodeJS.ErrnoException).code === 'EPERM';
	}
	// A recycled pid that now belongs to something other than node does not hold our lock.
	try {
		return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('node');
	} catch {
		return true;
	}
}

export function acquireDataDirLock(dataDir: string): () => void {
	mkdirSync(dataDir, { recursive: true });
	const lockPath = join(dataDir, 'lock');
	for (let attempt = 0; attempt < 2; attempt++) {
		try {
			const fd = openSync(lockPath, 'wx');
			writeSync(fd, String(process.pid));
			closeSync(fd);
			return () => {
				try {
					if (readFileSync(lockPath, 'utf8').trim() === String(process.pid)) unlinkSync(lockPath);
				} catch {
					// already gone
				}
			};
		} catch (e) {
			if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
			const pid = Number(readFileSync(lockPath, 'utf8').trim());
			if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isRunning(pid)) {
				throw new DataDirLockedError(dataDir, pid);
			}
			if (existsSync(lockPath)) unlinkSync(lockPath); // stale: its owner is gone
		}
	}
	throw new Error(`Could not lock the data folder ${dataDir}`);
}
