import { getDb } from '$lib/server/db';
import { authorize } from '$lib/server/auth/guard';
import { can } from '$lib/server/auth/permissions';
import { validateQuery } from '$lib/server/forms';
import { listOrganizations } from '$lib/server/organizations/queries';
import { organizationListSchema } from '$lib/server/organizations/schema';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = await authorize(event, 'records:read');
	const { data: query, errors } = validateQuery(organizationListSchema, event.url.searchParams);
	const organizations = await listOrganizations(getDb(), query, event.locals.locale);
	return {
		...organizations,
		query,
		errors,
		// Organizations are shared by all regions: only users without a region limit create them.
		canCreate: can(actor, 'records:write', { regionId: null }),
		deleted: event.url.searchParams.has('deleted')
	};
};
