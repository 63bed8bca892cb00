import { readFileSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { startApp, type RunningApp } from '../helpers/app';
import { describeWithBrowser, launchBrowser, seriousAxeViolations } from '../helpers/browser';
import { DEMO_PASSWORD, prepareDataDir } from '../helpers/prepare';
import { loadDemo } from '../../src/lib/server/demo/load';
import { transliterate } from '../../src/lib/domain/names';

/** A small CSV reader for the test: quoted fields, doubled quotes, CRLF. */
function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if (quoted) {
			if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
			else if (ch === '"') quoted = false;
			else field += ch;
		} else if (ch === '"') quoted = true;
		else if (ch === ',') row.push(field), (field = '');
		else if (ch === '\r' && text[i + 1] === '\n') {
			row.push(field), rows.push(row), (row = []), (field = ''), i++;
		} else field += ch;
	}
	return rows;
}

describeWithBrowser('candidate tracking as an organizer: find, edit, history, undo, conflict, export', () => {
	let app: RunningApp;
	let browser: BrowserContext & { dispose(): Promise<void> };
	let other: BrowserContext & { dispose(): Promise<void> };
	let target: { id: number; fullName: string; latinGiven: string; phone: string | null };

	beforeAll(async () => {
		const prepared = await prepareDataDir(async (db) => {
			await loadDemo(db, { password: DEMO_PASSWORD });
			const person = await db
				.selectFrom('people')
				.select(['id', 'full_name', 'name_latin', 'given_name', 'phone'])
				.where('is_demo', '=', true)
				.where('given_name', 'is not', null)
				.where('phone', 'is not', null)
				.orderBy('id', 'desc')
				.executeTakeFirstOrThrow();
			// Her given name in Latin letters, as someone would type it.
			return { id: person.id, fullName: person.full_name, latinGiven: transliterate(person.given_name!), phone: person.phone };
		});
		target = prepared.result;
		app = await startApp({}, { keepDataDir: prepared.dataDir });
		browser = await launchBrowser();
		other = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.dispose();
		await other?.dispose();
		await app?.stop();
		if (app?.dataDir) rmSync(app.dataDir, { recursive: true, force: true });
	});

	async function signIn(context: BrowserContext, email: string): Promise<Page> {
		await context.clearCookies();
		const page = await context.newPage();
		await page.goto(`${app.url}/sign-in`);
		await page.getByLabel('E-mail address').fill(email);
		await page.getByLabel('Password').fill(DEMO_PASSWORD);
		await page.getByRole('button', { name: 'Sign in' }).click();
		await page.waitForURL(`${app.url}/`);
		return page;
	}

	/** The value shown for one fact on the person page (e.g. "Phone"). */
	const fact = (page: Page, label: string) => page.locator(`dl.facts dt:text-is("${label}") + dd`).innerText();

	async function expectAccessible(page: Page) {
		expect(await seriousAxeViolations(page)).toEqual([]);
	}

	it('finds a woman by the Latin spelling of her Cyrillic name, edits her phone, sees it in the history and undoes it', async () => {
		const page = await signIn(browser, 'organizer@demo.example.org');
		await expectAccessible(page);
		await page.getByRole('link', { name: 'People' }).click();
		await page.getByLabel('Search by name').fill(target.latinGiven.toLowerCase());
		await page.getByRole('button', { name: 'Show' }).click();
		await page.waitForURL(/q=/);
		await expectAccessible(page);
		await page.getByRole('link', { name: target.fullName }).click();
		await page.waitForURL(`${app.url}/people/${target.id}`);
		expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(target.fullName);
		await expectAccessible(page);

		await page.getByRole('link', { name: 'Edit' }).click();
		await expectAccessible(page);
		await page.getByLabel('Phone').fill('+996 000 123 321');
		await page.getByLabel('Source (optional)').fill('Phone call 12.06.2012');
		await page.getByRole('button', { name: 'Save' }).click();
		await page.waitForURL(`${app.url}/people/${target.id}`);
		expect(await fact(page, 'Phone')).toBe('+996 000 123 321');

		await page.getByRole('link', { name: 'History of changes' }).click();
		await expectAccessible(page);
		const change = page.locator('li', { hasText: '+996 000 123 321' }).first();
		expect(await change.innerText()).toContain(target.phone!);
		expect(await change.innerText()).toContain('Phone call 12.06.2012');
		await change.getByRole('button', { name: 'Undo this change' }).click();
		await page.getByRole('status').filter({ hasText: 'The change has been undone.' }).waitFor();

		await page.goto(`${app.url}/people/${target.id}`);
		expect(await fact(page, 'Phone')).toBe(target.phone);
		await page.close();
	});

	it('refuses a save over someone else’s change made meanwhile, shows it, and re-applies on a second save', async () => {
		const mine = await signIn(browser, 'organizer@demo.example.org');
		const theirs = await signIn(other, 'admin@demo.example.org');
		await mine.goto(`${app.url}/people/${target.id}/edit`);
		await theirs.goto(`${app.url}/people/${target.id}/edit`);

		await theirs.getByLabel('Messenger').fill('@their-change');
		await theirs.getByRole('button', { name: 'Save' }).click();
		await theirs.waitForURL(`${app.url}/people/${target.id}`);

		await mine.getByLabel('Phone').fill('+996 000 555 000');
		await mine.getByRole('button', { name: 'Save' }).click();
		const conflict = mine.getByRole('alert').filter({ hasText: 'Someone else changed this record' });
		await conflict.waitFor();
		expect(await conflict.innerText()).toContain('@their-change');
		expect(await conflict.innerText()).toContain('Demo admin');
		expect(await mine.getByLabel('Phone').inputValue()).toBe('+996 000 555 000');
		await expectAccessible(mine);

		await mine.getByRole('button', { name: 'Save' }).click();
		await mine.waitForURL(`${app.url}/people/${target.id}`);
		expect(await fact(mine, 'Phone')).toBe('+996 000 555 000');
		expect(await fact(mine, 'Messenger')).toBe('@their-change');
		await mine.close();
		await theirs.close();
	});

	it('exports exactly the filtered rows shown, as UTF-8 CSV with a byte-order mark', async () => {
		const page = await signIn(browser, 'organizer@demo.example.org');
		await page.goto(`${app.url}/people`);
		await page.getByLabel('Region').selectOption({ label: 'Naryn Region' });
		await page.getByLabel('Background').selectOption({ label: 'NGO' });
		await page.getByRole('button', { name: 'Show' }).click();
		await page.waitForURL(/region=/);
		const shown = await page.locator('table.data tbody tr td:first-child a').allInnerTexts();
		expect(shown.length).toBeGreaterThan(0);
		expect(await page.getByTestId('people-total').innerText()).toContain(String(shown.length));

		const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download these rows (CSV)' }).click()]);
		const bytes = readFileSync((await download.path())!);
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const rows = parseCsv(bytes.toString('utf8').slice(1));
		expect(rows[0].slice(0, 3)).toEqual(['Name', 'Name in Latin letters', 'Region']);
		expect(rows.slice(1).map((r) => r[0])).toEqual(shown);
		expect(rows.slice(1).every((r) => r[3] === 'NGO')).toBe(true);
		await page.close();
	});
});
