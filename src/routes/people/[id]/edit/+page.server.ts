import { error, fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { auditContext, authorizeRecord } from '$lib/server/auth/guard';
import { can } from '$lib/server/auth/permissions';
import { validateForm } from '$lib/server/forms';
import { deletePerson, updatePerson } from '$lib/server/people/actions';
import { findPerson } from '$lib/server/people/person';
import { editPersonSchema, recordIdSchema } from '$lib/server/people/schema';
import { ConflictError, rebase, RecordNotFoundError } from '$lib/server/records/changes';
import { regionChoices } from '$lib/server/regions';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

const personId = (param: string) => {
	const parsed = recordIdSchema.shape.id.safeParse(param);
	if (!parsed.success) error(404, m.no_such_person());
	return parsed.data;
};

export const load: PageServerLoad = async (event) => {
	const id = personId(event.params.id);
	const { actor } = await authorizeRecord(event, 'records:write', 'people', id);
	const db = getDb();
	const person = (await findPerson(db, id, event.locals.locale))!;
	const regions = await regionChoices(db, event.locals.locale);
	return {
		person: { ...person, region: undefined },
		regions: actor.regionScope ? regions.filter((r) => actor.regionScope!.includes(r.value)) : regions,
		maxBirthYear: new Date().getUTCFullYear()
	};
};

export const actions: Actions = {
	save: async (event) => {
		const id = personId(event.params.id);
		const { actor } = await authorizeRecord(event, 'records:write', 'people', id);
		const parsed = validateForm(editPersonSchema(), await event.request.formData(), { arrays: ['languages'] });
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
		const { version, ...input } = parsed.data;
		if (!can(actor, 'records:write', { regionId: input.region_id })) {
			return fail(403, { values: parsed.data as Record<string, unknown>, errors: { region_id: m.region_outside_scope() } });
		}
		try {
			await getDb().transaction().execute((trx) => updatePerson(trx, auditContext(event), id, version, input));
		} catch (e) {
			if (e instanceof ConflictError) {
				// Her own edits stay in the form, the rest shows the current values; saving again applies hers.
				return fail(409, { values: { ...rebase(parsed.data, e.current, e.meanwhile), version: e.current.version }, conflict: e.meanwhile });
			}
			if (e instanceof RecordNotFoundError) error(404, m.no_such_person());
			throw e;
		}
		redirect(303, `/people/${id}`);
	},

	delete: async (event) => {
		const id = personId(event.params.id);
		await authorizeRecord(event, 'records:write', 'people', id);
		const parsed = validateForm(recordIdSchema.pick({ version: true }), await event.request.formData());
		if (!parsed.ok || parsed.data.version === undefined) return fail(400, { errors: { version: m.invalid_id() } });
		try {
			await getDb().transaction().execute((trx) => deletePerson(trx, auditContext(event), id, parsed.data.version!));
		} catch (e) {
			if (e instanceof ConflictError) return fail(409, { conflict: e.meanwhile, values: undefined });
			if (e instanceof RecordNotFoundError) error(404, m.no_such_person());
			throw e;
		}
		redirect(303, '/people?notice=deleted');
	}
};
