import { rmSync } from 'node:fs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { startApp, type RunningApp } from '../helpers/app';
import { describeWithBrowser, launchBrowser, seriousAxeViolations, signInAs } from '../helpers/browser';
import { DEMO_PASSWORD, demoWithPrincipals, prepareDataDir } from '../helpers/prepare';

const HEADERS = ['ФИО', 'Год рождения', 'Пол', 'Регион', 'Телефон', 'Партия', 'Тренинг', 'Примечание'];

interface Row {
	name: string;
	year: string;
	region: string;
	phone?: string;
	party?: string;
	/** Attended the demo training named in the file. */
	trained?: boolean;
	notes?: string;
	/** For a bad row: the column at fault and the reason the preview gives. */
	problem?: { column: string; reason: string };
}

/** The rows of the file, in order (line 2 onwards), none of them a woman of the demo. Russian letters only: Windows-1251 has no ң, ө or ү. */
const ROWS: Row[] = [
	{ name: 'Щёголева Алёна Петровна', year: '1985', region: 'Нарынская область', phone: '+7 900 555 01 01', party: 'Ата-Мекен', trained: true, notes: 'Депутат; активистка' },
	{ name: 'Ёлкина Вера Сергеевна', year: '1979', region: 'город Бишкек' },
	{ name: 'Чернышёва Юлия Андреевна', year: '19x5', region: 'город Бишкек', problem: { column: 'Год рождения', reason: 'Enter a whole number.' } },
	{ name: 'Пятницкая Жанна Олеговна', year: '1990', region: 'Ошская область', phone: '+7 900 555 01 04', party: 'SDPK', trained: true },
	{ name: 'Хвостова Эльвира Юрьевна', year: '1987', region: 'Атлантида', problem: { column: 'Регион', reason: 'No region called “Атлантида”.' } },
	{ name: 'Цыбульская Фаина Игоревна', year: '1992', region: 'Таласская область' },
	{ name: 'Шумейко Ярослава Львовна', year: '1975', region: 'Чуйская область', phone: '+7 900 555 01 07' },
	{ name: 'Эйдельман Ульяна Борисовна', year: '1983', region: 'Ош', party: 'Ата-Мекен' },
	{ name: 'Бажова Ксения Тимуровна', year: '1995', region: 'Иссык-Кульская область', trained: true },
	{ name: 'Гурьева Любовь Денисовна', year: '1969', region: 'Джалал-Абадская область', phone: '+7 900 555 01 10' }
];
const lineOf = (row: Row) => ROWS.indexOf(row) + 2;
const GOOD = ROWS.filter((r) => !r.problem);
const BAD = ROWS.filter((r) => r.problem);

