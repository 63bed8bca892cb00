import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { getDb } from '$lib/server/db';
import { auditContext, authorizeRecord } from '$lib/server/auth/guard';
import { validateForm } from '$lib/server/forms';
import { versionField } from '$lib/server/fields';
import { deleteContest, updateContest } from '$lib/server/elections/actions';
import { contestRegions, getContest } from '$lib/server/elections/queries';
import { idParam, refusedChange } from '$lib/server/elections/refusal';
import { contestSchema } from '$lib/server/elections/schema';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

const updateSchema = contestSchema.and(z.object({ version: versionField }));

/** The contest of the URL, after the check that the user may change it (404 if not this election's). */
async function contestToChange(event: RequestEvent<{ id: string; cid: string }>) {
	const electionId = idParam(event.params.id);
	const contestId = idParam(event.params.cid);
	await authorizeRecord(event, 'records:write', 'contests', contestId);
	const contest = await getContest(getDb(), electionId, contestId, event.locals.locale);
	if (!contest) error(404, m.record_not_found());
	return contest;
}

export const load: PageServerLoad = async (event) => {
	const contest = await contestToChange(event);
	return { contest, regions: await contestRegions(getDb(), event.locals.locale) };
};

export const actions: Actions = {
	update: async (event) => {
		const contest = await contestToChange(event);
		const parsed = validateForm(updateSchema, await event.request.formData());
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
		const { version, ...input } = parsed.data;
		try {
			await getDb().transaction().execute((trx) => updateContest(trx, auditContext(event), contest.id, version, input));
		} catch (e) {
			return refusedChange(e, parsed.data);
		}
		redirect(303, `/elections/${contest.election_id}/contests/${contest.id}`);
	},

	delete: async (event) => {
		const contest = await contestToChange(event);
		const parsed = validateForm(z.object({ version: versionField }), await event.request.formData());
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors, message: m.invalid_id() });
		try {
			await getDb().transaction().execute((trx) => deleteContest(trx, auditContext(event), contest.id, parsed.data.version));
		} catch (e) {
			return refusedChange(e, {});
		}
		redirect(303, `/elections/${contest.election_id}?deleted`);
	}
};
