import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { authorizeRecord } from '$lib/server/auth/guard';
import { can, regionFilter } from '$lib/server/auth/permissions';
import { validateQuery } from '$lib/server/forms';
import { getOrganization, organizationMembers } from '$lib/server/organizations/queries';
import { searchPeople } from '$lib/server/people/queries';
import { recordId } from '$lib/server/trainings/responses';
import { personSearchSchema } from '$lib/server/trainings/schema';
import { m } from '$lib/paraglide/messages';
import { memberActions } from './members.server';
import { nameActions } from './names.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const id = recordId(event.params.id);
	const { actor } = await authorizeRecord(event, 'records:read', 'organizations', id);
	const db = getDb();
	const found = await getOrganization(db, id, event.locals.locale, regionFilter(actor, 'records:read'));
	if (!found) error(404, m.record_not_found());
	// Memberships belong to the member's region, like the rest of her record.
	const members = await organizationMembers(db, id, regionFilter(actor, 'records:read'));
	const canAddMembers = can(actor, 'records:write');
	const { data: search, errors: searchErrors } = validateQuery(personSearchSchema, event.url.searchParams);
	const matches = canAddMembers && search.q ? await searchPeople(db, search.q, regionFilter(actor, 'records:write'), event.locals.locale) : [];
	return {
		...found,
		members: members.map(({ region_id, ...member }) => ({ ...member, canChange: can(actor, 'records:write', { regionId: region_id }) })),
		canEdit: can(actor, 'records:write', { regionId: null }),
		canAddMembers,
		limited: actor.regionScope !== null,
		search,
		searchErrors,
		matches,
		saved: event.url.searchParams.has('saved')
	};
};

export const actions: Actions = { ...nameActions, ...memberActions };