/** A cell as Excel writes it: quoted when it holds the separator or a quote. */
const cell = (value: string) => (/[;"\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** The file as Excel on a Russian Windows saves "CSV (разделители — точки с запятой)": Windows-1251, semicolons, CRLF. */
function excelCsv(training: string): Buffer {
	const cells = (r: Row) => [r.name, r.year, 'ж', r.region, r.phone ?? '', r.party ?? '', r.trained ? training : '', r.notes ?? ''];
	const text = [HEADERS, ...ROWS.map(cells)].map((r) => r.map(cell).join(';')).join('\r\n') + '\r\n';
	const bytes = iconv.encode(text, 'windows-1251');
	// Proof that the file is what it claims: every character survived the round trip.
	if (iconv.decode(bytes, 'windows-1251') !== text) throw new Error('The test file is not pure Windows-1251');
	return bytes;
}

describeWithBrowser('importing people from a spreadsheet, as an organizer does it', () => {
	let app: RunningApp;
	let browser: BrowserContext & { dispose(): Promise<void> };
	let file: Buffer;
	let trainingTitle: string;
	let firstJob: string;
	const problems: string[] = [];

	beforeAll(async () => {
		const prepared = await prepareDataDir(async (db) => {
			await demoWithPrincipals(db);
			// A step-down training with a Russian title that Windows-1251 can write, for the "Тренинг" column.
			const trainings = await db.selectFrom('trainings').select('title').where('kind', '=', 'step_down').orderBy('id').execute();
			return trainings.map((t) => t.title).find((title) => /^Лидерство/.test(title) && iconv.decode(iconv.encode(title, 'windows-1251'), 'windows-1251') === title)!;
		});
		trainingTitle = prepared.result;
		expect(trainingTitle).toBeTruthy();
		file = excelCsv(trainingTitle);
		app = await startApp({}, { keepDataDir: prepared.dataDir });
		browser = await launchBrowser();
		browser.on('weberror', (e) => problems.push(`page error: ${e.error().message}`));
		browser.on('console', (message) => {
			// A refused request is logged by the browser too; the responses are checked one by one below.
			if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(`console: ${message.text()}`);
		});
		browser.on('response', (response) => {
			if (response.status() >= 400) problems.push(`${response.status()}: ${response.request().method()} ${new URL(response.url()).pathname}`);
		});
	});
	afterAll(async () => {
		await browser?.dispose();
		await app?.stop();
		if (app?.dataDir) rmSync(app.dataDir, { recursive: true, force: true });
	});

	const signIn = (email: string) => signInAs(browser, app.url, email, DEMO_PASSWORD);

	/** Uploads a file on the import page; answers the status the upload got (303 to the new job, or the page with the refusal). */
	async function upload(page: Page, name: string, mimeType: string, buffer: Buffer): Promise<number> {
		await page.goto(`${app.url}/import`);
		await page.getByLabel('Spreadsheet').setInputFiles({ name, mimeType, buffer });
		const [response] = await Promise.all([
			page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/import'),
			page.getByRole('button', { name: 'Upload and check' }).click()
		]);
		await page.waitForLoadState();
		return response.status();
	}

	/** Confirms the mapping and waits until every row is checked. */
	async function confirmMapping(page: Page) {
		await page.getByRole('button', { name: 'Use this mapping and check the rows' }).click();
		await page.getByTestId('import-counts').waitFor({ timeout: 30_000 });
	}

	const status = async (page: Page) => (await page.getByTestId('import-status').innerText()).trim();
	const counts = async (page: Page) => (await page.getByTestId('import-counts').innerText()).replace(/\s+/g, ' ');
	const previewRow = (page: Page, line: number) => page.getByTestId('import-preview').locator(`tr[data-row="${line}"]`);

	it('reads a Windows-1251 semicolon file, guesses its columns, names the bad rows and imports the rest once they are skipped', async () => {
		const page = await signIn('organizer@demo.example.org');
		await page.goto(`${app.url}/import`);
		expect(await page.getByText('No imports yet.').count()).toBe(1);
		expect(await seriousAxeViolations(page)).toEqual([]);

		expect(await upload(page, 'кандидатки.csv', 'text/csv', file)).toBe(303);
		await page.waitForURL(/\/import\/\d+$/);
		firstJob = new URL(page.url()).pathname;
		expect(await status(page)).toContain('columns to confirm');
		expect(await status(page)).toContain('Rows: 10');

		// The columns, recognised by their Russian names (decoded from Windows-1251, or they would not be).
		const guessed: Record<string, string> = {
			ФИО: 'full_name',
			'Год рождения': 'birth_year',
			Пол: 'gender',
			Регион: 'region',
			Телефон: 'phone',
			Партия: 'party',
			Тренинг: 'training',
			Примечание: 'notes'
		};
		for (const [header, field] of Object.entries(guessed)) {
			expect(await page.getByLabel(`Field for the column ${header}`, { exact: true }).inputValue(), header).toBe(field);
		}
		expect(await page.getByRole('option', { name: 'Full name (required)', selected: true }).count()).toBe(1);
		// The first values beside each column, the quoted cell whole with its semicolon.
		const mappingTable = page.locator('details table');
		expect(await mappingTable.innerText()).toContain(GOOD[0].name);
		expect(await mappingTable.innerText()).toContain('Депутат; активистка');
		expect(await seriousAxeViolations(page)).toEqual([]);

		await confirmMapping(page);
		expect(await status(page)).toContain('ready to import');
		expect(await counts(page)).toContain('New people: 8');
		expect(await counts(page)).toContain('Rows with errors: 2');
		expect(await counts(page)).toContain('Waiting for your decision: 2');

		// Shown first: the two bad rows, each with its line, its name, the column at fault and why.
		expect(await page.getByTestId('import-preview').locator('tbody tr').count()).toBe(2);
		for (const bad of BAD) {
			const cells = previewRow(page, lineOf(bad)).locator('td');
			expect(await cells.nth(0).innerText()).toBe(String(lineOf(bad)));
			expect(await cells.nth(1).innerText()).toBe(bad.name);
			expect((await cells.nth(2).innerText()).trim()).toBe(`${bad.problem!.column}: ${bad.problem!.reason}`);
		}
		const commit = page.getByRole('button', { name: /^Import \d+ rows$/ });
		expect(await commit.isDisabled()).toBe(true);
		expect(await page.getByText('Some rows still need a decision').count()).toBeGreaterThan(0);
		expect(await seriousAxeViolations(page)).toEqual([]);

		// Every row is listed under "All rows", the good ones as new people.
		await page.getByRole('link', { name: 'All rows' }).click();
		await page.waitForURL(/show=all/);
		expect(await page.getByTestId('import-preview').locator('tbody tr').count()).toBe(10);
		expect((await previewRow(page, 2).innerText()).replace(/\s+/g, ' ')).toContain(`${GOOD[0].name} New person`);
		await page.getByRole('link', { name: /^Errors and possible matches/ }).click();
		await page.waitForURL(/show=problems/);

		await page.getByRole('button', { name: 'Skip every row with errors' }).click();
		await expect.poll(() => counts(page)).toContain('Skipped: 2');
		expect(await counts(page)).toContain('Waiting for your decision: 0');
		for (const bad of BAD) expect(await previewRow(page, lineOf(bad)).getByRole('combobox').inputValue()).toBe('skip');
		expect(await commit.innerText()).toBe('Import 8 rows');
		expect(await commit.isDisabled()).toBe(false);
		expect(await seriousAxeViolations(page)).toEqual([]);

		await commit.click();
		const result = page.getByTestId('import-result');
		await result.waitFor({ timeout: 30_000 });
		expect(await result.innerText()).toBe('Imported: 8 new people, 0 updated, 2 rows skipped.');
		expect(await status(page)).toContain('imported');
		expect(await seriousAxeViolations(page)).toEqual([]);

		// The people list, newest first, shows the eight women as the file wrote them, and not the skipped two.
		await page.getByRole('link', { name: 'See the people list' }).click();
		await page.waitForURL(/\/people\?/);
		const list = await page.locator('table.data tbody').innerText();
		for (const person of GOOD) expect(list).toContain(person.name);
		for (const bad of BAD) expect(list).not.toContain(bad.name);
		// Her page: the region and the party found by their Russian names, the quoted notes whole, the training attended.
		await page.getByRole('link', { name: GOOD[0].name, exact: true }).click();
		await page.waitForURL(/\/people\/\d+$/);
		const profile = await page.locator('main').innerText();
		expect(profile).toContain('Naryn Region');
		expect(profile).toContain('Депутат; активистка');
		expect(await page.locator('section[aria-labelledby="memberships-heading"] li').allInnerTexts()).toEqual(['Ata-Meken']);
		expect(profile).toContain(trainingTitle);
		await page.close();
	});

	it('shows the rows of the same file uploaded again as possible matches (same name and year of birth), not new people', async () => {
		const page = await signIn('organizer@demo.example.org');
		expect(await upload(page, 'кандидатки (2).csv', 'text/csv', file)).toBe(303);
		await page.waitForURL(/\/import\/\d+$/);
		// The mapping of the earlier file with the same columns is remembered.
		expect(await page.getByLabel('Field for the column ФИО', { exact: true }).inputValue()).toBe('full_name');
		await confirmMapping(page);
		expect(await counts(page)).toContain('New people: 0');
		expect(await counts(page)).toContain('Waiting for your decision: 10');
		expect(await page.getByTestId('import-preview').locator('tbody tr').count()).toBe(10);
		for (const person of GOOD) {
			const row = previewRow(page, lineOf(person));
			expect(await row.locator('td').nth(1).innerText()).toBe(person.name);
			// The outcome, then the cells this row leaves empty (reported, not dropped).
			expect((await row.locator('td').nth(2).innerText()).split('\n')[0]).toBe('Possibly someone already here: choose');
			const offered = await row.getByRole('combobox').locator('option').allInnerTexts();
			expect(offered).toContain(`Update ${person.name} (born ${person.year}; same name and year of birth)`);
		}
		expect(await page.getByRole('button', { name: /^Import \d+ rows$/ }).isDisabled()).toBe(true);
		expect(await seriousAxeViolations(page)).toEqual([]);

		// Deciding two rows (the others left open): one updates the woman found, one is a new person after all.
		const [first, second] = GOOD;
		await previewRow(page, lineOf(first)).getByRole('combobox').selectOption({ label: `Update ${first.name} (born ${first.year}; same name and year of birth)` });
		await previewRow(page, lineOf(second)).getByRole('combobox').selectOption({ label: 'Create a new person' });
		await page.getByRole('button', { name: 'Save these choices' }).click();
		await expect.poll(() => counts(page)).toContain('Waiting for your decision: 8');
		expect(await counts(page)).toContain('New people: 1');
		expect(await counts(page)).toContain('Updates of people already here: 1');
		expect(await page.getByRole('alert').count()).toBe(0);
		await page.close();
	});

	it('undoes the first import as a whole: the people are gone and the job says undone', async () => {
		const page = await signIn('organizer@demo.example.org');
		await page.goto(`${app.url}${firstJob}`);
		let asked = '';
		page.on('dialog', (dialog) => {
			asked = dialog.message();
			void dialog.accept();
		});
		await page.getByRole('button', { name: 'Undo this import' }).click();
		await page.getByText('This import was undone.').waitFor({ timeout: 30_000 });
		expect(asked).toContain('Undo the whole import?');
		expect(await status(page)).toContain('undone');
		expect(await page.getByRole('button', { name: 'Undo this import' }).count()).toBe(0);
		expect(await seriousAxeViolations(page)).toEqual([]);

		await page.goto(`${app.url}/people?sort=updated&dir=desc`);
		const list = await page.locator('main').innerText();
		for (const person of GOOD) expect(list).not.toContain(person.name);
		await page.goto(`${app.url}/people?q=${encodeURIComponent('Щёголева')}`);
		expect(await page.getByTestId('people-total').innerText()).toMatch(/\b0\b/);

		// The list of imports tells both jobs apart.
		await page.goto(`${app.url}/import`);
		const jobs = await page.locator('table.data tbody').innerText();
		expect(jobs).toMatch(/кандидатки\.csv\s+undone/);
		expect(jobs).toMatch(/кандидатки \(2\)\.csv\s+ready to import/);
		expect(await seriousAxeViolations(page)).toEqual([]);
		await page.close();
	});

	it('refuses a PDF at the file field, and refuses a viewer the import', async () => {
		const page = await signIn('organizer@demo.example.org');
		const pdf = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n', 'latin1');
		expect(await upload(page, 'list.pdf', 'application/pdf', pdf)).toBe(415);
		expect(await page.locator('#field-file-error').innerText()).toBe('This is not a spreadsheet: upload a CSV or XLSX file.');
		expect(await page.getByLabel('Spreadsheet').getAttribute('aria-invalid')).toBe('true');
		expect(await page.getByLabel('Spreadsheet').getAttribute('aria-describedby')).toContain('field-file-error');
		expect(await seriousAxeViolations(page)).toEqual([]);
		await page.close();

		const viewer = await signIn('viewer@demo.example.org');
		expect((await viewer.goto(`${app.url}/import`))?.status()).toBe(403);
		expect((await viewer.goto(`${app.url}${firstJob}`))?.status()).toBe(403);
		await viewer.close();
	});

	it('met no script error and no failed request but the two refusals asked for', () => {
		// The server's log explains an unexpected failure.
		expect(problems.sort(), app.output()).toEqual(['403: GET /import', `403: GET ${firstJob}`, '415: POST /import'].sort());
	});
});
