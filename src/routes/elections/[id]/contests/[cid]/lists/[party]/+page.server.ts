import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { auditContext, authorizeRecord } from '$lib/server/auth/guard';
import { can, regionFilter } from '$lib/server/auth/permissions';
import { validateForm } from '$lib/server/forms';
import { getContest } from '$lib/server/elections/queries';
import { listSizeSchema, partyList, saveList, validateListPositions } from '$lib/server/elections/quota';
import { idParam, refusedChange } from '$lib/server/elections/refusal';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

/** The party-list contest and the party of the URL (404 unless a city-kenesh list of a party). */
async function listOf(event: RequestEvent<{ id: string; cid: string; party: string }>, permission: 'records:read' | 'records:write') {
	const contestId = idParam(event.params.cid);
	const partyId = idParam(event.params.party);
	const { actor } = await authorizeRecord(event, permission, 'contests', contestId);
	const db = getDb();
	const contest = await getContest(db, idParam(event.params.id), contestId, event.locals.locale);
	const party = await db.selectFrom('organizations').select(['id', 'name']).where('id', '=', partyId).where('kind', '=', 'party').where('deleted_at', 'is', null).executeTakeFirst();
	if (!contest || contest.electoral_system !== 'party_list' || !party) error(404, m.record_not_found());
	return { actor, contest, party };
}

export const load: PageServerLoad = async (event) => {
	const { actor, contest, party } = await listOf(event, 'records:read');
	const list = await partyList(getDb(), contest.id, party.id, regionFilter(actor, 'records:read'));
	return { contest, party, ...list, canWrite: can(actor, 'records:write', { regionId: null }) };
};

export const actions: Actions = {
	save: async (event) => {
		const { contest, party } = await listOf(event, 'records:write');
		const formData = await event.request.formData();
		const size = validateForm(listSizeSchema, formData);
		if (!size.ok) return fail(400, { values: Object.fromEntries(formData), errors: size.errors });
		const positions = validateListPositions(formData, size.data.list_size);
		if (!positions.ok) return fail(400, { values: positions.values, errors: positions.errors });
		try {
			await getDb().transaction().execute((trx) => saveList(trx, auditContext(event), contest.id, party.id, size.data, positions.rows));
		} catch (e) {
			// A stale position (or list size) now carries its current version: saving again applies the form.
			return refusedChange(e, Object.fromEntries(formData), { versionField: (row) => ('position' in row ? `version-${row.position}` : 'result_version') });
		}
		return { saved: true, message: m.saved() };
	}
};
