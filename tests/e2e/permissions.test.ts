import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../helpers/app';
import { demoWithPrincipals, prepareDataDir, PRINCIPALS, type Principal } from '../helpers/prepare';
import { discoverRoutes } from '../helpers/routes';
import { createShareLink } from '../../src/lib/server/auth/share-links';
import { createSession } from '../../src/lib/server/auth/sessions';
import { matrixIds } from '../helpers/matrix-ids';
import { permissionMatrix, type MatrixEntry, type Outcome } from './permission-matrix';

async function outcomeOf(app: RunningApp, entry: MatrixEntry, cookie: string): Promise<Outcome> {
	const [method] = entry.key.split(' ');
	const action = entry.key.includes('?/') ? entry.key.slice(entry.key.indexOf('?/')) : '';
	// As a browser sends it: with Accept: text/html an action answers with a page or a redirect, not JSON.
	const headers: Record<string, string> = { cookie, origin: app.url, accept: 'text/html' };
	let body: URLSearchParams | undefined;
	if (method === 'POST') {
		body = new URLSearchParams(entry.body ?? {});
		headers['content-type'] = 'application/x-www-form-urlencoded';
	}
	const url = `${app.url}${entry.url}${action === '?/default' ? '' : action}`;
	const res = await fetch(url, { method, headers, body, redirect: 'manual' });
	await res.arrayBuffer();
	if (res.status >= 300 && res.status < 400) {
		const location = new URL(res.headers.get('location') ?? '/', app.url);
		return location.pathname === '/sign-in' ? 'signin' : `redirect:${location.pathname}`;
	}
	if (res.status === 403) return 'forbid';
	if (res.status === 404) return 'notfound';
	if (res.status === 401 || res.status === 410 || res.status >= 500) return `redirect:unexpected ${res.status}` as Outcome;
	return 'allow';
}

describe('permission matrix: every page, action and endpoint × every role, anonymous and a share link', () => {
	let app: RunningApp;
	let cookies: Record<Principal, string>;
	let matrix: MatrixEntry[];
	let auditor: string;

	beforeAll(async () => {
		const prepared = await prepareDataDir(async (db) => {
			const cookies = await demoWithPrincipals(db);
			const victim = await db.insertInto('users').values({ email: 'victim@example.org', display_name: 'Victim', role: 'viewer' }).returning('id').executeTakeFirstOrThrow();
			// The revoke action is posted for real: give it a link of its own to revoke.
			const link = await createShareLink(db, {}, { label: 'To be revoked', expiresAt: new Date(Date.now() + 86_400_000) });
			// Another admin, whose session the sign-out and end-sessions entries do not touch, reads the log afterwards.
			const admin = await db.insertInto('users').values({ email: 'auditor@example.org', display_name: 'Auditor', role: 'admin' }).returning('id').executeTakeFirstOrThrow();
			const auditor = await createSession(db, admin.id, { ip: null, userAgent: 'auditor' });
			return { cookies, auditor: `ct_session=${auditor.token}`, ids: await matrixIds(db, { user: victim.id, shareLink: link.id }) };
		});
		cookies = prepared.result.cookies;
		auditor = prepared.result.auditor;
		matrix = permissionMatrix(prepared.result.ids);
		app = await startApp({}, { keepDataDir: prepared.dataDir });
	});
	afterAll(async () => {
		await app?.stop();
		if (app?.dataDir) rmSync(app.dataDir, { recursive: true, force: true });
	});

	it('has an entry for every route, action and endpoint in src/routes (and none for routes that are gone)', async () => {
		const discovered = await discoverRoutes();
		expect(matrix.map((e) => e.key).sort()).toEqual(discovered);
	});

	it('gives each principal exactly the expected outcome', async () => {
		const ordered = [...matrix.filter((e) => !e.last), ...matrix.filter((e) => e.last)];
		const mismatches: string[] = [];
		for (const entry of ordered) {
			for (const principal of PRINCIPALS) {
				const got = await outcomeOf(app, entry, cookies[principal]);
				if (got !== entry.expect[principal]) mismatches.push(`${entry.key} as ${principal}: expected ${entry.expect[principal]}, got ${got}`);
			}
		}
		expect(mismatches).toEqual([]);
	});

	it('recorded every refusal in the audit log, which admins can filter', async () => {
		const forbidden = matrix.flatMap((e) => Object.values(e.expect)).filter((o) => o === 'forbid').length;
		const page = await (await fetch(`${app.url}/admin/audit?action=permission_denied`, { headers: { cookie: auditor } })).text();
		const shown = Number(/(\d+) entries/.exec(page.replace(/<!--.*?-->/g, ""))?.[1]);
		expect(shown).toBeGreaterThanOrEqual(forbidden);
		expect(page).not.toContain('<code>sign_in</code>');
	});
});

describe('security headers', () => {
	let app: RunningApp;
	beforeAll(async () => {
		app = await startApp();
	});
	afterAll(() => app?.stop());

	it('sends a strict Content-Security-Policy and the other protective headers on pages', async () => {
		const res = await fetch(`${app.url}/sign-in`);
		const csp = res.headers.get('content-security-policy') ?? '';
		expect(csp).toContain("frame-ancestors 'none'");
		expect(csp).toMatch(/script-src 'self'( 'nonce-[^']+'| 'sha256-[^']+')*(;|$)/);
		expect(csp).not.toContain("script-src 'self' 'unsafe-inline'");
		expect(res.headers.get('referrer-policy')).toBe('same-origin');
		expect(res.headers.get('x-content-type-options')).toBe('nosniff');
		expect(res.headers.get('x-frame-options')).toBe('DENY');
	});

	it('refuses a form post from another origin', async () => {
		const res = await fetch(`${app.url}/sign-in`, {
			method: 'POST',
			headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
			body: 'email=a%40b.org&password=x',
			redirect: 'manual'
		});
		expect(res.status).toBe(403);
	});
});
