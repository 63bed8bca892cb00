import type { Principal } from '../helpers/prepare';

/**
 * What every principal gets from every page, form action and endpoint. The permission test reads the
 * route tree and fails when a route, action or endpoint has no entry here.
 *   allow     — served (2xx, or a 4xx of validation: the request got past the permission check)
 *   forbid    — 403
 *   signin    — redirected to the sign-in page
 *   notfound  — 404 (e.g. setup once accounts exist, an unknown token)
 *   redirect:/path — sent elsewhere (a funder's home is /impact)
 */
export type Outcome = 'allow' | 'forbid' | 'signin' | 'notfound' | `redirect:${string}`;
export type Expectation = Record<Principal, Outcome>;

export interface MatrixEntry {
	/** "GET /route/[param]" for pages and endpoints, "POST /route?/action" for form actions. */
	key: string;
	/** The concrete URL to request; [id] placeholders filled by the test. */
	url: string;
	expect: Expectation;
	/** Form fields to post (most actions are posted empty: a validation error still proves access). */
	body?: Record<string, string>;
	/** Runs after everything else (signing out ends the principal's session). */
	last?: boolean;
}

const every = (outcome: Outcome): Expectation => ({ anonymous: outcome, share: outcome, funder: outcome, viewer: outcome, organizer: outcome, admin: outcome });
const staffOnly: Expectation = { anonymous: 'signin', share: 'forbid', funder: 'forbid', viewer: 'allow', organizer: 'allow', admin: 'allow' };
const adminOnly: Expectation = { anonymous: 'signin', share: 'forbid', funder: 'forbid', viewer: 'forbid', organizer: 'forbid', admin: 'allow' };
const signedInUsers: Expectation = { anonymous: 'signin', share: 'forbid', funder: 'allow', viewer: 'allow', organizer: 'allow', admin: 'allow' };
const impactReaders: Expectation = { anonymous: 'signin', share: 'allow', funder: 'allow', viewer: 'allow', organizer: 'allow', admin: 'allow' };

export function permissionMatrix(ids: { person: number; user: number; shareLink: number }): MatrixEntry[] {
	return [
		{ key: 'GET /', url: '/', expect: { ...staffOnly, share: 'redirect:/impact', funder: 'redirect:/impact' } },
		{ key: 'GET /health', url: '/health', expect: every('allow') },
		{ key: 'GET /language', url: '/language', expect: every('allow') },
		{ key: 'POST /language?/default', url: '/language', expect: every('allow') },
		{ key: 'GET /sign-in', url: '/sign-in', expect: { anonymous: 'allow', share: 'allow', funder: 'redirect:/', viewer: 'redirect:/', organizer: 'redirect:/', admin: 'redirect:/' } },
		{ key: 'POST /sign-in?/default', url: '/sign-in', expect: { anonymous: 'allow', share: 'allow', funder: 'redirect:/', viewer: 'redirect:/', organizer: 'redirect:/', admin: 'redirect:/' } },
		{ key: 'GET /sign-out', url: '/sign-out', expect: { ...signedInUsers, share: 'allow' } },
		{ key: 'POST /sign-out?/default', url: '/sign-out', expect: every('signin'), last: true },
		{ key: 'GET /setup', url: '/setup', expect: every('notfound') },
		{ key: 'POST /setup?/default', url: '/setup', expect: every('notfound') },
		{ key: 'GET /invitation/[token]', url: '/invitation/not-a-real-token', expect: every('notfound') },
		{ key: 'POST /invitation/[token]?/default', url: '/invitation/not-a-real-token', expect: every('notfound') },
		{ key: 'GET /share/[token]', url: '/share/not-a-real-token', expect: every('notfound') },
		{ key: 'GET /account', url: '/account', expect: signedInUsers },
		{ key: 'POST /account?/changePassword', url: '/account', expect: signedInUsers },
		{ key: 'POST /account?/endSession', url: '/account', expect: signedInUsers },
		{ key: 'POST /account?/endOtherSessions', url: '/account', expect: signedInUsers },
		{ key: 'GET /impact', url: '/impact', expect: impactReaders },
		{ key: 'GET /people', url: '/people', expect: staffOnly },
		{ key: 'GET /people/[id]', url: `/people/${ids.person}`, expect: staffOnly },
		{ key: 'GET /admin/users', url: '/admin/users', expect: adminOnly },
		{ key: 'POST /admin/users?/invite', url: '/admin/users', expect: adminOnly },
		{ key: 'GET /admin/users/[id]', url: `/admin/users/${ids.user}`, expect: adminOnly },
		{ key: 'POST /admin/users/[id]?/update', url: `/admin/users/${ids.user}`, expect: adminOnly },
		{ key: 'POST /admin/users/[id]?/disable', url: `/admin/users/${ids.user}`, expect: adminOnly },
		{ key: 'POST /admin/users/[id]?/enable', url: `/admin/users/${ids.user}`, expect: adminOnly },
		{ key: 'POST /admin/users/[id]?/reissue', url: `/admin/users/${ids.user}`, expect: adminOnly },
		{ key: 'GET /admin/share-links', url: '/admin/share-links', expect: adminOnly },
		{ key: 'POST /admin/share-links?/create', url: '/admin/share-links', expect: adminOnly },
		{ key: 'POST /admin/share-links?/revoke', url: '/admin/share-links', expect: adminOnly, body: { id: String(ids.shareLink) } },
		{ key: 'GET /admin/audit', url: '/admin/audit', expect: adminOnly }
	];
}
