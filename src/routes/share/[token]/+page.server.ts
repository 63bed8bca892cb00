import { error, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { authenticateShareLink, recordShareLinkUse, SHARE_COOKIE } from '$lib/server/auth/share-links';
import { SHARE_PROBLEMS } from '$lib/server/auth/guard';
import type { PageServerLoad } from './$types';

const STATUS = { unknown: 404, expired: 410, revoked: 410 } as const;

// Public: the token is the credential. Opening it starts a read-only funder view in this browser.
export const load: PageServerLoad = async ({ params, cookies, url, locals }) => {
	const db = getDb();
	const share = await authenticateShareLink(db, params.token);
	if ('problem' in share) {
		error(STATUS[share.problem], SHARE_PROBLEMS[share.problem]());
	}
	await recordShareLinkUse(db, { actor: share.actor, ip: locals.ip }, share.actor.shareLinkId!);
	cookies.set(SHARE_COOKIE, params.token, { path: '/', httpOnly: true, sameSite: 'lax', secure: url.protocol === 'https:' });
	redirect(303, '/impact');
};
