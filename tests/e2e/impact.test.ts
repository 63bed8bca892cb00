import { readFileSync, rmSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import type { Db } from '../../src/lib/server/db';
import { startApp, type RunningApp } from '../helpers/app';
import { describeWithBrowser, launchBrowser, seriousAxeViolations, signInAs } from '../helpers/browser';
import { DEMO_PASSWORD, demoWithPrincipals, prepareDataDir, type Principal } from '../helpers/prepare';

/** Every chart of the dashboard, by its id (data-chart). */
const CHARTS = ['funnel', 'regions', 'comparison', 'seat-share', 'cascade-growth', 'reach', 'background', 'age', 'parties', 'systems', 'list-positions'];

interface Expected {
	naryn: number;
	/** Women who completed a training as participants: everywhere, and those living in Naryn Region. */
	trained: number;
	trainedInNaryn: number;
	/** Names a funder must never receive: women who did not consent to be named. */
	hiddenNames: string[];
}

/** The answers counted here in plain SQL, independently of the dashboard's queries. */
async function expected(db: Db): Promise<Expected> {
	const naryn = (await db.selectFrom('regions').select('id').where('code', '=', 'KG-N').executeTakeFirstOrThrow()).id;
	const { rows } = await sql<{ region_id: number | null; parent_id: number | null }>`
		select distinct p.id, p.region_id, r.parent_id from training_participants tp
		join trainings t on t.id = tp.training_id and t.deleted_at is null
		join people p on p.id = tp.person_id and p.deleted_at is null
		left join regions r on r.id = p.region_id
		where tp.role = 'participant' and tp.completed and tp.deleted_at is null`.execute(db);
	const hidden = await db.selectFrom('people').select('full_name').where('consent_public_name', '=', false).execute();
	return {
		naryn,
		trained: rows.length,
		trainedInNaryn: rows.filter((r) => r.region_id === naryn || r.parent_id === naryn).length,
		hiddenNames: hidden.map((h) => h.full_name)
	};
}

/** "1,234" → 1234 (English formatting). */
const number = (text: string) => Number(text.replace(/[^\d.]/g, ''));

/** A CSV file's rows (RFC 4180 quoting), without the byte-order mark. */
function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let cell = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
			else if (c === '"') quoted = false;
			else cell += c;
		} else if (c === '"') quoted = true;
		else if (c === ',') row.push(cell), (cell = '');
		else if (c === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
		else cell += c;
	}
	return rows;
}

