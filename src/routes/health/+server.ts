import { json } from '@sveltejs/kit';
import { appDatabase } from '$lib/server/db';
import { databaseIsUp } from '$lib/server/startup';
import type { RequestHandler } from './$types';

// For load balancers and the test harness: says whether the database answers. Reveals nothing else.
export const GET: RequestHandler = async () => {
	const handle = appDatabase();
	const up = handle ? await databaseIsUp(handle.db) : false;
	return json({ status: up ? 'ok' : 'unavailable' }, { status: up ? 200 : 503, headers: { 'cache-control': 'no-store' } });
};
