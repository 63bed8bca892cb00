import { rmSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { startApp, type RunningApp } from '../helpers/app';
import { describeWithBrowser, launchBrowser, seriousAxeViolations } from '../helpers/browser';
import { DEMO_PASSWORD, prepareDataDir } from '../helpers/prepare';
import { loadDemo } from '../../src/lib/server/demo/load';

describeWithBrowser('accounts, roles and share links in the browser', () => {
	let app: RunningApp;
	let browser: BrowserContext & { dispose(): Promise<void> };
	let otherRegionPersonId: number;
	let narynPersonId: number;

	beforeAll(async () => {
		const prepared = await prepareDataDir(async (db) => {
			await loadDemo(db, { password: DEMO_PASSWORD });
			const naryn = await db.selectFrom('regions').select('id').where('code', '=', 'KG-N').executeTakeFirstOrThrow();
			const inNaryn = await db
				.selectFrom('people as p')
				.innerJoin('regions as r', 'r.id', 'p.region_id')
				.select('p.id')
				.where((eb) => eb.or([eb('r.id', '=', naryn.id), eb('r.parent_id', '=', naryn.id)]))
				.executeTakeFirstOrThrow();
			const elsewhere = await db.selectFrom('people as p').innerJoin('regions as r', 'r.id', 'p.region_id').select('p.id').where('r.code', '=', 'KG-GB').executeTakeFirstOrThrow();
			return { naryn: inNaryn.id, elsewhere: elsewhere.id };
		});
		narynPersonId = prepared.result.naryn;
		otherRegionPersonId = prepared.result.elsewhere;
		app = await startApp({}, { keepDataDir: prepared.dataDir });
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.dispose();
		await app?.stop();
		if (app?.dataDir) rmSync(app.dataDir, { recursive: true, force: true });
	});

	async function newPage(): Promise<Page> {
		// A fresh cookie jar per flow: signing in as one user must not leak into the next flow.
		await browser.clearCookies();
		return browser.newPage();
	}

	async function signIn(page: Page, email: string, password: string) {
		await page.goto(`${app.url}/sign-in`);
		await page.getByLabel('E-mail address').fill(email);
		await page.getByLabel('Password').fill(password);
		await page.getByRole('button', { name: 'Sign in' }).click();
		await page.waitForLoadState('networkidle');
	}

	async function expectAccessible(page: Page) {
		expect(await seriousAxeViolations(page)).toEqual([]);
	}

	it('signs in and out', async () => {
		const page = await newPage();
		await page.goto(app.url);
		expect(new URL(page.url()).pathname).toBe('/sign-in');
		await expectAccessible(page);
		await signIn(page, 'admin@demo.example.org', DEMO_PASSWORD);
		expect(new URL(page.url()).pathname).toBe('/');
		expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Overview');
		await expectAccessible(page);

		await page.getByRole('button', { name: 'Sign out' }).click();
		await page.waitForURL(/\/sign-in/);
		await page.goto(`${app.url}/admin/users`);
		expect(new URL(page.url()).pathname).toBe('/sign-in');
	});

	it('refuses a wrong password with a message that does not say whether the account exists', async () => {
		const page = await newPage();
		await signIn(page, 'viewer@demo.example.org', 'not the password');
		const alert = await page.getByRole('alert').innerText();
		expect(alert).toContain('The e-mail address or password is incorrect.');
		expect(await page.getByLabel('E-mail address').inputValue()).toBe('viewer@demo.example.org');
		expect(await page.getByLabel('Password').inputValue()).toBe('');

		await signIn(page, 'nobody@example.org', 'not the password');
		expect(await page.getByRole('alert').innerText()).toContain('The e-mail address or password is incorrect.');
		await expectAccessible(page);
	});

	it('slows down repeated failures and says how long to wait', async () => {
		const page = await newPage();
		for (let i = 0; i < 3; i++) await signIn(page, 'funder@demo.example.org', `wrong ${i}`);
		await signIn(page, 'funder@demo.example.org', 'wrong again');
		expect(await page.getByRole('alert').innerText()).toMatch(/Too many failed attempts\. Wait \d+ seconds?, then try again\./);
		// (That the right password is refused during the lock is tested with a controlled clock in tests/db/auth.test.ts.)
	});

	it('invites a new user who sets a password through the one-time link', async () => {
		const admin = await newPage();
		await signIn(admin, 'admin@demo.example.org', DEMO_PASSWORD);
		await admin.goto(`${app.url}/admin/users`);
		await expectAccessible(admin);
		await admin.getByLabel('Name', { exact: true }).fill('Гүлнара Test');
		await admin.getByLabel('E-mail address').fill('new.viewer@example.org');
		await admin.getByRole('radio', { name: /^Viewer/ }).check();
		await admin.getByRole('button', { name: 'Create invitation' }).click();
		const link = await admin.getByTestId('invitation-link').innerText();
		expect(link).toMatch(new RegExp(`^${app.url}/invitation/[A-Za-z0-9_-]{43}$`));
		await admin.close();

		const invitee = await newPage();
		await invitee.goto(link);
		expect(await invitee.getByRole('heading', { level: 1 }).innerText()).toContain('Гүлнара Test');
		await expectAccessible(invitee);
		await invitee.getByLabel('New password', { exact: true }).fill('password');
		await invitee.getByLabel('New password again').fill('password');
		await invitee.getByRole('button', { name: 'Set password and sign in' }).click();
		expect(await invitee.getByText('one of the most common ones').count()).toBe(1);
		await invitee.getByLabel('New password', { exact: true }).fill('a long and unusual phrase');
		await invitee.getByLabel('New password again').fill('a long and unusual phrase');
		await invitee.getByRole('button', { name: 'Set password and sign in' }).click();
		await invitee.waitForURL(`${app.url}/`);
		expect(await invitee.getByRole('link', { name: 'Гүлнара Test' }).count()).toBe(1);

		// The link works once.
		await browser.clearCookies();
		const again = await invitee.goto(link);
		expect(again?.status()).toBe(410);
		expect(await invitee.getByText('already been used').count()).toBe(1);
	});

	it('opens a share link as a read-only funder view, and shows a clear page once it is revoked', async () => {
		const admin = await newPage();
		await signIn(admin, 'admin@demo.example.org', DEMO_PASSWORD);
		await admin.goto(`${app.url}/admin/share-links`);
		await admin.getByLabel('For whom').fill('Test Foundation');
		await admin.getByRole('button', { name: 'Create link' }).click();
		const link = await admin.getByTestId('share-link').innerText();
		await expectAccessible(admin);
		const adminCookies = await browser.cookies();

		await browser.clearCookies();
		const visitor = await browser.newPage();
		await visitor.goto(link);
		expect(new URL(visitor.url()).pathname).toBe('/impact');
		expect(await visitor.getByText('Shared view: Test Foundation').count()).toBe(1);
		expect(await visitor.locator('[data-figure="trained"] .value').innerText()).toMatch(/\d/);
		await expectAccessible(visitor);
		const people = await visitor.goto(`${app.url}/people`);
		expect(people?.status()).toBe(403);
		const shareCookies = await browser.cookies();

		await browser.clearCookies();
		await browser.addCookies(adminCookies);
		await admin.goto(`${app.url}/admin/share-links`);
		await admin.getByRole('button', { name: 'Revoke the link for Test Foundation' }).click();
		expect(await admin.getByRole('status').first().innerText()).toContain('revoked');

		await browser.clearCookies();
		await browser.addCookies(shareCookies);
		const revoked = await visitor.goto(`${app.url}/impact`);
		expect(revoked?.status()).toBe(410);
		expect(await visitor.getByText('This share link has been revoked').count()).toBe(1);
		const reopened = await visitor.goto(link);
		expect(reopened?.status()).toBe(410);
		await expectAccessible(visitor);
	});

	it('keeps an organizer limited to one region out of people from other regions (403)', async () => {
		const page = await newPage();
		await signIn(page, 'organizer.naryn@demo.example.org', DEMO_PASSWORD);
		await page.goto(`${app.url}/people`);
		expect(await page.getByText('limited to').count()).toBe(1);
		const own = await page.goto(`${app.url}/people/${narynPersonId}`);
		expect(own?.status()).toBe(200);
		await expectAccessible(page);
		const other = await page.goto(`${app.url}/people/${otherRegionPersonId}`);
		expect(other?.status()).toBe(403);
		await expectAccessible(page);
	});
});
