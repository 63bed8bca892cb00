import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { connect } from '../../src/lib/server/db/connect';
import { generateDemo } from '../../src/lib/server/demo/generate';
import { freshDatabase } from '../helpers/databases';
import { spawnTs } from '../helpers/spawn';

async function peopleCounts(dataDir: string) {
	const handle = await connect({ kind: 'pglite', dataDir });
	try {
		const rows = await handle.db
			.selectFrom('people')
			.select((eb) => [eb.fn.countAll<number>().as('all'), eb.fn.count<number>('id').filterWhere('is_demo', '=', true).as('demo')])
			.executeTakeFirstOrThrow();
		const candidacies = await handle.db.selectFrom('candidacies').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
		return { people: Number(rows.all), demo: Number(rows.demo), candidacies: Number(candidacies.n) };
	} finally {
		await handle.close();
	}
}

describe('first start on the embedded database', () => {
	const dataDir = mkdtempSync(join(tmpdir(), 'ct-start-'));
	afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
	const expected = generateDemo();

	it('killed (kill -9) during the demo load, it comes up with complete demo data next time, and never loads it twice', async () => {
		const first = spawnTs('tests/fixtures/start-embedded.ts', { DATA_DIR: dataDir, DATABASE_URL: '' });
		await first.waitFor('embedded PGlite at'); // migrated; the demo load starts now
		first.child.kill('SIGKILL');
		await first.exited;
		expect(first.output()).not.toContain('Loaded demo data');

		const second = spawnTs('tests/fixtures/start-embedded.ts', { DATA_DIR: dataDir, DATABASE_URL: '' });
		await second.waitFor('started');
		expect(second.output()).toContain('Loaded demo data');
		expect(await second.exited).toBe(0);
		expect(await peopleCounts(dataDir)).toEqual({ people: expected.people.length, demo: expected.people.length, candidacies: expected.candidacies.length });

		const third = spawnTs('tests/fixtures/start-embedded.ts', { DATA_DIR: dataDir, DATABASE_URL: '' });
		await third.waitFor('started');
		expect(third.output()).not.toContain('Loaded demo data');
		expect(await third.exited).toBe(0);
		expect((await peopleCounts(dataDir)).people).toBe(expected.people.length);
	});
});

const POSTGRES = process.env.TEST_DATABASE_URL;
describe.skipIf(!POSTGRES)(`start-up on PostgreSQL${POSTGRES ? '' : ' — skipped: TEST_DATABASE_URL is not set'}`, () => {
	it('migrates an empty database and loads no demo data unless asked', async () => {
		const db = await freshDatabase('postgres', { migrated: false });
		try {
			const run = spawnTs('tests/fixtures/start-embedded.ts', { DATABASE_URL: db.url });
			await run.waitFor('started');
			expect(await run.exited).toBe(0);
			expect(run.output()).not.toContain('Loaded demo data');
			const people = await db.db.selectFrom('people').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
			const raions = await db.db.selectFrom('regions').select((eb) => eb.fn.countAll<number>().as('n')).where('level', '=', 'raion').executeTakeFirstOrThrow();
			expect(Number(people.n)).toBe(0);
			expect(Number(raions.n)).toBe(40);
		} finally {
			await db.close();
		}
	});
});
