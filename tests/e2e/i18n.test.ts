import { rmSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { startApp, type RunningApp } from '../helpers/app';
import { describeWithBrowser, launchBrowser } from '../helpers/browser';
import { DEMO_PASSWORD, prepareDataDir } from '../helpers/prepare';
import { loadDemo } from '../../src/lib/server/demo/load';
import { createShareLink } from '../../src/lib/server/auth/share-links';
import { inviteUser } from '../../src/lib/server/users/actions';
import { LOCALE_COOKIE } from '../../src/lib/i18n/locale';
import { matrixIds } from '../helpers/matrix-ids';
import { adminPages, type MatrixIds } from './permission-matrix';

// Latin-letter words that may stay in Latin on a Russian or Kyrgyz page: acronyms and the like.
const ALLOWED_LATIN = new Set(['WLP', 'UTC', 'CSV', 'PNG', 'XLS', 'XLSX', 'PDF', 'JSON', 'UTF', 'Windows', 'Excel', 'Popolo', 'EveryPolitician']);

/**
 * The interface text of the page: everything visible or announced (text, labels, titles), minus what
 * is marked translate="no" (names and other data) and code.
 */
async function interfaceText(page: Page): Promise<string> {
	return page.evaluate(() => {
		const body = document.body.cloneNode(true) as HTMLElement;
		body.querySelectorAll('[translate="no"], code, script, style, template').forEach((el) => el.remove());
		const attributes = [...body.querySelectorAll('[aria-label], [title], [placeholder], [alt]')].flatMap((el) =>
			['aria-label', 'title', 'placeholder', 'alt'].map((a) => el.getAttribute(a) ?? '')
		);
		const values = [...body.querySelectorAll('input[type="submit"], button')].map((el) => (el as HTMLInputElement).value && el.tagName === 'INPUT' ? (el as HTMLInputElement).value : '');
		return [document.title, body.textContent ?? '', ...attributes, ...values].join('\n');
	});
}

function englishWords(text: string): string[] {
	return [...text.matchAll(/[A-Za-z][A-Za-z'’-]+/g)].map((m) => m[0].replace(/['’-]+$/, '')).filter((w) => !ALLOWED_LATIN.has(w));
}

function messageKeys(text: string): string[] {
	return [...text.matchAll(/\b[a-z]+(?:_[a-z0-9]+)+\b/g)].map((m) => m[0]);
}

describeWithBrowser('three languages: every page in English, Russian and Kyrgyz', () => {
	let app: RunningApp;
	let emptyApp: RunningApp;
	let browser: BrowserContext & { dispose(): Promise<void> };
	let ids: MatrixIds & { invitation: string; share: string };

	beforeAll(async () => {
		const prepared = await prepareDataDir(async (db) => {
			await loadDemo(db, { password: DEMO_PASSWORD });
			const invited = await inviteUser(db, {}, { email: 'invited@example.org', displayName: 'Айгүл Приглашённая', role: 'viewer' });
			const share = await createShareLink(db, {}, { label: 'Фонд', expiresAt: new Date(Date.now() + 86_400_000) });
			return { ...(await matrixIds(db, { user: invited.userId, shareLink: share.id })), invitation: invited.token, share: share.token };
		});
		ids = prepared.result;
		app = await startApp({}, { keepDataDir: prepared.dataDir });
		const empty = await prepareDataDir(async () => undefined);
		emptyApp = await startApp({}, { keepDataDir: empty.dataDir });
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.dispose();
		for (const a of [app, emptyApp]) {
			await a?.stop();
			if (a?.dataDir) rmSync(a.dataDir, { recursive: true, force: true });
		}
	});

	async function setLanguage(locale: string, url = app.url) {
		await browser.addCookies([{ name: LOCALE_COOKIE, value: locale, url }]);
	}

	async function signIn(page: Page, email: string) {
		await page.goto(`${app.url}/sign-in`);
		await page.locator('input[name="email"]').fill(email);
		await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
		await page.locator('form.form button[type="submit"]').click();
		await page.waitForURL((url) => url.pathname !== '/sign-in');
	}



	for (const locale of ['ru', 'ky', 'en'] as const) {
		it(`${locale}: every page renders with <html lang="${locale}">, without message keys${locale === 'en' ? '' : ' or English words'}`, async () => {
			await browser.clearCookies();
			await setLanguage(locale);
			await setLanguage(locale, emptyApp.url);
			const page = await browser.newPage();
			const problems: string[] = [];
			const check = async (url: string) => {
				await page.goto(url);
				expect(await page.getAttribute('html', 'lang'), url).toBe(locale);
				const text = await interfaceText(page);
				for (const key of messageKeys(text)) problems.push(`${url}: key ${key}`);
				if (locale !== 'en') for (const word of englishWords(text)) problems.push(`${url}: "${word}"`);
			};

			// Signed out: sign-in (with its validation messages), the invitation, a revoked share link, setup.
			await check(`${app.url}/sign-in`);
			await page.locator('form.form button[type="submit"]').click();
			await page.waitForSelector('[role="alert"]');
			const signInErrors = await interfaceText(page);
			if (locale !== 'en') for (const word of englishWords(signInErrors)) problems.push(`sign-in errors: "${word}"`);
			await check(`${app.url}/invitation/${ids.invitation}`);
			await check(`${app.url}/share/not-a-real-token`);
			await check(`${emptyApp.url}/setup`);

			// A share link's funder view.
			await check(`${app.url}/share/${ids.share}`);
			await browser.clearCookies();
			await setLanguage(locale);

			// Every page an admin reaches.
			await signIn(page, 'admin@demo.example.org');
			for (const path of adminPages(ids)) await check(`${app.url}${path}`);
			await page.close();
			expect(problems).toEqual([]);
		}, 600_000);
	}

	it('the switcher changes the language, and it stays after signing out and in again, also in another browser', async () => {
		await browser.clearCookies();
		const page = await browser.newPage();
		await page.setExtraHTTPHeaders({ 'accept-language': 'en' });
		await signIn(page, 'viewer@demo.example.org');
		expect(await page.getAttribute('html', 'lang')).toBe('en');
		expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Overview');

		await page.getByRole('button', { name: 'Русский' }).click();
		await page.waitForLoadState('networkidle');
		expect(new URL(page.url()).pathname).toBe('/');
		expect(await page.getAttribute('html', 'lang')).toBe('ru');
		expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Обзор');

		await page.getByRole('button', { name: 'Выйти' }).click();
		await page.waitForURL(/\/sign-in/);
		expect(await page.getAttribute('html', 'lang')).toBe('ru');
		await signIn(page, 'viewer@demo.example.org');
		expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Обзор');

		// A browser that never chose a language: the account remembers it.
		await browser.clearCookies();
		await signIn(page, 'viewer@demo.example.org');
		expect(await page.getAttribute('html', 'lang')).toBe('ru');
		expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Обзор');
		await page.close();
	});

	it('follows the browser’s Accept-Language when nothing was chosen, else English', async () => {
		const page = async (acceptLanguage: string) => (await fetch(`${app.url}/sign-in`, { headers: { 'accept-language': acceptLanguage } })).text();
		const kyrgyz = await page('ky-KG,ky;q=0.9,ru;q=0.8');
		expect(kyrgyz).toContain('<html lang="ky">');
		expect(kyrgyz).toContain('<h1>Кирүү</h1>');
		expect(await page('de-DE,ru;q=0.5')).toContain('<html lang="ru">');
		expect(await page('de-DE,fr;q=0.5')).toContain('<html lang="en">');
	});
});
