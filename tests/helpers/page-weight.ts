// Page weight: the JavaScript each page makes a browser load, gzipped, against a budget. Shared by
// tests/e2e/page-weight.test.ts (CI) and scripts/page-weight.ts (`npm run page-weight`, for a human).
import { rmSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';
import { startApp, type RunningApp } from './app';
import { launchBrowser } from './browser';
import { matrixIds } from './matrix-ids';
import { demoWithPrincipals, prepareDataDir, type Principal } from './prepare';
import { createShareLink } from '../../src/lib/server/auth/share-links';
import { adminPages, type MatrixIds } from '../e2e/permission-matrix';

/** 1 KB = 1000 bytes, as browsers' developer tools count. */
export const KB = 1000;

/** Gzipped JavaScript a page may load: a page that draws a chart also loads chart.js (about 60 KB of it). */
export const BUDGETS = { chart: 150 * KB, other: 80 * KB } as const;

/**
 * The chart pages, the only ones that may draw a chart (chart.js on a canvas) and so load chart.js:
 * the impact dashboard, its report and its network view, the staff network page, and a person's page
 * (her ego network, where she has one; the demo's first person has none).
 */
const CHART_PAGES = [/^\/impact(\/report|\/network)?(\?|$)/, /^\/network(\?|$)/, /^\/people\/\d+(\?|$)/];

export const isChartPage = (path: string) => CHART_PAGES.some((pattern) => pattern.test(path));
export const budgetOf = (weight: Pick<PageWeight, 'drawsChart'>) => (weight.drawsChart ? BUDGETS.chart : BUDGETS.other);

/**
 * Whether a script is chart.js itself. Vite strips its licence banner and minifies its class names,
 * so a message of its Chart constructor is the marker (in chart.js 3 and 4 alike).
 */
export const isChartJs = (source: string) => source.includes('Canvas is already in use. Chart with ID');

/** One page as its principal sees it. */
export interface PageVisit {
	path: string;
	as: Principal;
}

export interface ScriptFile {
	url: string;
	bytes: number;
	gzipped: number;
	chartJs: boolean;
}

export interface PageWeight extends PageVisit {
	files: ScriptFile[];
	/** Sum of the files' gzipped sizes (zlib level 9), inline scripts not counted. */
	gzipped: number;
	chartJs: boolean;
	/** Whether the page shows a chart's canvas once loaded. */
	drawsChart: boolean;
}

/** Every page an admin can open, and the funder's dashboard and report (a funder's whole site). */
export function pageVisits(ids: MatrixIds): PageVisit[] {
	return [...adminPages(ids).map((path): PageVisit => ({ path, as: 'admin' })), { path: '/impact', as: 'funder' }, { path: '/impact/report', as: 'funder' }];
}

/** A script's size as served compressed at gzip's best level; memoised, since chunks are immutable. */
function scriptSizer(appUrl: string): (url: string) => Promise<ScriptFile> {
	const known = new Map<string, Promise<ScriptFile>>();
	return (url) => {
		if (!known.has(url)) {
			// The app's own files only: a foreign script would be a finding in its own right.
			if (!url.startsWith(appUrl)) throw new Error(`A page loaded a script from elsewhere: ${url}`);
			const file = fetch(url).then(async (res) => {
				if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
				const body = Buffer.from(await res.arrayBuffer());
				return { url, bytes: body.length, gzipped: gzipSync(body, { level: 9 }).length, chartJs: isChartJs(body.toString('utf8')) };
			});
			known.set(url, file);
		}
		return known.get(url)!;
	};
}

/**
 * Opens `path` in a fresh tab with the cache off and returns the URL of every script it fetched
 * (module scripts, dynamic imports, modulepreload links) until the network has been idle.
 */
async function scriptsOf(context: BrowserContext, url: string): Promise<{ urls: Set<string>; drawsChart: boolean }> {
	const page: Page = await context.newPage();
	try {
		const cdp = await context.newCDPSession(page);
		await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
		const urls = new Set<string>();
		page.on('request', (request) => {
			if (request.resourceType() === 'script') urls.add(request.url());
		});
		await page.goto(url, { waitUntil: 'networkidle' });
		// Preloaded modules are fetched whether or not they run; a link the browser skipped still counts.
		const preloaded = await page.$$eval('link[rel="modulepreload"]', (links) => links.map((l) => (l as HTMLLinkElement).href));
		for (const href of preloaded) urls.add(href);
		const drawsChart = (await page.locator('canvas').count()) > 0;
		return { urls, drawsChart };
	} finally {
		await page.close();
	}
}

/** Measures every visit, signed in with the principals' cookies ("name=value"). */
export async function measurePageWeights(appUrl: string, cookies: Record<Principal, string>, visits: PageVisit[]): Promise<PageWeight[]> {
	const browser = await launchBrowser();
	const size = scriptSizer(appUrl);
	const weights: PageWeight[] = [];
	try {
		let signedInAs: Principal | undefined;
		for (const visit of visits) {
			if (visit.as !== signedInAs) {
				await browser.clearCookies();
				const [name, value] = cookies[visit.as].split('=');
				if (name) await browser.addCookies([{ name, value, url: appUrl }]);
				signedInAs = visit.as;
			}
			const { urls, drawsChart } = await scriptsOf(browser, appUrl + visit.path);
			const files = await Promise.all([...urls].sort().map(size));
			weights.push({
				...visit,
				files,
				gzipped: files.reduce((sum, f) => sum + f.gzipped, 0),
				chartJs: files.some((f) => f.chartJs),
				drawsChart
			});
		}
	} finally {
		await browser.dispose();
	}
	return weights;
}

/** What misses the budget, one line each: too heavy, or chart.js (or a chart) where none may be. */
export function budgetProblems(weights: PageWeight[]): string[] {
	const problems: string[] = [];
	for (const w of weights) {
		const page = `${w.path} (${w.as})`;
		if (!w.files.length) problems.push(`${page}: no JavaScript seen at all (is the measurement broken?)`);
		if (w.gzipped > budgetOf(w)) problems.push(`${page}: ${kb(w.gzipped)} KB of JavaScript, budget ${kb(budgetOf(w))} KB`);
		if (w.drawsChart && !isChartPage(w.path)) problems.push(`${page}: draws a chart but is not one of the chart pages`);
		if (w.chartJs && !w.drawsChart) problems.push(`${page}: loads chart.js without drawing a chart`);
		if (w.drawsChart && !w.chartJs) problems.push(`${page}: draws a canvas without chart.js (is the chart.js marker still right?)`);
	}
	return problems;
}

const kb = (bytes: number) => (bytes / KB).toFixed(1);

/** The weights as a plain-text table, heaviest first. */
export function pageWeightTable(weights: PageWeight[]): string {
	const rows = [...weights]
		.sort((a, b) => b.gzipped - a.gzipped)
		.map((w) => [`${w.path} (${w.as})`, kb(w.gzipped), kb(budgetOf(w)), String(w.files.length), w.chartJs ? 'yes' : '-']);
	const header = ['Page (as)', 'JS KB gz', 'Budget', 'Files', 'chart.js'];
	const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
	const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
	return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/**
 * A demo database with a session for each principal, the built app started on it, and every page
 * measured; the app stopped and its data removed afterwards. The app must have been built.
 */
export async function measureDemoPageWeights(): Promise<PageWeight[]> {
	const prepared = await prepareDataDir(async (db) => {
		const cookies = await demoWithPrincipals(db);
		const link = await createShareLink(db, {}, { label: 'Page weight', expiresAt: new Date(Date.now() + 86_400_000) });
		const user = await db.selectFrom('users').select('id').where('role', '=', 'viewer').executeTakeFirstOrThrow();
		return { cookies, ids: await matrixIds(db, { user: user.id, shareLink: link.id }) };
	});
	let app: RunningApp | undefined;
	try {
		app = await startApp({}, { keepDataDir: prepared.dataDir });
		return await measurePageWeights(app.url, prepared.result.cookies, pageVisits(prepared.result.ids));
	} finally {
		await app?.stop();
		rmSync(prepared.dataDir, { recursive: true, force: true });
	}
}
