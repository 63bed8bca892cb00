import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { auditContext, authorize } from '$lib/server/auth/guard';
import { can } from '$lib/server/auth/permissions';
import { validateForm } from '$lib/server/forms';
import { createPerson, findDuplicates } from '$lib/server/people/actions';
import { createPersonSchema } from '$lib/server/people/schema';
import { regionChoices } from '$lib/server/regions';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = await authorize(event, 'records:write');
	const regions = await regionChoices(getDb(), event.locals.locale);
	return {
		regions: actor.regionScope ? regions.filter((r) => actor.regionScope!.includes(r.value)) : regions,
		maxBirthYear: new Date().getUTCFullYear()
	};
};

export const actions: Actions = {
	default: async (event) => {
		const actor = await authorize(event, 'records:write');
		const parsed = validateForm(createPersonSchema(), await event.request.formData(), { arrays: ['languages'] });
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
		const person = parsed.data;
		// A region-limited organizer adds people only in her regions.
		if (!can(actor, 'records:write', { regionId: person.region_id })) {
			return fail(403, { values: parsed.data as Record<string, unknown>, errors: { region_id: m.region_outside_scope() } });
		}
		const db = getDb();
		if (!person.notDuplicate) {
			const duplicates = await findDuplicates(db, person);
			if (duplicates.length) return fail(409, { values: parsed.data as Record<string, unknown>, duplicates });
		}
		const row = await db.transaction().execute((trx) => createPerson(trx, auditContext(event), person));
		redirect(303, `/people/${row.id}`);
	}
};
