import { readFileSync, rmSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { startApp, type RunningApp } from '../helpers/app';
import { describeWithBrowser, launchBrowser, signInAs } from '../helpers/browser';
import { DEMO_PASSWORD, prepareDataDir } from '../helpers/prepare';
import { loadDemo } from '../../src/lib/server/demo/load';

/** Clicks a download link and returns the file's bytes. */
async function downloadFrom(page: Page, linkName: string): Promise<Buffer> {
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: linkName }).click()]);
	return readFileSync((await download.path())!);
}

/** A workbook's sheets as text cells, header row first (exceljs reads what the app wrote). */
async function sheetsOf(bytes: Buffer): Promise<Map<string, string[][]>> {
	const book = new ExcelJS.Workbook();
	await book.xlsx.load(new Uint8Array(bytes).buffer);
	const sheets = new Map<string, string[][]>();
	for (const sheet of book.worksheets) {
		const rows: string[][] = [];
		sheet.eachRow((row) => rows.push(Array.from({ length: sheet.columnCount }, (_, i) => String(row.getCell(i + 1).text))));
		sheets.set(sheet.name, rows);
	}
	return sheets;
}

describeWithBrowser('exports: a list downloaded as CSV and XLSX by an organizer, the impact tables by a funder', () => {
	let app: RunningApp;
	let browser: BrowserContext & { dispose(): Promise<void> };

	beforeAll(async () => {
		const prepared = await prepareDataDir((db) => loadDemo(db, { password: DEMO_PASSWORD }));
		app = await startApp({}, { keepDataDir: prepared.dataDir });
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.dispose();
		await app?.stop();
		if (app?.dataDir) rmSync(app.dataDir, { recursive: true, force: true });
	});

	it('downloads the filtered trainings as UTF-8 CSV with a byte-order mark and as XLSX holding the same rows', async () => {
		const page = await signInAs(browser, app.url, 'organizer@demo.example.org', DEMO_PASSWORD);
		await page.goto(`${app.url}/trainings`);
		await page.getByLabel('Region').selectOption({ label: 'Naryn Region' });
		await page.getByRole('button', { name: 'Filter' }).click();
		await page.waitForURL(/region=/);
		const shown = await page.locator('table.data tbody tr td:first-child').allInnerTexts();
		expect(shown.length).toBeGreaterThan(0);

		const csvBytes = await downloadFrom(page, 'Download these rows (CSV)');
		expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const lines = csvBytes.toString('utf8').slice(1).split('\r\n');
		expect(lines.at(-1)).toBe('');
		expect(lines.length - 2).toBe(shown.length);

		const xlsxBytes = await downloadFrom(page, 'Download these rows (XLSX)');
		// A ZIP archive (local file header "PK\3\4"), as every XLSX is.
		expect([...xlsxBytes.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
		const [[name, rows]] = [...(await sheetsOf(xlsxBytes)).entries()];
		expect(name).toBe('Trainings');
		// The same header and, row for row, the trainings on screen in the same order, all in Naryn.
		expect(rows[0].join(',')).toBe(lines[0]);
		expect(rows.slice(1).map((r) => r[0])).toEqual(shown);
		expect(rows.slice(1).every((r) => r[4] === 'Naryn Region' || r[4].endsWith('District'))).toBe(true);
		await page.close();
	});

	it('gives a funder every chart of the dashboard as a sheet of one workbook, for the filters on screen, and no list export', async () => {
		const page = await signInAs(browser, app.url, 'funder@demo.example.org', DEMO_PASSWORD);
		await page.goto(`${app.url}/impact`);
		await page.getByLabel('Region', { exact: true }).selectOption({ label: 'Naryn Region' });
		await page.getByRole('button', { name: 'Show' }).click();
		await page.waitForURL(/region=/);
		const charts = await page.locator('[data-chart] .chart-title').allInnerTexts();
		expect(charts.length).toBe(11);

		const bytes = await downloadFrom(page, 'Download all tables (XLSX)');
		expect([...bytes.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
		const sheets = await sheetsOf(bytes);
		expect(sheets.size).toBe(1 + charts.length);
		const [about, ...tables] = [...sheets.entries()];
		expect(about[0]).toBe('About these tables');
		const said = Object.fromEntries(about[1].slice(1).map(([item, value]) => [item, value]));
		expect(said.Filters).toBe('Region: Naryn Region');
		expect(said['Small numbers']).toContain('<5');
		// Each chart's sheet in the page's order, its name (within Excel's 31 characters) listed with the chart's title.
		expect(tables.map(([sheet]) => said[`Sheet “${sheet}”`])).toEqual(charts);
		expect(tables.every(([sheet]) => sheet.length <= 31)).toBe(true);
		// The funnel's sheet holds what the funder's table on screen holds, "<5" where it says "<5".
		const onScreen = await page
			.locator('[data-chart="funnel"] table')
			.evaluate((table: HTMLTableElement) => [...table.rows].map((tr) => [...tr.cells].map((c) => (c.textContent ?? '').trim())));
		const plain = (cell: string) => (cell === '—' ? '' : cell.replace(/(\d),(\d)/g, '$1$2'));
		expect(tables[0][1]).toEqual(onScreen.map((row) => row.map(plain)));

		for (const url of ['/people/export.csv', '/people/export.xlsx', '/trainings/export.xlsx']) {
			expect((await page.request.get(`${app.url}${url}`, { maxRedirects: 0 })).status(), url).toBe(403);
		}
		await page.close();
	});
});
