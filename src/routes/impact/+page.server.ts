import { getDb } from '$lib/server/db';
import { authorize } from '$lib/server/auth/guard';
import { headlineTotals } from '$lib/server/impact/queries';
import { isFunderView, totalsFor } from '$lib/server/impact/view';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = await authorize(event, 'impact:read');
	return { totals: totalsFor(actor, await headlineTotals(getDb())), funderView: isFunderView(actor) };
};
