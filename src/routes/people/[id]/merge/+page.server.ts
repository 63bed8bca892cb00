import { error, fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { auditContext, authorizeRecord } from '$lib/server/auth/guard';
import { regionFilter } from '$lib/server/auth/permissions';
import { validateForm } from '$lib/server/forms';
import { mergePeople } from '$lib/server/people/merge';
import { mergePreview } from '$lib/server/people/merge-preview';
import { searchPeople } from '$lib/server/people/queries';
import { mergeSchema, recordIdSchema } from '$lib/server/people/schema';
import { ConflictError, RecordNotFoundError } from '$lib/server/records/changes';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

const personId = (param: string | null) => {
	const parsed = recordIdSchema.shape.id.safeParse(param);
	if (!parsed.success) error(404, m.no_such_person());
	return parsed.data;
};

export const load: PageServerLoad = async (event) => {
	const id = personId(event.params.id);
	const { actor } = await authorizeRecord(event, 'records:write', 'people', id);
	const db = getDb();
	const q = (event.url.searchParams.get('q') ?? '').slice(0, 100);
	const otherParam = event.url.searchParams.get('other');
	let other = null;
	if (otherParam) {
		const otherId = personId(otherParam);
		if (otherId === id) error(404, m.no_such_person());
		await authorizeRecord(event, 'records:write', 'people', otherId);
		other = await mergePreview(db, otherId, event.locals.locale);
	}
	const matches = q ? (await searchPeople(db, q, regionFilter(actor, 'records:write'), event.locals.locale)).filter((p) => p.id !== id) : [];
	return { survivor: await mergePreview(db, id, event.locals.locale), other, q, matches };
};

export const actions: Actions = {
	default: async (event) => {
		const id = personId(event.params.id);
		await authorizeRecord(event, 'records:write', 'people', id);
		const parsed = validateForm(mergeSchema, await event.request.formData());
		if (!parsed.ok) return fail(400, { errors: parsed.errors });
		const { other, version, otherVersion, source } = parsed.data;
		if (other === id) return fail(400, { errors: { other: m.merge_same() } });
		await authorizeRecord(event, 'records:write', 'people', other);
		try {
			await getDb().transaction().execute((trx) => mergePeople(trx, auditContext(event), { id, version }, { id: other, version: otherVersion }, source));
		} catch (e) {
			if (e instanceof ConflictError) return fail(409, { message: m.merge_conflict() });
			if (e instanceof RecordNotFoundError) return fail(404, { message: m.no_such_person() });
			throw e;
		}
		redirect(303, `/people/${id}?merged=1`);
	}
};
