import { getDb } from '$lib/server/db';
import { authorize } from '$lib/server/auth/guard';
import { can, regionFilter } from '$lib/server/auth/permissions';
import { validateQuery } from '$lib/server/forms';
import { regionChoices } from '$lib/server/regions';
import { listTrainings, trainingYears } from '$lib/server/trainings/queries';
import { trainingListSchema } from '$lib/server/trainings/schema';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = await authorize(event, 'records:read');
	const { data: query, errors } = validateQuery(trainingListSchema, event.url.searchParams);
	const scope = regionFilter(actor, 'records:read');
	const db = getDb();
	const [trainings, years, regions] = await Promise.all([
		listTrainings(db, query, scope, event.locals.locale),
		trainingYears(db, scope),
		regionChoices(db, event.locals.locale)
	]);
	return {
		...trainings,
		query,
		errors,
		years,
		regions: scope ? regions.filter((r) => scope.includes(r.value)) : regions,
		limited: scope !== null,
		canCreate: can(actor, 'records:write'),
		deleted: event.url.searchParams.has('deleted')
	};
};
