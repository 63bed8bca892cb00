import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { authorizeRecord } from '$lib/server/auth/guard';
import { can, regionFilter } from '$lib/server/auth/permissions';
import { validateQuery } from '$lib/server/forms';
import { searchPeople } from '$lib/server/people/queries';
import { cascadeTreeOfTraining } from '$lib/server/network/tree';
import { getTraining } from '$lib/server/trainings/queries';
import { recordId } from '$lib/server/trainings/responses';
import { personSearchSchema } from '$lib/server/trainings/schema';
import { m } from '$lib/paraglide/messages';
import { attendanceActions } from './attendance.server';
import { eventActions } from './events.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const id = recordId(event.params.id);
	const { actor } = await authorizeRecord(event, 'records:read', 'trainings', id);
	const db = getDb();
	const found = await getTraining(db, id, event.locals.locale);
	if (!found) error(404, m.record_not_found());
	const canWrite = can(actor, 'records:write', { regionId: found.training.region_id });
	const { data: search, errors: searchErrors } = validateQuery(personSearchSchema, event.url.searchParams);
	// The person search for attendance finds people the user may record: those of her regions.
	const matches = canWrite && search.q ? await searchPeople(db, search.q, regionFilter(actor, 'records:write'), event.locals.locale) : [];
	const listed = new Set(found.participants.map((p) => p.person_id));
	return {
		...found,
		// Names in the tree only for people of the user's regions.
		cascade: await cascadeTreeOfTraining(db, id, regionFilter(actor, 'records:read')),
		canWrite,
		search,
		searchErrors,
		matches: matches.map((p) => ({ ...p, listed: listed.has(p.id) })),
		saved: event.url.searchParams.has('saved')
	};
};

export const actions: Actions = { ...eventActions, ...attendanceActions };
