import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { audit } from '$lib/server/audit/log';
import { deleteSession, SESSION_COOKIE } from '$lib/server/auth/sessions';
import { SHARE_COOKIE } from '$lib/server/auth/share-links';
import type { Actions, PageServerLoad } from './$types';

// Signing out is always allowed; without a session it only clears cookies.
export const load: PageServerLoad = ({ locals }) => {
	if (!locals.actor) redirect(303, '/sign-in');
	return {};
};

export const actions: Actions = {
	default: async ({ cookies, locals }) => {
		const actor = locals.actor;
		if (actor?.sessionId) {
			const db = getDb();
			await deleteSession(db, actor.sessionId);
			await audit(db, { actor, ip: locals.ip }, { action: 'sign_out', entity: 'users', entityId: actor.userId });
		}
		cookies.delete(SESSION_COOKIE, { path: '/' });
		cookies.delete(SHARE_COOKIE, { path: '/' });
		redirect(303, '/sign-in');
	}
};
