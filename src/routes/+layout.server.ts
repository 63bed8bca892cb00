import { getDb } from '$lib/server/db';
import { hasDemo } from '$lib/server/demo/load';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async () => {
	return { demo: await hasDemo(getDb()) };
};
