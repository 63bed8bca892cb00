import { authorize } from '$lib/server/auth/guard';
import { impactPageData } from '$lib/server/impact/page';
import type { PageServerLoad } from './$types';

// The impact dashboard: every figure for the filters in the URL, numbers only for funders and share links.
export const load: PageServerLoad = async (event) => {
	const actor = await authorize(event, 'impact:read');
	return impactPageData(event, actor);
};
