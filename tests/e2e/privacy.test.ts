import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchKey, sortKey, transliterate } from '../../src/lib/domain/names';
import { startApp, type RunningApp } from '../helpers/app';
import { demoWithPrincipals, prepareDataDir, type Principal } from '../helpers/prepare';
import { permissionMatrix, type MatrixIds } from './permission-matrix';
import { matrixIds } from '../helpers/matrix-ids';

const MARKERS = {
	name: 'Zqmarkername Privacytest',
	phone: '+996 000 731 913',
	email: 'zq-marker-email@example.org',
	notes: 'ZQMARKERNOTES do not leak',
	messenger: '@zqmarkermessenger'
};

/**
 * Fetches every page and data endpoint a principal can reach — the routes of the permission matrix,
 * their __data.json, and every same-site link found on the way — and returns the bodies by URL.
 */
async function crawl(app: RunningApp, cookie: string, start: string[]): Promise<Map<string, string>> {
	const seen = new Map<string, string>();
	const queue = [...start];
	while (queue.length && seen.size < 300) {
		const path = queue.shift()!;
		if (seen.has(path)) continue;
		const res = await fetch(`${app.url}${path}`, { headers: { cookie, accept: 'text/html' } });
		const body = await res.text();
		seen.set(path, body);
		if (!path.includes('__data.json') && res.ok) {
			const url = new URL(path, app.url);
			queue.push(`${url.pathname.replace(/\/$/, '')}/__data.json${url.search}`);
		}
		for (const [, href] of body.matchAll(/href="(\/[^"#]*)"/g)) {
			if (!href.startsWith('/_app/') && !href.startsWith('/sign-out') && !seen.has(href)) queue.push(href.replaceAll('&amp;', '&'));
		}
	}
	return seen;
}

describe('privacy: a funder session and a share link never receive personal data', () => {
	let app: RunningApp;
	let cookies: Record<Principal, string>;
	let hiddenNames: string[];
	let ids: MatrixIds;

	beforeAll(async () => {
		const prepared = await prepareDataDir(async (db) => {
			const cookies = await demoWithPrincipals(db);
			const region = await db.selectFrom('regions').select('id').where('code', '=', 'KG-N').executeTakeFirstOrThrow();
			const tot = await db.selectFrom('trainings').select('id').where('kind', '=', 'tot').executeTakeFirstOrThrow();
			const contest = await db.selectFrom('contests').select('id').where('name_en', '=', 'Bishkek City Kenesh').executeTakeFirstOrThrow();
			// Not consented to be named: she counts in every figure but must never be identifiable.
			const marker = await db
				.insertInto('people')
				.values({
					full_name: MARKERS.name,
					name_latin: transliterate(MARKERS.name),
					search_key: searchKey(MARKERS.name),
					sort_key: sortKey(MARKERS.name),
					phone: MARKERS.phone,
					email: MARKERS.email,
					messenger: MARKERS.messenger,
					notes: MARKERS.notes,
					birth_year: 1971,
					region_id: region.id,
					consent_public_name: false
				})
				.returning('id')
				.executeTakeFirstOrThrow();
			await db.insertInto('training_participants').values({ training_id: tot.id, person_id: marker.id, role: 'participant', completed: true }).execute();
			await db.insertInto('candidacies').values({ person_id: marker.id, contest_id: contest.id, status: 'on_ballot', elected: true, list_position: 3 }).execute();
			const hidden = await db.selectFrom('people').select('full_name').where('consent_public_name', '=', false).execute();
			const victim = await db.selectFrom('users').select('id').where('role', '=', 'viewer').executeTakeFirstOrThrow();
			const link = await db.selectFrom('share_links').select('id').executeTakeFirstOrThrow();
			const ids = { ...(await matrixIds(db, { user: victim.id, shareLink: link.id })), person: marker.id };
			return { cookies, hidden: hidden.map((h) => h.full_name), ids };
		});
		({ cookies, ids } = prepared.result);
		hiddenNames = prepared.result.hidden;
		app = await startApp({}, { keepDataDir: prepared.dataDir });
	});
	afterAll(async () => {
		await app?.stop();
		if (app?.dataDir) rmSync(app.dataDir, { recursive: true, force: true });
	});

	for (const principal of ['funder', 'share'] as const) {
		it(`${principal}: no marker, contact, note or non-consenting name in any response`, async () => {
			const start = permissionMatrix(ids)
				.filter((e) => e.key.startsWith('GET ') && e.expect[principal] !== 'forbid')
				.map((e) => e.url);
			const pages = await crawl(app, cookies[principal], start);
			expect(pages.size).toBeGreaterThan(5);
			const leaks: string[] = [];
			for (const [path, body] of pages) {
				for (const [what, marker] of Object.entries(MARKERS)) if (body.includes(marker)) leaks.push(`${path}: ${what}`);
				if (/\+996 000/.test(body)) leaks.push(`${path}: a phone number`);
				for (const email of body.match(/[\w.+-]+@[\w-]+\.example\.org|[\w.+-]+@example\.org/g) ?? []) {
					if (email !== 'funder@demo.example.org') leaks.push(`${path}: e-mail ${email}`);
				}
				for (const name of hiddenNames) if (body.includes(name)) leaks.push(`${path}: name ${name}`);
			}
			expect(leaks).toEqual([]);
			// The marker woman is still counted: the figures are real, only her identity is withheld.
			expect(pages.get('/impact')).toMatch(/data-figure="trained"/);
		});
	}

	it('an admin does receive the markers on the person page (so the checks above can see a leak)', async () => {
		const res = await fetch(`${app.url}/people/${ids.person}`, { headers: { cookie: cookies.admin } });
		const body = await res.text();
		expect(body).toContain(MARKERS.name);
		expect(body).toContain(MARKERS.phone);
	});
});
