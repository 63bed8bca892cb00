import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { getDb } from '$lib/server/db';
import { auditContext, authorizeRecord } from '$lib/server/auth/guard';
import { validateForm } from '$lib/server/forms';
import { versionField } from '$lib/server/fields';
import { deleteElection, updateElection } from '$lib/server/elections/actions';
import { getElection } from '$lib/server/elections/queries';
import { idParam, refusedChange } from '$lib/server/elections/refusal';
import { electionSchema } from '$lib/server/elections/schema';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

const updateSchema = electionSchema.and(z.object({ version: versionField }));

export const load: PageServerLoad = async (event) => {
	const id = idParam(event.params.id);
	await authorizeRecord(event, 'records:write', 'elections', id);
	const election = await getElection(getDb(), id, event.locals.locale);
	if (!election) error(404, m.record_not_found());
	return { election };
};

export const actions: Actions = {
	update: async (event) => {
		const id = idParam(event.params.id);
		await authorizeRecord(event, 'records:write', 'elections', id);
		const parsed = validateForm(updateSchema, await event.request.formData());
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
		const { version, ...input } = parsed.data;
		try {
			await getDb().transaction().execute((trx) => updateElection(trx, auditContext(event), id, version, input));
		} catch (e) {
			return refusedChange(e, parsed.data);
		}
		redirect(303, `/elections/${id}`);
	},

	delete: async (event) => {
		const id = idParam(event.params.id);
		await authorizeRecord(event, 'records:write', 'elections', id);
		const parsed = validateForm(z.object({ version: versionField }), await event.request.formData());
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors, message: m.invalid_id() });
		try {
			await getDb().transaction().execute((trx) => deleteElection(trx, auditContext(event), id, parsed.data.version));
		} catch (e) {
			return refusedChange(e, {});
		}
		redirect(303, '/elections?deleted');
	}
};
