import { rmSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { startApp, type RunningApp } from '../helpers/app';
import { describeWithBrowser, launchBrowser, seriousAxeViolations } from '../helpers/browser';
import { DEMO_PASSWORD, prepareDataDir } from '../helpers/prepare';
import { loadDemo } from '../../src/lib/server/demo/load';

interface Candidate {
	id: number;
	personId: number;
	name: string;
}

describeWithBrowser('entering election results as an organizer', () => {
	let app: RunningApp;
	let browser: BrowserContext & { dispose(): Promise<void> };
	let race: { id: number; electionId: number; name: string; district: string };
	let first: Candidate;
	let second: Candidate;
	let lists: Array<{ contestId: number; electionId: number }>;

	beforeAll(async () => {
		const prepared = await prepareDataDir(async (db) => {
			await loadDemo(db, { password: DEMO_PASSWORD });
			// An aiyl-kenesh district where at least two tracked women are on the ballot.
			const onBallot = await db
				.selectFrom('candidacies as x')
				.innerJoin('contests as c', 'c.id', 'x.contest_id')
				.innerJoin('people as p', 'p.id', 'x.person_id')
				.select(['x.id', 'x.person_id', 'p.full_name', 'c.id as contest_id', 'c.election_id', 'c.name_en', 'c.district'])
				.where('x.status', '=', 'on_ballot')
				.where('c.electoral_system', '=', 'majoritarian')
				.orderBy('c.id')
				.orderBy('x.id')
				.execute();
			const contest = onBallot.find((r) => onBallot.filter((o) => o.contest_id === r.contest_id).length >= 2)!;
			const [a, b] = onBallot.filter((r) => r.contest_id === contest.contest_id);
			const withLists = await db.selectFrom('party_list_entries as e').innerJoin('contests as c', 'c.id', 'e.contest_id').select(['c.id', 'c.election_id']).distinct().orderBy('c.id').execute();
			return {
				race: { id: contest.contest_id, electionId: contest.election_id, name: contest.name_en, district: contest.district! },
				first: { id: a.id, personId: a.person_id, name: a.full_name },
				second: { id: b.id, personId: b.person_id, name: b.full_name },
				lists: withLists.map((l) => ({ contestId: l.id, electionId: l.election_id }))
			};
		});
		({ race, first, second, lists } = prepared.result);
		app = await startApp({}, { keepDataDir: prepared.dataDir });
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.dispose();
		await app?.stop();
		if (app?.dataDir) rmSync(app.dataDir, { recursive: true, force: true });
	});

	async function signInAsOrganizer(): Promise<Page> {
		await browser.clearCookies();
		const page = await browser.newPage();
		await page.goto(`${app.url}/sign-in`);
		await page.getByLabel('E-mail address').fill('organizer@demo.example.org');
		await page.getByLabel('Password').fill(DEMO_PASSWORD);
		await page.getByRole('button', { name: 'Sign in' }).click();
		await page.waitForURL((url) => url.pathname !== '/sign-in');
		return page;
	}

	async function expectAccessible(page: Page) {
		expect(await seriousAxeViolations(page)).toEqual([]);
	}

	it('opens an election and a race, saves votes and results of two candidates, and shows them as saved', async () => {
		const page = await signInAsOrganizer();
		await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Elections' }).click();
		await page.waitForURL(`${app.url}/elections`);
		await expectAccessible(page);
		await page.getByRole('link', { name: 'Local kenesh elections, 25 November 2012' }).click();
		await page.waitForURL(`${app.url}/elections/${race.electionId}`);
		await expectAccessible(page);
		const row = page.getByRole('row').filter({ hasText: race.name }).filter({ hasText: race.district });
		await row.getByRole('link', { name: race.name }).click();
		await page.waitForURL(`${app.url}/elections/${race.electionId}/contests/${race.id}`);
		expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(`${race.name}, ${race.district}`);
		await expectAccessible(page);

		// The cells are labelled by their column and the candidate's name.
		await page.getByRole('spinbutton', { name: `Votes ${first.name}` }).fill('1234');
		await page.getByRole('textbox', { name: `Vote share, % ${first.name}` }).fill('41,5');
		await page.getByRole('combobox', { name: `Elected ${first.name}` }).selectOption('yes');
		await page.getByRole('combobox', { name: `Took the seat ${first.name}` }).selectOption('yes');
		await page.locator(`#field-votes-${second.id}`).fill('567');
		await page.getByRole('combobox', { name: `Elected ${second.name}` }).selectOption('no');
		await page.getByRole('combobox', { name: `Took the seat ${second.name}` }).selectOption('unknown');
		await page.getByRole('button', { name: 'Save all results' }).click();
		await page.waitForLoadState('networkidle');
		expect(await page.getByRole('status').filter({ hasText: 'Saved' }).innerText()).toMatch(/Saved: 2 candidacies changed\./);

		// Reloaded from the server: the values are stored, and the outcome reads "Elected".
		await page.goto(`${app.url}/elections/${race.electionId}/contests/${race.id}`);
		expect(await page.locator(`#field-votes-${first.id}`).inputValue()).toBe('1234');
		expect(await page.locator(`#field-vote_share-${first.id}`).inputValue()).toBe('41.5');
		expect(await page.locator(`#field-votes-${second.id}`).inputValue()).toBe('567');
		const firstRow = page.getByRole('row').filter({ hasText: first.name });
		const secondRow = page.getByRole('row').filter({ hasText: second.name });
		expect(await firstRow.getByRole('cell').first().innerText()).toBe('Elected');
		expect(await secondRow.getByRole('cell').first().innerText()).toBe('Not elected');

		await page.getByRole('link', { name: first.name }).click();
		await page.waitForURL(`${app.url}/candidacies/${first.id}`);
		expect(await page.getByText('Elected', { exact: true }).count()).toBeGreaterThan(0);
		await expectAccessible(page);
		await page.goto(`${app.url}/people/${first.personId}`);
		expect(await page.getByText('Elected', { exact: true }).count()).toBeGreaterThan(0);
		await page.close();
	});

	it('refuses a negative vote count with a message at the field, and saves nothing of the grid', async () => {
		const page = await signInAsOrganizer();
		const url = `${app.url}/elections/${race.electionId}/contests/${race.id}`;
		await page.goto(url);
		await page.locator(`#field-votes-${second.id}`).fill('600');
		await page.locator(`#field-votes-${first.id}`).fill('-5');
		await page.getByRole('button', { name: 'Save all results' }).click();
		await page.waitForLoadState('networkidle');
		expect(await page.locator(`#field-votes-${first.id}-error`).innerText()).toBe('Must be at least 0.');
		expect(await page.locator(`#field-votes-${first.id}`).getAttribute('aria-invalid')).toBe('true');
		const alert = await page.getByRole('alert').filter({ hasText: 'Nothing was saved' }).innerText();
		expect(alert).toContain(first.name);
		// What was typed stays in the form…
		expect(await page.locator(`#field-votes-${first.id}`).inputValue()).toBe('-5');
		expect(await page.locator(`#field-votes-${second.id}`).inputValue()).toBe('600');
		await expectAccessible(page);
		// …and nothing of it was stored, not even the valid row.
		await page.goto(url);
		expect(await page.locator(`#field-votes-${first.id}`).inputValue()).toBe('1234');
		expect(await page.locator(`#field-votes-${second.id}`).inputValue()).toBe('567');
		await page.close();
	});

	it('shows the quota check of the demo party lists: a verdict for the complete one, what is missing of the other', async () => {
		const page = await signInAsOrganizer();
		const [complete, partial] = lists;
		await page.goto(`${app.url}/elections/${complete.electionId}/contests/${complete.contestId}`);
		expect(await page.getByText(/Meets the quota \(\d+(\.\d)?% women\)/).count()).toBe(1);
		await expectAccessible(page);
		await page.goto(`${app.url}/elections/${partial.electionId}/contests/${partial.contestId}`);
		expect(await page.getByText(/\d+ of \d+ positions not recorded yet/).count()).toBe(1);
		await page.getByRole('row').filter({ hasText: /positions not recorded yet/ }).getByRole('link', { name: 'Party list' }).click();
		await page.waitForURL(/\/lists\/\d+$/);
		expect(await page.getByText(/Positions still without a recorded sex: /).count()).toBe(1);
		await expectAccessible(page);
		await page.close();
	});
});
