import { getDb } from '$lib/server/db';
import { authorize } from '$lib/server/auth/guard';
import { can, regionFilter } from '$lib/server/auth/permissions';
import { validateQuery } from '$lib/server/forms';
import { listPeople, peopleFilterOptions, peopleQuerySchema } from '$lib/server/people/queries';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = await authorize(event, 'records:read');
	const { data: query, errors } = validateQuery(peopleQuerySchema, event.url.searchParams);
	const db = getDb();
	const [people, options] = await Promise.all([
		listPeople(db, query, regionFilter(actor, 'records:read'), event.locals.locale),
		peopleFilterOptions(db, event.locals.locale)
	]);
	return {
		...people,
		query,
		errors,
		options,
		limited: actor.regionScope !== null,
		canExport: can(actor, 'export:run'),
		canWrite: can(actor, 'records:write')
	};
};
