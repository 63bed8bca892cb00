import { authorize } from '$lib/server/auth/guard';
import { impactPageData } from '$lib/server/impact/page';
import type { PageServerLoad } from './$types';

// The impact dashboard laid out for printing (A4) and for pasting into a funder's report.
export const load: PageServerLoad = async (event) => {
	const actor = await authorize(event, 'impact:read');
	return impactPageData(event, actor);
};
