// The running app as a browser without JavaScript sees it: a demo database, demo accounts signed in
// through the sign-in form, and form posts with the Origin header SvelteKit's CSRF check wants.
// Shared by scripts/load.ts, scripts/faults.ts and tests/e2e/faults.test.ts.
import { randomBytes } from 'node:crypto';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { connect } from '../../src/lib/server/db/connect';
import { migrateToLatest } from '../../src/lib/server/db/migrate';
import { hasDemo, loadDemo } from '../../src/lib/server/demo/load';
import type { Db } from '../../src/lib/server/db';

/** The demo accounts' password wherever these tools load the demo themselves. */
export const DEMO_APP_PASSWORD = 'demo password for load and fault runs';

/** A new, empty database on the PostgreSQL server of `serverUrl`; drop() ends its sessions and removes it. */
export async function throwawayDatabase(serverUrl: string, prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
	const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
	const admin = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: serverUrl, max: 1 }) }) });
	await sql`create database ${sql.id(name)}`.execute(admin);
	const url = new URL(serverUrl);
	url.pathname = `/${name}`;
	return {
		url: url.toString(),
		async drop() {
			await sql`drop database if exists ${sql.id(name)} with (force)`.execute(admin);
			await admin.destroy();
		}
	};
}

/** Runs `use` on the PostgreSQL database at `url` through a small pool of its own. */
export async function withDatabase<T>(url: string, use: (db: Db) => Promise<T>): Promise<T> {
	const handle = await connect({ kind: 'postgres', url, poolSize: 2 });
	try {
		return await use(handle.db);
	} finally {
		await handle.close();
	}
}

/** Migrates and loads the demo (accounts with `password`) unless it is there; false when it was already loaded. */
export async function prepareDemo(db: Db, password = DEMO_APP_PASSWORD): Promise<boolean> {
	await migrateToLatest(db);
	if (await hasDemo(db)) return false;
	await loadDemo(db, { password });
	return true;
}

/** Signs in through the form and returns the session cookie ("ct_session=…"). */
export async function signIn(appUrl: string, email: string, password = DEMO_APP_PASSWORD): Promise<string> {
	const res = await postForm(appUrl, '/sign-in', { email, password }, '');
	const cookie = res.headers.getSetCookie().find((c) => c.startsWith('ct_session='));
	if (res.status !== 303 || !cookie) throw new Error(`Signing in as ${email} failed (HTTP ${res.status}); is the demo password ${JSON.stringify(password)}?`);
	return cookie.split(';')[0];
}

/**
 * A form post as the browser makes it: urlencoded, with the app's own Origin (SvelteKit refuses form
 * posts from elsewhere with 403). `enhanced` asks for the JSON ActionResult that use:enhance reads.
 */
export function formPost(appUrl: string, cookie: string, fields: Record<string, string>, enhanced = false): { headers: Record<string, string>; body: string } {
	return {
		headers: {
			origin: appUrl,
			cookie,
			'content-type': 'application/x-www-form-urlencoded',
			...(enhanced ? { 'x-sveltekit-action': 'true', accept: 'application/json' } : { accept: 'text/html' })
		},
		body: new URLSearchParams(fields).toString()
	};
}

export function postForm(
	appUrl: string,
	path: string,
	fields: Record<string, string>,
	cookie: string,
	options: { enhanced?: boolean; signal?: AbortSignal } = {}
): Promise<Response> {
	return fetch(appUrl + path, { method: 'POST', redirect: 'manual', signal: options.signal, ...formPost(appUrl, cookie, fields, options.enhanced) });
}

/** A new campaign activity's form fields; the description is the caller's (unique) marker. */
export function activityFields(description: string): Record<string, string> {
	return { kind: 'meeting', date: '', description, people_reached: '12', source: 'load test' };
}

/** What the load and fault runs read and write: live people, candidacies, and a frequent family name to search for. */
export async function demoTargets(db: Db): Promise<{ people: number[]; candidacies: number[]; search: string }> {
	const people = await db.selectFrom('people').select('id').where('deleted_at', 'is', null).orderBy('id').limit(200).execute();
	const candidacies = await db.selectFrom('candidacies').select('id').where('deleted_at', 'is', null).orderBy('id').limit(200).execute();
	const frequent = await db
		.selectFrom('people')
		.select('family_name')
		.where('family_name', 'is not', null)
		.groupBy('family_name')
		.orderBy(sql`count(*)`, 'desc')
		.limit(1)
		.executeTakeFirst();
	if (!people.length || !candidacies.length) throw new Error('The database holds no people or candidacies: load the demo first.');
	return { people: people.map((p) => p.id), candidacies: candidacies.map((c) => c.id), search: frequent?.family_name ?? 'a' };
}
