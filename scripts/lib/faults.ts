// Fault scenarios against the built server: PostgreSQL stopped and started under load, clients hanging
// up mid-request, and kill -9 of the server on the embedded database during writes. Each scenario
// returns what it observed; scripts/faults.ts prints it and tests/e2e/faults.test.ts asserts on it.
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { connect as connectSocket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { connect, type DatabaseHandle } from '../../src/lib/server/db/connect';
import { loadDemo } from '../../src/lib/server/demo/load';
import type { Db } from '../../src/lib/server/db';
import { startApp, type RunningApp } from '../../tests/helpers/app';
import { prepareDataDir } from '../../tests/helpers/prepare';
import { createPostgresInstance, type PostgresInstance } from '../../tests/helpers/postgres-instance';
import { activityFields, DEMO_APP_PASSWORD, demoTargets, postForm, prepareDemo, signIn, withDatabase } from './demo-app';

type Targets = Awaited<ReturnType<typeof demoTargets>>;

/** Answers seen per phase of a scenario, by HTTP status ("network" for a request that got none). */
export type Tally = Record<string, Record<string, number>>;

export interface Traffic {
	phase: string;
	/** Stops the loops once their requests are answered. */
	stop(): Promise<{ tally: Tally; acknowledged: string[] }>;
}

/**
 * Keeps `writers` loops adding campaign activities (each with a unique description) and `readers`
 * loops reading pages, until stop(). A write is acknowledged when the action answered success.
 */
export function startTraffic(appUrl: string, cookie: string, targets: Targets, counts: { writers: number; readers: number }): Traffic {
	const marker = `fault ${randomBytes(3).toString('hex')}`;
	const tally: Tally = {};
	const acknowledged: string[] = [];
	let running = true;
	let written = 0;
	const traffic = {
		phase: 'before',
		async stop() {
			running = false;
			await Promise.all(loops);
			return { tally, acknowledged };
		}
	};
	const count = (phase: string, status: string) => {
		tally[phase] ??= {};
		tally[phase][status] = (tally[phase][status] ?? 0) + 1;
	};
	const loop = async (request: () => Promise<boolean>) => {
		while (running) {
			const phase = traffic.phase;
			// A database that is away answers fast: pause after a failure rather than spin.
			if (!(await request().catch(() => (count(phase, 'network'), false)))) await sleep(50);
		}
	};
	const write = async () => {
		const phase = traffic.phase;
		const description = `${marker} ${++written}`;
		const candidacy = targets.candidacies[written % targets.candidacies.length];
		const res = await postForm(appUrl, `/candidacies/${candidacy}?/addActivity`, activityFields(description), cookie, { enhanced: true });
		const success = res.status === 200 && ((await res.json()) as { type?: string }).type === 'success';
		if (success) acknowledged.push(description);
		else await res.body?.cancel();
		count(phase, String(res.status));
		return success;
	};
	const read = async () => {
		const phase = traffic.phase;
		const res = await fetch(`${appUrl}/people?q=${encodeURIComponent(targets.search)}`, { headers: { cookie, accept: 'text/html' } });
		await res.body?.cancel();
		count(phase, String(res.status));
		return res.ok;
	};
	const loops = [...Array.from({ length: counts.writers }, () => loop(write)), ...Array.from({ length: counts.readers }, () => loop(read))];
	return traffic;
}

/** The descriptions among `expected` that no campaign activity carries. */
export async function missingWrites(db: Db, expected: string[]): Promise<string[]> {
	if (!expected.length) return [];
	const rows = await db.selectFrom('campaign_activities').select('description').where('description', 'in', expected).execute();
	const present = new Set(rows.map((r) => r.description));
	return expected.filter((d) => !present.has(d));
}

export interface PageSeen {
	status: number;
	retryAfter: string | null;
	contentType: string | null;
	body: string;
}

export async function fetchPage(url: string, headers: Record<string, string>): Promise<PageSeen> {
	const res = await fetch(url, { headers: { accept: 'text/html', ...headers }, redirect: 'manual' });
	return { status: res.status, retryAfter: res.headers.get('retry-after'), contentType: res.headers.get('content-type'), body: await res.text() };
}

/** The server on a PostgreSQL instance of its own, with the demo loaded and the demo organizer signed in. */
export interface PostgresApp {
	instance: PostgresInstance;
	app: RunningApp;
	cookie: string;
	targets: Targets;
	close(): Promise<void>;
}

export async function startPostgresApp(): Promise<PostgresApp> {
	const instance = await createPostgresInstance();
	let app: RunningApp | undefined;
	try {
		await withDatabase(instance.url, (db) => prepareDemo(db));
		const targets = await withDatabase(instance.url, demoTargets);
		app = await startApp({ DATABASE_URL: instance.url });
		const cookie = await signIn(app.url, 'organizer@demo.example.org');
		const running = app;
		return {
			instance,
			app,
			cookie,
			targets,
			async close() {
				await running.stop();
				await instance.destroy();
			}
		};
	} catch (e) {
		await app?.stop();
		await instance.destroy();
		throw e;
	}
}

export interface RestartObservation {
	/** What a signed-in user saw while PostgreSQL was down, by language. */
	downPages: { ru: PageSeen; ky: PageSeen };
	health: number;
	/** From PostgreSQL accepting connections again to the first good page. */
	recoveryMs: number;
	tally: Tally;
	acknowledged: number;
	missing: string[];
	appAlive: boolean;
}

/** Stops PostgreSQL (pg_ctl stop -m fast) for `downMs` under writes and reads, then starts it again. */
export async function postgresRestartScenario(target: PostgresApp, downMs = 3_000): Promise<RestartObservation> {
	const { app, cookie, instance } = target;
	const traffic = startTraffic(app.url, cookie, target.targets, { writers: 4, readers: 4 });
	await sleep(1_500);
	traffic.phase = 'stopping';
	await instance.stop();
	traffic.phase = 'down';
	const downPages = {
		ru: await fetchPage(`${app.url}/`, { cookie, 'accept-language': 'ru' }),
		ky: await fetchPage(`${app.url}/people`, { cookie: `${cookie}; ct_locale=ky` })
	};
	const health = (await fetch(`${app.url}/health`)).status;
	await sleep(downMs);
	traffic.phase = 'starting';
	await instance.start();
	traffic.phase = 'recovering';
	const started = performance.now();
	while ((await fetchPage(`${app.url}/people`, { cookie })).status !== 200 && performance.now() - started < 30_000) await sleep(100);
	const recoveryMs = Math.round(performance.now() - started);
	traffic.phase = 'recovered';
	await sleep(1_500);
	const { tally, acknowledged } = await traffic.stop();
	const missing = await withDatabase(instance.url, (db) => missingWrites(db, acknowledged));
	return { downPages, health, recoveryMs, tally, acknowledged: acknowledged.length, missing, appAlive: app.process.exitCode === null };
}

export interface AbortObservation {
	aborted: number;
	truncated: number;
	/** The app's connections right before the aborts, and once the server has finished what was left. */
	before: number;
	remaining: number;
	settleMs: number;
	laterStatuses: Record<string, number>;
	appAlive: boolean;
}

async function appConnections(checker: DatabaseHandle): Promise<number> {
	// Every client backend on the instance except the checker's own is the app's.
	const { rows } = await sql<{ n: number }>`
		select count(*)::int as n from pg_stat_activity where backend_type = 'client backend' and pid <> pg_backend_pid()`.execute(checker.db);
	return rows[0].n;
}

/** A form post whose body stops half-way, then the socket closes: the server is left reading. */
function truncatedPost(appUrl: string, path: string, cookie: string): Promise<void> {
	const url = new URL(appUrl);
	return new Promise((resolve) => {
		const socket = connectSocket(Number(url.port), url.hostname, () => {
			socket.write(
				`POST ${path} HTTP/1.1\r\nHost: ${url.host}\r\nOrigin: ${appUrl}\r\nCookie: ${cookie}\r\n` +
					'Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\nkind=meeting&description=half'
			);
			setTimeout(() => socket.destroy(), 50);
		});
		socket.on('close', () => resolve());
		socket.on('error', () => resolve());
	});
}

/**
 * Aborts `count` requests (heavy pages and writes) at random moments in flight and sends bodies that
 * stop half-way; then waits for the app's connections to return to the pool's resting state — none,
 * as idle ones close after 10 s — and checks that a burst larger than the pool is still served.
 */
export async function abortScenario(target: PostgresApp, count = 150): Promise<AbortObservation> {
	const { app, cookie, targets } = target;
	const checker = await connect({ kind: 'postgres', url: target.instance.url, poolSize: 1 });
	try {
		const before = await appConnections(checker);
		const paths = ['/impact', '/network', `/people?q=${encodeURIComponent(targets.search)}`, `/people/${targets.people[0]}`, '/elections'];
		let aborted = 0;
		await Promise.all(
			Array.from({ length: count }, async (_, i) => {
				const signal = AbortSignal.timeout(1 + Math.floor(Math.random() * 120));
				const request =
					i % 5 === 4
						? postForm(app.url, `/candidacies/${targets.candidacies[i % targets.candidacies.length]}?/addActivity`, activityFields(`aborted ${i}`), cookie, { enhanced: true, signal })
						: fetch(app.url + paths[i % paths.length], { headers: { cookie }, signal });
				try {
					await (await request).arrayBuffer();
				} catch {
					aborted++;
				}
			})
		);
		const truncated = 20;
		await Promise.all(Array.from({ length: truncated }, (_, i) => truncatedPost(app.url, `/candidacies/${targets.candidacies[i]}?/addActivity`, cookie)));

		// The server finishes the abandoned requests (heavy pages take a second each on ten connections),
		// then its idle connections close after 10 s; one still open after that was never given back.
		const started = performance.now();
		let remaining = await appConnections(checker);
		while (remaining > 0 && performance.now() - started < 45_000) {
			await sleep(250);
			remaining = await appConnections(checker);
		}
		const settleMs = Math.round(performance.now() - started);

		// Twice the pool's ten connections at once: a leaked connection would make some of them wait and fail.
		const laterStatuses: Record<string, number> = {};
		await Promise.all(
			Array.from({ length: 20 }, async () => {
				const res = await fetch(`${app.url}/people?q=${encodeURIComponent(targets.search)}`, { headers: { cookie } });
				await res.body?.cancel();
				laterStatuses[res.status] = (laterStatuses[res.status] ?? 0) + 1;
			})
		);
		return { aborted, truncated, before, remaining, settleMs, laterStatuses, appAlive: app.process.exitCode === null };
	} finally {
		await checker.close();
	}
}

export interface KillObservation {
	acknowledged: number;
	missing: string[];
	/** The restarted server's answer to a signed-in page, with the session cookie of before the kill. */
	restartedStatus: number;
}

/** kill -9 of the server on the embedded database while writes are in flight, then a restart on the same DATA_DIR. */
export async function killDuringWritesScenario(): Promise<KillObservation> {
	const { dataDir, result: targets } = await prepareDataDir(async (db) => {
		await loadDemo(db, { password: DEMO_APP_PASSWORD });
		return demoTargets(db);
	});
	try {
		// DATABASE_URL '' keeps the app on the embedded database even where the environment names a PostgreSQL.
		const first = await startApp({ DATABASE_URL: '' }, { keepDataDir: dataDir });
		const cookie = await signIn(first.url, 'organizer@demo.example.org');
		const traffic = startTraffic(first.url, cookie, targets, { writers: 4, readers: 1 });
		await sleep(2_500);
		await first.stop('SIGKILL');
		const { acknowledged } = await traffic.stop();

		const second = await startApp({ DATABASE_URL: '' }, { keepDataDir: dataDir });
		const restartedStatus = (await fetchPage(`${second.url}/people`, { cookie })).status;
		await second.stop();
		const handle = await connect({ kind: 'pglite', dataDir });
		try {
			return { acknowledged: acknowledged.length, missing: await missingWrites(handle.db, acknowledged), restartedStatus };
		} finally {
			await handle.close();
		}
	} finally {
		rmSync(dataDir, { recursive: true, force: true });
	}
}
