import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { auditContext, authorize } from '$lib/server/auth/guard';
import { validateForm } from '$lib/server/forms';
import { createElection } from '$lib/server/elections/actions';
import { refusedChange } from '$lib/server/elections/refusal';
import { electionSchema } from '$lib/server/elections/schema';
import type { Actions, PageServerLoad } from './$types';

// Elections are shared records: created only by users without a region limit.
const SHARED = { regionId: null };

export const load: PageServerLoad = async (event) => {
	await authorize(event, 'records:write', SHARED);
	return {};
};

export const actions: Actions = {
	create: async (event) => {
		await authorize(event, 'records:write', SHARED);
		const parsed = validateForm(electionSchema, await event.request.formData());
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
		let id: number;
		try {
			id = await getDb().transaction().execute((trx) => createElection(trx, auditContext(event), parsed.data));
		} catch (e) {
			return refusedChange(e, parsed.data);
		}
		redirect(303, `/elections/${id}`);
	}
};
