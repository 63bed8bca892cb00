import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { authorizeRecord } from '$lib/server/auth/guard';
import { can, regionFilter } from '$lib/server/auth/permissions';
import { electionContests, getElection } from '$lib/server/elections/queries';
import { idParam } from '$lib/server/elections/refusal';
import { m } from '$lib/paraglide/messages';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const id = idParam(event.params.id);
	const { actor } = await authorizeRecord(event, 'records:read', 'elections', id);
	const db = getDb();
	const election = await getElection(db, id, event.locals.locale);
	if (!election) error(404, m.record_not_found());
	return {
		election,
		contests: await electionContests(db, id, regionFilter(actor, 'records:read'), event.locals.locale),
		canEdit: can(actor, 'records:write', { regionId: null }),
		deleted: event.url.searchParams.has('deleted')
	};
};
