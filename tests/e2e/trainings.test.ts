import { rmSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { startApp, type RunningApp } from '../helpers/app';
import { describeWithBrowser, launchBrowser, seriousAxeViolations } from '../helpers/browser';
import { DEMO_PASSWORD, prepareDataDir } from '../helpers/prepare';
import { loadDemo } from '../../src/lib/server/demo/load';

interface Woman {
	id: number;
	full_name: string;
	/** How someone without a Kyrgyz keyboard types her name: Latin letters, no diacritics. */
	typed: string;
}

describeWithBrowser('recording a training with its attendance, as an organizer', () => {
	let app: RunningApp;
	let browser: BrowserContext & { dispose(): Promise<void> };
	let women: [Woman, Woman];
	let totId: number;
	let kochkorId: number;

	beforeAll(async () => {
		const prepared = await prepareDataDir(async (db) => {
			await loadDemo(db, { password: DEMO_PASSWORD });
			const tot = await db.selectFrom('trainings').select('id').where('kind', '=', 'tot').executeTakeFirstOrThrow();
			const kochkor = await db.selectFrom('regions').select('id').where('name_en', '=', 'Kochkor District').executeTakeFirstOrThrow();
			// Two women whose names nobody else in the demo shares, so that the search finds each alone.
			const people = await db.selectFrom('people').select(['id', 'full_name', 'name_latin']).where('is_demo', '=', true).where('gender', '=', 'female').orderBy('id').execute();
			const unique = people.filter((p) => people.filter((q) => q.name_latin === p.name_latin).length === 1 && /[А-Яа-яЁёҢңӨөҮү]/.test(p.full_name));
			const pick = (p: (typeof unique)[number]): Woman => ({ id: p.id, full_name: p.full_name, typed: p.name_latin.normalize('NFD').replace(/\p{M}/gu, '') });
			return { tot: tot.id, kochkor: kochkor.id, women: [pick(unique[3]), pick(unique[11])] as [Woman, Woman] };
		});
		totId = prepared.result.tot;
		kochkorId = prepared.result.kochkor;
		women = prepared.result.women;
		app = await startApp({}, { keepDataDir: prepared.dataDir });
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.dispose();
		await app?.stop();
		if (app?.dataDir) rmSync(app.dataDir, { recursive: true, force: true });
	});

	async function expectAccessible(page: Page) {
		expect(await seriousAxeViolations(page)).toEqual([]);
	}

	async function findAndAdd(page: Page, woman: Woman, button: 'Add as participant' | 'Add as facilitator') {
		await page.getByLabel('Find a person by name').fill(woman.typed);
		await page.getByRole('button', { name: 'Search' }).click();
		const row = page.locator(`tr[data-person="${woman.id}"]`);
		await row.waitFor();
		// The Latin spelling found her Cyrillic name.
		expect(await row.innerText()).toContain(woman.full_name);
		await expectAccessible(page);
		await row.getByRole('button', { name: button }).click();
		await page.getByText(`${woman.full_name} has been added.`).waitFor();
	}

	it('creates a step-down training, finds two women by the Latin spelling of their names, lists them and marks completion', async () => {
		const page = await browser.newPage();
		await page.goto(`${app.url}/sign-in`);
		await page.getByLabel('E-mail address').fill('organizer@demo.example.org');
		await page.getByLabel('Password').fill(DEMO_PASSWORD);
		await page.getByRole('button', { name: 'Sign in' }).click();
		await page.waitForURL(`${app.url}/`);

		await page.goto(`${app.url}/trainings`);
		await expectAccessible(page);
		await page.getByRole('link', { name: 'New training' }).click();
		await page.waitForURL(`${app.url}/trainings/new`);
		await expectAccessible(page);

		// A first try with the days the wrong way round keeps what was typed and says what is wrong.
		await page.getByLabel('Title', { exact: true }).fill('Кочкор: лидерство женщин, каскадный тренинг');
		await page.getByLabel('Kind of training').selectOption({ label: 'Step-down training' });
		await page.getByLabel('First day').fill('2012-05-15');
		await page.getByLabel('Last day').fill('2012-05-14');
		await page.getByLabel('Region').selectOption(String(kochkorId));
		await page.getByLabel('Place').fill('Кочкор, районная библиотека');
		await page.getByLabel('Descends from').selectOption(String(totId));
		// (The language switcher is labelled "Language" too.)
		await page.locator('#field-language').selectOption({ label: 'Kyrgyz' });
		await page.getByRole('button', { name: 'Create' }).click();
		await page.locator('#field-end_date-error').waitFor();
		expect(await page.locator('#field-end_date-error').innerText()).toBe('The end cannot be before the start.');
		expect(await page.getByLabel('Title', { exact: true }).inputValue()).toBe('Кочкор: лидерство женщин, каскадный тренинг');
		await expectAccessible(page);

		await page.getByLabel('Last day').fill('2012-05-16');
		await page.getByRole('button', { name: 'Create' }).click();
		await page.waitForURL(/\/trainings\/\d+$/);
		const trainingUrl = page.url();
		expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Кочкор: лидерство женщин, каскадный тренинг');
		expect(await page.getByRole('link', { name: "Leadership and Women's Political Participation — National Training of Trainers" }).count()).toBe(1);
		await expectAccessible(page);

		const [participant, facilitator] = women;
		await findAndAdd(page, participant, 'Add as participant');
		await findAndAdd(page, facilitator, 'Add as facilitator');
		// Listed once: the search now says so instead of offering her again.
		await page.getByLabel('Find a person by name').fill(participant.typed);
		await page.getByRole('button', { name: 'Search' }).click();
		await page.locator(`tr[data-person="${participant.id}"]`, { hasText: 'already listed' }).waitFor();

		const participantRow = page.locator('tr[data-participation]', { hasText: participant.full_name });
		await participantRow.getByRole('button', { name: 'Mark completed' }).click();
		await participantRow.getByRole('button', { name: 'Mark not completed' }).waitFor();
		await expectAccessible(page);

		await page.goto(trainingUrl);
		const rows = await page.locator('tr[data-participation]').allInnerTexts();
		expect(rows).toHaveLength(2);
		const facilitatorRow = rows.find((r) => r.includes(facilitator.full_name));
		const listedParticipant = rows.find((r) => r.includes(participant.full_name));
		expect(facilitatorRow).toContain('Facilitator');
		expect(listedParticipant).toMatch(/Participant\s+Yes/);
		expect(await page.getByText('Participants: 1, of whom completed: 1.').count()).toBe(1);

		// The list counts them, and its facilitators column names her.
		await page.goto(`${app.url}/trainings?kind=step_down&region=${kochkorId}&year=2012&sort=date&dir=desc`);
		const listed = page.locator('tbody tr', { hasText: 'Кочкор: лидерство женщин, каскадный тренинг' });
		expect(await listed.innerText()).toContain(facilitator.full_name);
		expect((await listed.locator('td.num').allInnerTexts()).map((t) => t.trim())).toEqual(['1', '1']);
		await expectAccessible(page);

		// Every step is in the training's history.
		await page.goto(`${trainingUrl.replace('/trainings/', '/history/trainings/')}`);
		expect(await page.getByText('Created').count()).toBeGreaterThan(0);
		await expectAccessible(page);
		await page.close();
	});
});
