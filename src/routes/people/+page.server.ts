import { getDb } from '$lib/server/db';
import { authorize } from '$lib/server/auth/guard';
import { regionFilter } from '$lib/server/auth/permissions';
import { validateQuery } from '$lib/server/forms';
import { listPeople, peopleQuerySchema } from '$lib/server/people/queries';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = await authorize(event, 'records:read');
	const { data: query, errors } = validateQuery(peopleQuerySchema, event.url.searchParams);
	const people = await listPeople(getDb(), query, regionFilter(actor, 'records:read'), event.locals.locale);
	return { ...people, query, errors, limited: actor.regionScope !== null };
};
