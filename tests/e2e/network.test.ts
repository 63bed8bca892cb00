import { rmSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { Db } from '../../src/lib/server/db';
import { startApp, type RunningApp } from '../helpers/app';
import { describeWithBrowser, launchBrowser, seriousAxeViolations } from '../helpers/browser';
import { demoWithPrincipals, prepareDataDir, type Principal } from '../helpers/prepare';

interface Expected {
	naryn: number;
	/** Naryn's people (its raions included) and, for each, how many of them she is tied to. */
	people: { id: number; fullName: string }[];
	degree: Record<number, number>;
	neighbours: Record<number, number[]>;
	mentorTies: number;
}

/**
 * The answers computed here, independently of the app's loader: the people of Naryn Region and every
 * tie among them (relationships, and facilitator → participant who completed a training), counted in
 * plain JavaScript.
 */
async function expectedNaryn(db: Db): Promise<Expected> {
	const naryn = (await db.selectFrom('regions').select('id').where('code', '=', 'KG-N').executeTakeFirstOrThrow()).id;
	const { rows: people } = await sql<{ id: number; fullName: string }>`
		select p.id, p.full_name as "fullName" from people p join regions r on r.id = p.region_id
		where p.deleted_at is null and (r.id = ${naryn} or r.parent_id = ${naryn}) order by p.id`.execute(db);
	const { rows: ties } = await sql<{ a: number; b: number; kind: string }>`
		select person_id as a, other_person_id as b, kind from relationships where deleted_at is null
		union all
		select f.person_id, p.person_id, 'trained' from training_participants f
		join training_participants p on p.training_id = f.training_id and p.role = 'participant' and p.completed and p.deleted_at is null
		join trainings t on t.id = f.training_id and t.deleted_at is null
		where f.role = 'facilitator' and f.deleted_at is null`.execute(db);
	const inNaryn = new Set(people.map((p) => p.id));
	const neighbours: Record<number, Set<number>> = Object.fromEntries(people.map((p) => [p.id, new Set<number>()]));
	const mentorPairs = new Set<string>();
	for (const { a, b, kind } of ties) {
		if (a === b || !inNaryn.has(a) || !inNaryn.has(b)) continue;
		neighbours[a].add(b);
		neighbours[b].add(a);
		if (kind === 'mentor') mentorPairs.add([a, b].sort((x, y) => x - y).join('-'));
	}
	return {
		naryn,
		people,
		degree: Object.fromEntries(people.map((p) => [p.id, neighbours[p.id].size])),
		neighbours: Object.fromEntries(people.map((p) => [p.id, [...neighbours[p.id]]])),
		mentorTies: mentorPairs.size
	};
}

describeWithBrowser('the network page and a person\'s ego network, on the demo data', () => {
	let app: RunningApp;
	let browser: BrowserContext & { dispose(): Promise<void> };
	let cookies: Record<Principal, string>;
	let expected: Expected;
	const problems: string[] = [];

	beforeAll(async () => {
		const prepared = await prepareDataDir(async (db) => ({ cookies: await demoWithPrincipals(db), expected: await expectedNaryn(db) }));
		cookies = prepared.result.cookies;
		expected = prepared.result.expected;
		app = await startApp({}, { keepDataDir: prepared.dataDir });
		browser = await launchBrowser();
		const [name, value] = cookies.organizer.split('=');
		await browser.addCookies([{ name, value, url: app.url }]);
	});
	afterAll(async () => {
		await browser?.dispose();
		await app?.stop();
		if (app?.dataDir) rmSync(app.dataDir, { recursive: true, force: true });
	});

	/** A page whose script errors and console errors (a refused script or style under the CSP among them) are collected. */
	async function newPage(): Promise<Page> {
		const page = await browser.newPage();
		page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
		page.on('console', (message) => {
			if (message.type() === 'error') problems.push(`console: ${message.text()}`);
		});
		return page;
	}

	async function drawing(page: Page, canvas = 'canvas') {
		await page.locator(`${canvas}[data-drawn="true"]`).waitFor();
		return page.locator(canvas).evaluate((element: HTMLCanvasElement) => {
			const { data } = element.getContext('2d')!.getImageData(0, 0, element.width, element.height);
			let inked = 0;
			let hash = 0;
			for (let i = 0; i < data.length; i += 4) {
				// The background is white: anything else is a node or a tie.
				if (data[i] < 240 || data[i + 1] < 240 || data[i + 2] < 240) inked++;
				hash = (hash * 31 + data[i] + data[i + 1] * 7 + data[i + 2] * 13) | 0;
			}
			return { inked, hash, nodes: Number(element.dataset.nodes) };
		});
	}

	/** Where the chart drew the node labelled `name` (its API is on the canvas for tests), in page pixels. */
	async function nodePosition(page: Page, name: string): Promise<[number, number]> {
		return page.locator('canvas').evaluate((canvas, name) => {
			const chart = (canvas as unknown as { chart: { data: { labels: string[] }; getDatasetMeta(i: number): { data: { x: number; y: number }[] } } }).chart;
			const index = chart.data.labels.findIndex((label) => label.startsWith(`${name} —`));
			if (index < 0) throw new Error(`No node labelled ${name}`);
			const point = chart.getDatasetMeta(0).data[index];
			const box = canvas.getBoundingClientRect();
			return [box.left + point.x, box.top + point.y] as [number, number];
		}, name);
	}

	const sortedDegrees = () => expected.people.map((p) => expected.degree[p.id]).sort((a, b) => b - a);

	it('draws the demo network as regions, then Naryn\'s people once filtered, with its top connectors beside', async () => {
		const page = await newPage();
		await page.goto(`${app.url}/network`);
		const all = await drawing(page);
		expect(all.inked).toBeGreaterThan(500);
		// 400-odd people: drawn as the regions they live in, and the table of the drawing's groups says so.
		expect(all.nodes).toBeGreaterThanOrEqual(9);
		expect(await page.getByTestId('network-groups').locator('tbody tr').count()).toBe(all.nodes);
		expect(await page.locator('canvas').getAttribute('role')).toBe('img');
		expect(await page.locator('canvas').getAttribute('aria-label')).toMatch(/^The network drawn as \d+ groups/);
		expect(await seriousAxeViolations(page)).toEqual([]);

		// Choosing Naryn Region's circle narrows the view to it (drill-down).
		await page.locator('canvas').scrollIntoViewIfNeeded();
		await page.mouse.click(...(await nodePosition(page, 'Naryn Region')));
		await page.waitForURL((url) => url.searchParams.get('region') === String(expected.naryn));
		expect(await page.getByLabel('Region', { exact: true }).inputValue()).toBe(String(expected.naryn));
		const naryn = await drawing(page);
		expect(naryn.nodes).toBe(expected.people.length);
		expect(naryn.hash).not.toBe(all.hash);
		expect(naryn.inked).toBeGreaterThan(200);

		// The table beside lists the people with the most ties, each with her own count.
		const rows = page.getByTestId('network-connectors').locator('tbody tr');
		expect(await rows.count()).toBe(Math.min(20, expected.people.length));
		const listed = await rows.evaluateAll((trs) => trs.map((tr) => ({ id: Number(tr.getAttribute('data-person')), degree: Number(tr.children[2].textContent!.replace(/\D/g, '')) })));
		expect(listed.map((r) => r.degree)).toEqual(sortedDegrees().slice(0, listed.length));
		for (const row of listed) expect(row.degree).toBe(expected.degree[row.id]);
		expect(await page.getByTestId('network-total').innerText()).toContain(`People: ${expected.people.length};`);
		expect(await seriousAxeViolations(page)).toEqual([]);

		// Only mentor ties: the same people, fewer ties, another drawing; the URL keeps both filters.
		await page.getByLabel('Mentor').check();
		await page.getByRole('button', { name: 'Show' }).click();
		await page.waitForURL((url) => url.searchParams.get('kind') === 'mentor' && url.searchParams.get('region') === String(expected.naryn));
		const mentors = await drawing(page);
		expect(mentors.nodes).toBe(expected.people.length);
		expect(mentors.hash).not.toBe(naryn.hash);
		expect(await page.locator('[data-figure="ties"]').innerText()).toBe(String(expected.mentorTies));
		await page.close();
	});

	it('opens the person whose node is clicked, whose page shows her ego network', async () => {
		const page = await newPage();
		await page.goto(`${app.url}/network?region=${expected.naryn}`);
		await drawing(page);
		const top = await page.getByTestId('network-connectors').locator('tbody tr').first();
		const id = Number(await top.getAttribute('data-person'));
		const name = expected.people.find((p) => p.id === id)!.fullName;
		await page.locator('canvas').scrollIntoViewIfNeeded();
		await page.mouse.click(...(await nodePosition(page, name)));
		await page.waitForURL(`${app.url}/people/${id}`);
		expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(name);

		// Her network: drawn, and listed — everyone she is tied to (within Naryn and beyond).
		const ego = await drawing(page, 'section[aria-labelledby="ego-heading"] canvas');
		expect(ego.inked).toBeGreaterThan(100);
		const near = await page.getByTestId('ego-near').locator('tbody tr').evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-person'))));
		for (const neighbour of expected.neighbours[id]) expect(near).toContain(neighbour);
		expect(await page.getByTestId('ego-far').locator('tbody tr').count()).toBeGreaterThan(0);
		expect(await seriousAxeViolations(page)).toEqual([]);
		await page.close();
	});

	it('downloads the drawing as PNG and the ranking as CSV (UTF-8 with BOM), and names a refused filter value at its field', async () => {
		const page = await newPage();
		await page.goto(`${app.url}/network?region=${expected.naryn}`);
		await drawing(page);
		const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the drawing (PNG)' }).click()]);
		expect(png.suggestedFilename()).toBe('network.png');

		const csv = await page.request.get(`${app.url}/network/connectors.csv?region=${expected.naryn}`);
		expect(csv.headers()['content-type']).toContain('text/csv');
		const text = await csv.text();
		const bytes = await csv.body();
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const lines = text.replace(/^\uFEFF/, '').trim().split('\r\n');
		expect(lines).toHaveLength(expected.people.length + 1);
		const topId = Number(await page.getByTestId('network-connectors').locator('tbody tr').first().getAttribute('data-person'));
		expect(lines[1]).toContain(expected.people.find((p) => p.id === topId)!.fullName);

		await page.goto(`${app.url}/network?region=Naryn&kind=friend&outcome=elected`);
		expect(await page.locator('#field-region-error').innerText()).toBe('Choose one of the options offered.');
		expect(await page.locator('#field-kind-error').innerText()).toBe('Choose one of the options offered.');
		expect(await page.getByLabel('Outcome').inputValue()).toBe('elected');
		await page.close();
	});

	it('serves the figures and the tables without JavaScript, and refuses funders and share links', async () => {
		const html = await (await fetch(`${app.url}/network?region=${expected.naryn}`, { headers: { cookie: cookies.viewer } })).text();
		expect(html).toContain('data-testid="network-connectors"');
		const best = expected.people.find((p) => expected.degree[p.id] === sortedDegrees()[0])!;
		expect(html).toContain(best.fullName);
		for (const principal of ['funder', 'share'] as const) {
			const res = await fetch(`${app.url}/network`, { headers: { cookie: cookies[principal] }, redirect: 'manual' });
			expect(res.status, principal).toBe(403);
			expect(await res.text()).not.toContain(best.fullName);
		}
		expect(problems).toEqual([]);
	});
});
