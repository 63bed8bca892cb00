import { getDb } from '$lib/server/db';
import { authorize } from '$lib/server/auth/guard';
import { can, regionFilter } from '$lib/server/auth/permissions';
import { listElections } from '$lib/server/elections/queries';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = await authorize(event, 'records:read');
	const elections = await listElections(getDb(), regionFilter(actor, 'records:read'), event.locals.locale);
	return {
		elections,
		limited: actor.regionScope !== null,
		// Elections are shared records: only users without a region limit create them.
		canCreate: can(actor, 'records:write', { regionId: null }),
		deleted: event.url.searchParams.has('deleted')
	};
};
