import { adminOnly, every, impactReaders, signedInUsers, staffOnly, writers, type MatrixEntry, type MatrixIds } from '../permission-matrix';

/** Pages of this area an admin sees, for the every-page checks (languages, accessibility, phone width). */
export function corePages(ids: MatrixIds): string[] {
	return ['/', '/impact/network', '/account', '/admin/users', `/admin/users/${ids.user}`, '/admin/share-links', '/admin/audit', '/admin/data-quality', '/language', '/sign-out', '/no-such-page', `/history/people/${ids.person}`, '/deleted'];
}

/** Sign-in, accounts, admin pages, share links, history and recently deleted. */
export function coreEntries(ids: MatrixIds): MatrixEntry[] {
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
		{ key: 'GET /impact/network', url: '/impact/network', expect: impactReaders },
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
		{ key: 'GET /admin/audit', url: '/admin/audit', expect: adminOnly },
		{ key: 'GET /admin/data-quality', url: '/admin/data-quality', expect: adminOnly },
		{ key: 'GET /history/[entity]/[id]', url: `/history/people/${ids.person}`, expect: staffOnly },
		{ key: 'POST /history/[entity]/[id]?/revert', url: `/history/people/${ids.person}`, expect: writers },
		{ key: 'GET /deleted', url: '/deleted', expect: writers },
		{ key: 'POST /deleted?/restore', url: '/deleted', expect: writers }
	];
}
