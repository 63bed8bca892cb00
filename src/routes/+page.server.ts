import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { authorize } from '$lib/server/auth/guard';
import { can, regionFilter } from '$lib/server/auth/permissions';
import { needsAttention } from '$lib/server/home/attention';
import { headlineTotals } from '$lib/server/impact/queries';
import { countUsers } from '$lib/server/users/queries';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor } = event.locals;
	// A database without accounts offers the one-time setup; a funder's home is the impact view.
	if (!actor && (await countUsers(getDb())) === 0) redirect(303, '/setup');
	if (actor && !can(actor, 'overview:read') && can(actor, 'impact:read')) redirect(303, '/impact');
	const me = await authorize(event, 'overview:read');
	const db = getDb();
	const [totals, attention] = await Promise.all([
		headlineTotals(db),
		can(me, 'records:read') ? needsAttention(db, me.userId, regionFilter(me, 'records:read'), event.locals.locale) : null
	]);
	return { totals, attention, limited: me.regionScope !== null };
};
