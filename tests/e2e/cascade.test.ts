import { rmSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { startApp, type RunningApp } from '../helpers/app';
import { describeWithBrowser, launchBrowser, seriousAxeViolations, signInAs } from '../helpers/browser';
import { DEMO_PASSWORD, prepareDataDir } from '../helpers/prepare';
import { loadDemo } from '../../src/lib/server/demo/load';
import { generateDemo } from '../../src/lib/server/demo/generate';

/**
 * The March 2012 TOT's cascade as the generator made it, walked here in memory: who completed the TOT
 * (level 1), whom they trained (level 2), and so on — the independent answer to the page's figures.
 */
function demoCascadeLevels(): number[] {
	const data = generateDemo();
	const tot = data.trainings.find((t) => t.kind === 'tot')!;
	const trainees = new Map<string, Set<string>>();
	for (const f of data.training_participants.filter((p) => p.role === 'facilitator')) {
		const completed = data.training_participants.filter((p) => p.training === f.training && p.role === 'participant' && p.completed);
		const set = trainees.get(f.person) ?? new Set<string>();
		completed.forEach((p) => p.person !== f.person && set.add(p.person));
		trainees.set(f.person, set);
	}
	const seen = new Set(data.training_participants.filter((p) => p.training === tot.key && p.role === 'facilitator').map((p) => p.person));
	let frontier = data.training_participants.filter((p) => p.training === tot.key && p.role === 'participant' && p.completed).map((p) => p.person);
	const levels: number[] = [];
	while (frontier.length) {
		frontier = [...new Set(frontier)].filter((p) => !seen.has(p));
		if (!frontier.length) break;
		frontier.forEach((p) => seen.add(p));
		levels.push(frontier.length);
		frontier = frontier.flatMap((p) => [...(trainees.get(p) ?? [])]);
	}
	return levels;
}

describeWithBrowser('the training cascade and the data-quality page', () => {
	let app: RunningApp;
	let browser: BrowserContext & { dispose(): Promise<void> };
	let tot: number;
	let cycle: { people: string[]; training: number };

	beforeAll(async () => {
		const prepared = await prepareDataDir(async (db) => {
			await loadDemo(db, { password: DEMO_PASSWORD });
			const totRow = await db.selectFrom('trainings').select('id').where('kind', '=', 'tot').executeTakeFirstOrThrow();
			// A data-entry slip: two women of a second-level step-down recorded as training her trainer.
			const step = await db
				.selectFrom('trainings as t')
				.innerJoin('training_participants as f', (j) => j.onRef('f.training_id', '=', 't.id').on('f.role', '=', 'facilitator'))
				.innerJoin('training_participants as p', (j) => j.onRef('p.training_id', '=', 't.id').on('p.role', '=', 'participant').on('p.completed', '=', true))
				.innerJoin('people as fp', 'fp.id', 'f.person_id')
				.innerJoin('people as pp', 'pp.id', 'p.person_id')
				.select(['t.id', 'f.person_id as trainer', 'fp.full_name as trainer_name', 'p.person_id as trainee', 'pp.full_name as trainee_name'])
				.where('t.kind', '=', 'step_down')
				.orderBy('t.start_date', 'desc')
				.orderBy('p.person_id')
				.executeTakeFirstOrThrow();
			const slip = await db
				.insertInto('trainings')
				.values({ title: 'Повторная встреча (ошибка ввода)', kind: 'workshop', start_date: '2012-11-01', end_date: '2012-11-01' })
				.returning('id')
				.executeTakeFirstOrThrow();
			await db
				.insertInto('training_participants')
				.values([
					{ training_id: slip.id, person_id: step.trainee, role: 'facilitator', completed: true },
					{ training_id: slip.id, person_id: step.trainer, role: 'participant', completed: true }
				])
				.execute();
			return { tot: totRow.id, cycle: { people: [step.trainer_name, step.trainee_name], training: slip.id } };
		});
		({ tot, cycle } = prepared.result);
		app = await startApp({}, { keepDataDir: prepared.dataDir });
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.dispose();
		await app?.stop();
		if (app?.dataDir) rmSync(app.dataDir, { recursive: true, force: true });
	});

	const signIn = (email: string) => signInAs(browser, app.url, email, DEMO_PASSWORD);

	it('shows the TOT cascade three levels deep, with the women first reached at each level', async () => {
		const expected = demoCascadeLevels();
		expect(expected).toHaveLength(3);
		const total = expected.reduce((a, b) => a + b, 0);

		const page = await signIn('organizer@demo.example.org');
		await page.goto(`${app.url}/trainings/${tot}`);
		const cascade = page.getByTestId('cascade');
		const rows = cascade.locator('table.levels tbody tr');
		expect(await rows.count()).toBe(3);
		for (let level = 1; level <= 3; level++) {
			const cells = rows.nth(level - 1).locator('td');
			expect(await rows.nth(level - 1).locator('th').innerText()).toBe(`Level ${level}`);
			expect(Number((await cells.first().innerText()).replace(/\D/g, ''))).toBe(expected[level - 1]);
		}
		const figure = async (name: string) => (await cascade.locator(`[data-figure="${name}"]`).innerText()).replace(/,/g, '');
		expect(await figure('direct')).toBe(String(expected[0]));
		expect(await figure('total')).toBe(String(total));
		expect(await figure('levels')).toBe('3');
		expect(Number(await figure('multiplier'))).toBeCloseTo(total / expected[0], 1);

		// The tree lists everyone once (the demo is small enough to list in full), level by level.
		for (let level = 1; level <= 3; level++) {
			expect(await cascade.locator(`.tree li[data-level="${level}"]`).count()).toBe(expected[level - 1]);
		}
		// Opening a graduate's branch shows the women she reached; each name leads to her page.
		const graduate = cascade.locator('.tree li[data-level="1"]:has(details)').first();
		await graduate.locator('summary').first().click();
		const reached = graduate.locator('li[data-level="2"] a').first();
		await reached.waitFor();
		const name = await reached.innerText();
		await reached.click();
		await page.waitForURL(/\/people\/\d+$/);
		expect(await page.locator('h1').innerText()).toBe(name);
		await page.goBack();
		expect(await seriousAxeViolations(page)).toEqual([]);
		await page.close();
	});

	it('gives a funder the TOT\'s reach and the network\'s shape in numbers, without a name', async () => {
		const expected = demoCascadeLevels();
		const funder = await signIn('funder@demo.example.org');
		await funder.goto(`${app.url}/impact`);
		await funder.getByRole('link', { name: 'Reach of the cascade and the networks' }).click();
		await funder.waitForURL(`${app.url}/impact/network`);
		const tot = funder.getByTestId('tot-reach');
		expect((await tot.locator('[data-figure="total"]').innerText()).replace(/,/g, '')).toBe(String(expected.reduce((a, b) => a + b, 0)));
		expect(await tot.locator('table.levels tbody tr').count()).toBe(3);
		const network = funder.getByTestId('network-statistics');
		expect(Number((await network.locator('[data-figure="people"]').innerText()).replace(/,/g, ''))).toBeGreaterThan(400);
		// No link to a person, and no name of a woman who did not consent (the privacy test checks every page).
		expect(await funder.locator('a[href^="/people/"]').count()).toBe(0);
		expect(await seriousAxeViolations(funder)).toEqual([]);
		await funder.close();
	});

	it('lists a cycle in the cascade on the data-quality page, for admins only', async () => {
		const admin = await signIn('admin@demo.example.org');
		await admin.getByRole('link', { name: 'Data quality' }).click();
		await admin.waitForURL(`${app.url}/admin/data-quality`);
		const tables = admin.getByTestId('cycle');
		expect(await tables.count()).toBe(1);
		const text = await tables.first().innerText();
		expect(text).toContain('Cycle 1: 2 people');
		for (const person of cycle.people) expect(text).toContain(person);
		expect(await tables.first().locator(`a[href="/trainings/${cycle.training}"]`).count()).toBe(1);
		expect(await seriousAxeViolations(admin)).toEqual([]);
		await admin.close();

		const organizer = await signIn('organizer@demo.example.org');
		expect(await organizer.getByRole('link', { name: 'Data quality' }).count()).toBe(0);
		const refused = await organizer.goto(`${app.url}/admin/data-quality`);
		expect(refused?.status()).toBe(403);
		await organizer.close();
	});
});
