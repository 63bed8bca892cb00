import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { startApp, type RunningApp } from '../helpers/app';
import { describeWithBrowser, launchBrowser, seriousAxeViolations } from '../helpers/browser';

describeWithBrowser('home page on a fresh embedded database (first start loads the demo)', () => {
	let app: RunningApp;
	let browser: BrowserContext & { dispose(): Promise<void> };

	beforeAll(async () => {
		app = await startApp({ DEMO_PASSWORD: 'home page test password' });
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.dispose();
		await app?.stop();
	});

	it('shows the demo counts and the demo banner, with no serious accessibility violations', async () => {
		const page = await browser.newPage();
		await page.goto(app.url);
		await page.getByLabel('E-mail address').fill('viewer@demo.example.org');
		await page.getByLabel('Password').fill('home page test password');
		await page.getByRole('button', { name: 'Sign in' }).click();
		await page.waitForURL(`${app.url}/`);
		expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Overview');
		expect(await page.getByRole('note', { name: 'Demo data' }).innerText()).toContain('Demo data — fictional people');

		const figure = async (key: string) => Number((await page.locator(`[data-figure="${key}"] .value`).innerText()).replace(/\D/g, ''));
		const trained = await figure('trained');
		const candidacies = await figure('candidacies');
		const elected = await figure('elected');
		expect(trained).toBeGreaterThanOrEqual(350);
		expect(candidacies).toBeGreaterThanOrEqual(100);
		expect(elected).toBeGreaterThan(0);
		expect(elected).toBeLessThan(candidacies);
		expect(await figure('trainings')).toBeGreaterThan(20);

		expect(await seriousAxeViolations(page)).toEqual([]);
	});
});
