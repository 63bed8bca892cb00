import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { describe } from 'vitest';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

/** A browser suite; where Chromium is absent it is skipped and its title says why. */
export function describeWithBrowser(title: string, suite: () => void): void {
	if (!hasChromium && process.env.CT_REQUIRE_ALL_SUITES === '1') {
		throw new Error(`No Chromium at ${CHROMIUM}, and CT_REQUIRE_ALL_SUITES=1 forbids skipping "${title}"`);
	}
	if (hasChromium) describe(title, suite);
	else describe.skip(`${title} — skipped: no Chromium at ${CHROMIUM} (apt-get install chromium)`, suite);
}

// Without these flags Chromium reaches for Google's services on this closed network and stalls.
const FLAGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

export async function launchBrowser(): Promise<BrowserContext & { dispose(): Promise<void> }> {
	const profile = mkdtempSync(join(tmpdir(), 'ct-chromium-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: CHROMIUM,
		headless: true,
		args: FLAGS,
		locale: 'en-GB'
	});
	return Object.assign(context, {
		async dispose() {
			await context.close();
			rmSync(profile, { recursive: true, force: true });
		}
	});
}

/** Serious and critical axe violations on the page, as readable lines (empty when there are none). */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
	const result = await new AxeBuilder({ page }).analyze();
	return result.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** A new page in `context` signed in through the form as `email` (a demo account), others' cookies cleared first. */
export async function signInAs(context: BrowserContext, appUrl: string, email: string, password: string): Promise<Page> {
	await context.clearCookies();
	const page = await context.newPage();
	await page.goto(`${appUrl}/sign-in`);
	await page.getByLabel('E-mail address').fill(email);
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await page.waitForURL((url) => url.pathname !== '/sign-in');
	return page;
}
