import { getDb } from '$lib/server/db';
import { authorize } from '$lib/server/auth/guard';
import { cascadeCycles } from '$lib/server/network/cascade';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	await authorize(event, 'quality:read');
	return { cycles: await cascadeCycles(getDb()) };
};
