import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { connect } from '../../src/lib/server/db/connect';
import { DataDirLockedError } from '../../src/lib/server/db/lock';
import { spawnTs, type Spawned } from '../helpers/spawn';

describe('DATA_DIR lock', () => {
	let holder: Spawned | undefined;
	const dirs: string[] = [];
	afterEach(async () => {
		if (holder && holder.child.exitCode === null) {
			holder.child.kill('SIGKILL');
			await holder.exited;
		}
		for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
	});

	it('a second process opening the same data folder fails at once with a clear message', async () => {
		const dataDir = mkdtempSync(join(tmpdir(), 'ct-lock-'));
		dirs.push(dataDir);
		holder = spawnTs('tests/fixtures/hold-database.ts', { DATA_DIR: dataDir });
		await holder.waitFor('ready');

		const attempt = connect({ kind: 'pglite', dataDir });
		await expect(attempt).rejects.toBeInstanceOf(DataDirLockedError);
		await expect(attempt).rejects.toThrow(`already in use by another Candidate Tracker process (pid ${holder.child.pid})`);
	});

	it('a lock left by a killed process (kill -9) is taken over, and the data is intact', async () => {
		const dataDir = mkdtempSync(join(tmpdir(), 'ct-lock-'));
		dirs.push(dataDir);
		holder = spawnTs('tests/fixtures/hold-database.ts', { DATA_DIR: dataDir });
		await holder.waitFor('ready');
		holder.child.kill('SIGKILL');
		await holder.exited;

		const handle = await connect({ kind: 'pglite', dataDir });
		try {
			const marker = await sql<{ n: number }>`select count(*)::int as n from information_schema.tables where table_name = 'held_marker'`.execute(handle.db);
			expect(marker.rows[0].n).toBe(1);
		} finally {
			await handle.close();
		}
	});
});
