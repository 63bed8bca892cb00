import { error, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { authenticateShareLink, recordShareLinkUse, SHARE_COOKIE } from '$lib/server/auth/share-links';
import type { PageServerLoad } from './$types';

const PROBLEMS = {
	unknown: [404, 'This share link is not valid. Check that it was copied whole.'],
	expired: [410, 'This share link has expired. Ask the person who sent it for a new one.'],
	revoked: [410, 'This share link has been revoked. Ask the person who sent it for a new one.']
} as const;

// Public: the token is the credential. Opening it starts a read-only funder view in this browser.
export const load: PageServerLoad = async ({ params, cookies, url, locals }) => {
	const db = getDb();
	const share = await authenticateShareLink(db, params.token);
	if ('problem' in share) {
		const [status, message] = PROBLEMS[share.problem];
		error(status, message);
	}
	await recordShareLinkUse(db, { actor: share.actor, ip: locals.ip }, share.actor.shareLinkId!);
	cookies.set(SHARE_COOKIE, params.token, { path: '/', httpOnly: true, sameSite: 'lax', secure: url.protocol === 'https:' });
	redirect(303, '/impact');
};
