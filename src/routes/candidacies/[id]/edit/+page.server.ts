import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { getDb } from '$lib/server/db';
import { auditContext, authorizeRecord } from '$lib/server/auth/guard';
import { validateForm } from '$lib/server/forms';
import { versionField } from '$lib/server/fields';
import { deleteCandidacy, updateCandidacy } from '$lib/server/candidacies/actions';
import { getCandidacy } from '$lib/server/candidacies/queries';
import { candidacySchema } from '$lib/server/candidacies/schema';
import { partyOptions } from '$lib/server/elections/queries';
import { idParam, refusedChange } from '$lib/server/elections/refusal';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const id = idParam(event.params.id);
	await authorizeRecord(event, 'records:write', 'candidacies', id);
	const db = getDb();
	const candidacy = await getCandidacy(db, id, event.locals.locale);
	if (!candidacy) error(404, m.record_not_found());
	return { candidacy, parties: await partyOptions(db) };
};

export const actions: Actions = {
	update: async (event) => {
		const id = idParam(event.params.id);
		await authorizeRecord(event, 'records:write', 'candidacies', id);
		const parsed = validateForm(candidacySchema, await event.request.formData());
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
		try {
			await getDb().transaction().execute((trx) => updateCandidacy(trx, auditContext(event), id, parsed.data));
		} catch (e) {
			return refusedChange(e, toForm(parsed.data));
		}
		redirect(303, `/candidacies/${id}`);
	},

	delete: async (event) => {
		const id = idParam(event.params.id);
		await authorizeRecord(event, 'records:write', 'candidacies', id);
		const parsed = validateForm(z.object({ version: versionField }), await event.request.formData());
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors, message: m.invalid_id() });
		const candidacy = await getDb().selectFrom('candidacies').select('person_id').where('id', '=', id).executeTakeFirstOrThrow();
		try {
			await getDb().transaction().execute((trx) => deleteCandidacy(trx, auditContext(event), id, parsed.data.version));
		} catch (e) {
			return refusedChange(e, {});
		}
		redirect(303, `/people/${candidacy.person_id}`);
	}
};

/** Parsed values back as the form shows them (elected as yes / no / unknown). */
function toForm(data: z.output<typeof candidacySchema>): Record<string, unknown> {
	const tri = (v: boolean | null) => (v === null ? 'unknown' : v ? 'yes' : 'no');
	return { ...data, elected: tri(data.elected), took_seat: tri(data.took_seat) };
}
