import { error, fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { auditContext, authorizeRecord } from '$lib/server/auth/guard';
import { validateForm } from '$lib/server/forms';
import { createContest } from '$lib/server/elections/actions';
import { contestRegions, getElection } from '$lib/server/elections/queries';
import { idParam, refusedChange } from '$lib/server/elections/refusal';
import { contestSchema } from '$lib/server/elections/schema';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

// Changing an election's contests takes the right to change the (shared) election itself.
export const load: PageServerLoad = async (event) => {
	const electionId = idParam(event.params.id);
	await authorizeRecord(event, 'records:write', 'elections', electionId);
	const db = getDb();
	const election = await getElection(db, electionId, event.locals.locale);
	if (!election) error(404, m.record_not_found());
	return { election, regions: await contestRegions(db, event.locals.locale) };
};

export const actions: Actions = {
	create: async (event) => {
		const electionId = idParam(event.params.id);
		await authorizeRecord(event, 'records:write', 'elections', electionId);
		const parsed = validateForm(contestSchema, await event.request.formData());
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
		let id: number;
		try {
			id = await getDb().transaction().execute((trx) => createContest(trx, auditContext(event), electionId, parsed.data));
		} catch (e) {
			return refusedChange(e, parsed.data);
		}
		redirect(303, `/elections/${electionId}/contests/${id}`);
	}
};
