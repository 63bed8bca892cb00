import { getDb } from '$lib/server/db';
import { authorize } from '$lib/server/auth/guard';
import { can, regionFilter } from '$lib/server/auth/permissions';
import { validateQuery } from '$lib/server/forms';
import { DRAW_LIMIT, networkView } from '$lib/server/network/graph';
import { organizationLinks } from '$lib/server/network/organizations';
import { networkPageData } from '$lib/server/network/page';
import { NETWORK_QUERY_ARRAYS, networkFilter, networkQuerySchema } from '$lib/server/network/schema';
import { countryChoices, regionChoices } from '$lib/server/regions';
import { parentChoices } from '$lib/server/trainings/choices';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = await authorize(event, 'network:read');
	const { data: query, errors } = validateQuery(networkQuerySchema, event.url.searchParams, { arrays: NETWORK_QUERY_ARRAYS });
	// An organizer limited to regions sees the people (and ties) of her regions only.
	const scope = regionFilter(actor, 'records:read');
	const filter = networkFilter(query);
	const db = getDb();
	const [view, organizations, regions, countries, trainings] = await Promise.all([
		networkView(db, filter, scope),
		organizationLinks(db, { filter, regionScope: scope, limit: 15 }),
		regionChoices(db, event.locals.locale),
		countryChoices(db, event.locals.locale),
		parentChoices(db, scope)
	]);
	return {
		query,
		errors,
		...(await networkPageData(db, view, filter, event.locals.locale)),
		organizations,
		// Countries too: the facilitators from abroad are a group of the drawing, to be chosen like a region.
		regions: scope ? regions.filter((r) => scope.includes(r.value)) : [...regions, ...countries],
		trainings,
		drawLimit: DRAW_LIMIT,
		limited: scope !== null,
		canExport: can(actor, 'export:run')
	};
};
