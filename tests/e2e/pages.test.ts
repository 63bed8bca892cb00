import { rmSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { startApp, type RunningApp } from '../helpers/app';
import { describeWithBrowser, launchBrowser, seriousAxeViolations } from '../helpers/browser';
import { demoWithPrincipals, prepareDataDir } from '../helpers/prepare';
import { matrixIds } from '../helpers/matrix-ids';
import { createShareLink } from '../../src/lib/server/auth/share-links';
import { adminPages, type MatrixIds } from './permission-matrix';

describeWithBrowser('every page: no serious accessibility violations, usable on a 390 px phone', () => {
	let app: RunningApp;
	let browser: BrowserContext & { dispose(): Promise<void> };
	let ids: MatrixIds;
	let adminCookie: string;

	beforeAll(async () => {
		const prepared = await prepareDataDir(async (db) => {
			const cookies = await demoWithPrincipals(db);
			const link = await createShareLink(db, {}, { label: 'Pages test', expiresAt: new Date(Date.now() + 86_400_000) });
			const user = await db.selectFrom('users').select('id').where('role', '=', 'viewer').executeTakeFirstOrThrow();
			return { cookie: cookies.admin, ids: await matrixIds(db, { user: user.id, shareLink: link.id }) };
		});
		ids = prepared.result.ids;
		adminCookie = prepared.result.cookie;
		app = await startApp({}, { keepDataDir: prepared.dataDir });
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.dispose();
		await app?.stop();
		if (app?.dataDir) rmSync(app.dataDir, { recursive: true, force: true });
	});

	it('as an admin, on a laptop and on a phone', async () => {
		const [name, value] = adminCookie.split('=');
		await browser.addCookies([{ name, value, url: app.url }]);
		const page = await browser.newPage();
		const problems: string[] = [];
		for (const width of [1280, 390]) {
			await page.setViewportSize({ width, height: 800 });
			for (const path of adminPages(ids)) {
				await page.goto(`${app.url}${path}`);
				if (width === 1280) for (const v of await seriousAxeViolations(page)) problems.push(`${path}: ${v}`);
				// On a phone nothing may push the page sideways; wide tables scroll inside their own box.
				const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
				if (width === 390 && overflow > 1) problems.push(`${path}: ${overflow}px wider than a 390px screen`);
			}
		}
		await page.close();
		expect(problems).toEqual([]);
	}, 900_000);
});