describeWithBrowser('the impact dashboard and its printed report, as a funder sees them on the demo data', () => {
	let app: RunningApp;
	let browser: BrowserContext & { dispose(): Promise<void> };
	let cookies: Record<Principal, string>;
	let want: Expected;
	const problems: string[] = [];

	beforeAll(async () => {
		const prepared = await prepareDataDir(async (db) => ({ cookies: await demoWithPrincipals(db), want: await expected(db) }));
		({ cookies, want } = prepared.result);
		app = await startApp({}, { keepDataDir: prepared.dataDir });
		browser = await launchBrowser();
		// Script errors, console errors (a refused script under the CSP among them) and failed requests, on every page.
		browser.on('weberror', (e) => problems.push(`page error: ${e.error().message}`));
		browser.on('console', (message) => {
			if (message.type() === 'error') problems.push(`console: ${message.text()}`);
		});
		browser.on('response', (response) => {
			if (response.status() >= 400) problems.push(`${response.status()}: ${response.request().method()} ${response.url()}`);
		});
	});
	afterAll(async () => {
		await browser?.dispose();
		await app?.stop();
		if (app?.dataDir) rmSync(app.dataDir, { recursive: true, force: true });
	});

	const signIn = (email: string) => signInAs(browser, app.url, email, DEMO_PASSWORD);

	const chart = (page: Page, id: string) => page.locator(`[data-chart="${id}"]`);

	/** How much of a chart's canvas is drawn on (the background is white), and a hash of its pixels. */
	async function ink(page: Page, id: string): Promise<{ inked: number; hash: number }> {
		const canvas = chart(page, id).locator('canvas[data-drawn="true"]');
		await canvas.waitFor({ state: 'attached' });
		return canvas.evaluate((element: HTMLCanvasElement) => {
			const { data } = element.getContext('2d')!.getImageData(0, 0, element.width, element.height);
			let inked = 0;
			let hash = 0;
			for (let i = 0; i < data.length; i += 4) {
				if (data[i] < 235 || data[i + 1] < 235 || data[i + 2] < 235) inked++;
				hash = (hash * 31 + data[i] + data[i + 1] * 7 + data[i + 2] * 13) | 0;
			}
			return { inked, hash };
		});
	}

	/** The cells of a chart's table as shown (header row first). */
	async function tableOf(figure: Locator): Promise<string[][]> {
		return figure.locator('table').evaluate((table: HTMLTableElement) => [...table.rows].map((tr) => [...tr.cells].map((c) => (c.textContent ?? '').trim())));
	}

	const headline = async (page: Page, key: string) => (await page.locator(`[data-figure="${key}"] .value`).innerText()).trim();

	it('draws every chart with its title, summary, table and method, under a headline row', async () => {
		const page = await signIn('funder@demo.example.org');
		expect(new URL(page.url()).pathname).toBe('/impact');
		expect(number(await headline(page, 'trained'))).toBe(want.trained);
		for (const key of ['ran', 'won', 'win-rate', 'pending']) expect(await page.locator(`[data-figure="${key}"]`).count(), key).toBe(1);

		expect(await page.locator('[data-chart]').evaluateAll((figures) => figures.map((f) => f.getAttribute('data-chart')))).toEqual(CHARTS);
		for (const id of CHARTS) {
			const figure = chart(page, id);
			const drawn = await ink(page, id);
			expect(drawn.inked, `${id} drawn`).toBeGreaterThan(2000);
			const canvas = figure.locator('canvas');
			expect(await canvas.getAttribute('role')).toBe('img');
			expect(await canvas.getAttribute('aria-label')).toBe(await figure.locator('.chart-title').innerText());
			expect((await page.locator(`#${await canvas.getAttribute('aria-describedby')}`).innerText()).length, `${id} summary`).toBeGreaterThan(30);
			expect((await tableOf(figure)).length, `${id} table`).toBeGreaterThan(1);
			expect(await figure.getByText('How this is computed').count()).toBe(1);
		}
		// The funnel's first step is the headline's number of women trained.
		expect(number((await tableOf(chart(page, 'funnel')))[1][1])).toBe(want.trained);
		// The national series comes with its sources.
		expect(await chart(page, 'seat-share').locator('.sources').innerText()).toContain('UN Women');
		expect(await seriousAxeViolations(page)).toEqual([]);

		// The tables are in the page as the server sends it (without JavaScript too), and no person is linked.
		const html = await (await fetch(`${app.url}/impact`, { headers: { cookie: cookies.funder } })).text();
		expect(html.match(/<table class="data/g)?.length).toBe(CHARTS.length);
		expect(html).not.toMatch(/href="\/people\//);
		await page.close();
	});

	it('applies the filters to every chart at once, from the URL, and names a refused value at its field', async () => {
		const page = await signIn('funder@demo.example.org');
		const before = { regions: await ink(page, 'regions'), funnel: await ink(page, 'funnel') };
		await page.getByLabel('Region', { exact: true }).selectOption(String(want.naryn));
		await page.getByRole('button', { name: 'Show' }).click();
		await page.waitForURL((url) => url.searchParams.get('region') === String(want.naryn));
		await expect.poll(async () => number(await headline(page, 'trained'))).toBe(want.trainedInNaryn);
		expect(await page.getByTestId('impact-filters').innerText()).toContain('Region: Naryn Region');
		// Every chart follows: the funnel starts from Naryn's women, the regions chart shows Naryn only, and both are redrawn.
		expect(number((await tableOf(chart(page, 'funnel')))[1][1])).toBe(want.trainedInNaryn);
		expect((await tableOf(chart(page, 'regions'))).slice(1).map((row) => row[0])).toEqual(['Naryn Region']);
		await expect.poll(async () => (await ink(page, 'regions')).hash).not.toBe(before.regions.hash);
		await expect.poll(async () => (await ink(page, 'funnel')).hash).not.toBe(before.funnel.hash);

		// A second filter keeps the first; the report link carries both.
		await page.getByLabel('Background', { exact: true }).selectOption('ngo');
		await page.getByRole('button', { name: 'Show' }).click();
		await page.waitForURL((url) => url.searchParams.get('background') === 'ngo' && url.searchParams.get('region') === String(want.naryn));
		expect(number(await headline(page, 'trained'))).toBeLessThan(want.trainedInNaryn);
		expect(await page.getByRole('link', { name: 'Report for printing (A4, PDF)' }).getAttribute('href')).toBe(`/impact/report?election=&region=${want.naryn}&training=&background=ngo`);

		await page.goto(`${app.url}/impact?region=Naryn&background=astronaut&election=999999`);
		expect(await page.locator('#field-region-error').innerText()).toBe('Choose one of the options offered.');
		expect(await page.locator('#field-background-error').innerText()).toBe('Choose one of the options offered.');
		expect(await page.locator('#field-election-error').innerText()).toBe('Choose one of the options offered.');
		// The refused filters are left out: the figures are everyone's.
		expect(number(await headline(page, 'trained'))).toBe(want.trained);
		await page.close();
	});

	it('downloads each chart as a PNG and its numbers as a CSV that matches its table', async () => {
		const first = await signIn('funder@demo.example.org');
		// Chromium drops a download now and then when one tab makes more than about ten within a second or
		// two (a person never does); each chart is downloaded from a tab of its own.
		for (const id of CHARTS) {
			const page = await browser.newPage();
			await page.goto(`${app.url}/impact`);
			const figure = chart(page, id);
			await ink(page, id);
			const [png] = await Promise.all([page.waitForEvent('download'), figure.getByRole('button', { name: 'Download the chart (PNG)' }).click()]);
			expect(png.suggestedFilename()).toBe(`impact-${id}.png`);
			const image = readFileSync(await png.path());
			expect([...image.subarray(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
			expect(image.length, `${id} PNG size`).toBeGreaterThan(10_000);

			const [csv] = await Promise.all([page.waitForEvent('download'), figure.getByRole('button', { name: 'Download the numbers (CSV)' }).click()]);
			expect(csv.suggestedFilename()).toBe(`impact-${id}.csv`);
			const bytes = readFileSync(await csv.path());
			expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
			const rows = parseCsv(bytes.toString('utf8').replace(/^\uFEFF/, ''));
			// The same rows and columns; numbers written plainly (1234, 12.5), an empty cell where the table shows "—".
			const shown = (await tableOf(figure)).map((row) => row.map((cell) => (cell === '—' ? '' : /^[\d,.]+$/.test(cell) ? cell.replace(/,/g, '') : cell)));
			expect(rows, id).toEqual(shown);
			await page.close();
		}
		const page = first;
		// The PNG is drawn on white (not transparent), with its title.
		const [png] = await Promise.all([page.waitForEvent('download'), chart(page, 'funnel').getByRole('button', { name: 'Download the chart (PNG)' }).click()]);
		const corner = await page.evaluate(async (dataUrl) => {
			const image = new Image();
			image.src = dataUrl;
			await image.decode();
			const canvas = document.createElement('canvas');
			canvas.width = image.width;
			canvas.height = image.height;
			const context = canvas.getContext('2d')!;
			context.drawImage(image, 0, 0);
			return [...context.getImageData(1, 1, 1, 1).data];
		}, `data:image/png;base64,${readFileSync(await png.path()).toString('base64')}`);
		expect(corner).toEqual([255, 255, 255, 255]);
		await page.close();
	});

	it('prints the report to A4, a summary page then one page per chart, with date, filters and source on top', async () => {
		const page = await signIn('funder@demo.example.org');
		await page.goto(`${app.url}/impact/report?region=${want.naryn}`);
		// Each chart is drawn, or says that these filters leave nothing to draw (Naryn has no party lists).
		for (const id of CHARTS) {
			const empty = await chart(page, id).getByText('No figures for these filters.').count();
			if (!empty) expect((await ink(page, id)).inked, id).toBeGreaterThan(1000);
		}
		const sheets = await page.locator('.sheet').count();
		expect(sheets).toBe(1 + CHARTS.length);
		expect(await page.getByTestId('report-filters').innerText()).toBe('Region: Naryn Region');
		const header = await page.locator('.sheet').first().innerText();
		expect(header).toMatch(/Prepared:?\s*\w{3} \d{1,2}, \d{4}, \d{2}:\d{2} UTC/);
		expect(header).toContain('Candidate Tracker records');
		expect(number(await headline(page, 'trained'))).toBe(want.trainedInNaryn);
		expect(await page.getByTestId('report-summary').locator('p').count()).toBeGreaterThan(3);
		// Tables are shown, not folded away.
		expect(await page.locator('.report details').count()).toBe(0);
		expect(await seriousAxeViolations(page)).toEqual([]);

		const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
		// One page per sheet: the layout breaks after each, and each fits on its page.
		expect(pdf.match(/\/Type\s*\/Page(?!s)/g)?.length).toBe(sheets);
		const size = pdf.match(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/);
		// A4 is 595 × 842 points (Chromium rounds to whole hundredths of an inch).
		expect(Math.abs(Number(size![1]) - 595)).toBeLessThan(2);
		expect(Math.abs(Number(size![2]) - 842)).toBeLessThan(2);
		await page.close();
	});

	it('loads chart.js only on pages with charts', async () => {
		const page = await signIn('funder@demo.example.org');
		const scripts: string[] = [];
		page.on('response', async (response) => {
			if (response.url().endsWith('.js')) scripts.push(await response.text().catch(() => ''));
		});
		// A string of chart.js's own that survives minification.
		const isChartJs = (source: string) => source.includes('complete date adapter');
		await page.goto(`${app.url}/account`);
		await page.waitForLoadState('networkidle');
		expect(scripts.length).toBeGreaterThan(0);
		expect(scripts.some(isChartJs)).toBe(false);
		await page.goto(`${app.url}/impact`);
		await ink(page, 'funnel');
		await page.waitForLoadState('networkidle');
		expect(scripts.some(isChartJs)).toBe(true);
		await page.close();
	});

	it('never gives a funder or a share link a name of a woman who did not consent, a contact or a person id', async () => {
		expect(want.hiddenNames.length).toBeGreaterThan(10);
		for (const principal of ['funder', 'share'] as const) {
			for (const path of ['/impact', '/impact/__data.json', '/impact/report', '/impact/report/__data.json', `/impact?region=${want.naryn}`, `/impact/report/__data.json?region=${want.naryn}`]) {
				const body = await (await fetch(`${app.url}${path}`, { headers: { cookie: cookies[principal] } })).text();
				expect(body.length, path).toBeGreaterThan(1000);
				for (const name of want.hiddenNames) expect(body.includes(name), `${principal} ${path}: ${name}`).toBe(false);
				expect(body, path).not.toMatch(/\+996|@(?!demo\.example\.org)[\w-]+\.(org|kg|com)/);
				expect(body, path).not.toMatch(/"(personId|person_id|fullName|full_name|phone|email|notes)"/);
				expect(body, path).not.toMatch(/href="\/people\//);
			}
		}
		// Staff see the contests and parties of the trainees on party lists; funders do not (with them a position names a woman).
		const staff = await (await fetch(`${app.url}/impact/__data.json`, { headers: { cookie: cookies.viewer } })).text();
		const funder = await (await fetch(`${app.url}/impact/__data.json`, { headers: { cookie: cookies.funder } })).text();
		expect(staff).toContain('Bishkek City Kenesh');
		expect(funder).not.toContain('Bishkek City Kenesh');
	});

	it('met no script error, console error or failed request on the way', () => {
		expect(problems).toEqual([]);
	});
});
