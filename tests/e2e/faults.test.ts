import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	abortScenario,
	killDuringWritesScenario,
	postgresRestartScenario,
	startPostgresApp,
	type PostgresApp,
	type RestartObservation
} from '../../scripts/lib/faults';
import { hasPostgresBinaries, PG_BIN } from '../helpers/postgres-instance';

// The scenarios live in scripts/lib/faults.ts (npm run faults prints the same observations).

/** A suite needing initdb/pg_ctl of its own; where they are absent it is skipped and its title says why. */
function describeWithPostgres(title: string, suite: () => void): void {
	if (!hasPostgresBinaries && process.env.CT_REQUIRE_ALL_SUITES === '1') {
		throw new Error(`No initdb in ${PG_BIN}, and CT_REQUIRE_ALL_SUITES=1 forbids skipping "${title}"`);
	}
	if (hasPostgresBinaries) describe(title, suite);
	else {
		console.warn(`\n[e2e tests] "${title}" skipped: no initdb in ${PG_BIN} (apt-get install postgresql-15, or set PG_BIN)\n`);
		describe.skip(`${title} — skipped: no initdb in ${PG_BIN}`, suite);
	}
}

const unavailableText = (locale: 'ru' | 'ky') => (JSON.parse(readFileSync(`messages/core/${locale}.json`, 'utf8')) as Record<string, string>).error_503_text;
const statusesIn = (tally: RestartObservation['tally'], phase: string) => Object.keys(tally[phase] ?? {});

describeWithPostgres('PostgreSQL stopped and started again under load', () => {
	let target: PostgresApp;
	let seen: RestartObservation;
	beforeAll(async () => {
		target = await startPostgresApp();
		seen = await postgresRestartScenario(target);
	});
	afterAll(async () => {
		await target?.close();
	});

	it('while it is down, pages answer 503 with Retry-After and a friendly page in the user’s language, revealing nothing', () => {
		for (const [locale, page] of Object.entries(seen.downPages) as Array<['ru' | 'ky', (typeof seen.downPages)['ru']]>) {
			expect(page.status, locale).toBe(503);
			expect(page.retryAfter).toMatch(/^\d+$/);
			expect(page.contentType).toContain('text/html');
			expect(page.body).toContain(`lang="${locale}"`);
			expect(page.body).toContain(unavailableText(locale));
			expect(page.body).not.toMatch(/ECONNREFUSED|terminat|57P0|postgres|stack/i);
		}
		expect(seen.health).toBe(503);
		expect(statusesIn(seen.tally, 'down')).toEqual(['503']);
	});

	it('no request gets a 500 or no answer, and the server process stays up', () => {
		for (const phase of Object.keys(seen.tally)) {
			for (const status of statusesIn(seen.tally, phase)) expect(['200', '503'], `${phase}: ${status}`).toContain(status);
		}
		expect(seen.appAlive).toBe(true);
	});

	it('serves pages again within 5 s of PostgreSQL accepting connections, every one of them', () => {
		expect(seen.recoveryMs).toBeLessThan(5_000);
		expect(statusesIn(seen.tally, 'recovered')).toEqual(['200']);
	});

	it('loses no write that got a success answer', () => {
		expect(seen.acknowledged).toBeGreaterThan(10);
		expect(seen.missing).toEqual([]);
	});

	it('clients hanging up mid-request leak no database connection, and later requests are served', async () => {
		const aborts = await abortScenario(target);
		expect(aborts.aborted).toBeGreaterThan(50);
		// Idle connections close after 10 s: any still open then is held by a request that never let go.
		expect(aborts.remaining).toBe(0);
		expect(aborts.laterStatuses).toEqual({ 200: 20 });
		expect(aborts.appAlive).toBe(true);
	}, 90_000);
});

describe('kill -9 of the server on the embedded database during writes', () => {
	// tests/db/start-up.test.ts kills the very first start (the demo load); this kills a serving app.
	it('restarted on the same DATA_DIR, it has every write that got a success answer, and sessions still work', async () => {
		const seen = await killDuringWritesScenario();
		expect(seen.acknowledged).toBeGreaterThan(5);
		expect(seen.missing).toEqual([]);
		expect(seen.restartedStatus).toBe(200);
	});
});
