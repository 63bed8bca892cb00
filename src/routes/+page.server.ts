import { getDb } from '$lib/server/db';
import { headlineTotals } from '$lib/server/impact/queries';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	return { totals: await headlineTotals(getDb()) };
};
