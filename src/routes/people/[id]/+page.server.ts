import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { getDb } from '$lib/server/db';
import { auditContext, authorize, authorizeRecord } from '$lib/server/auth/guard';
import { can, regionFilter } from '$lib/server/auth/permissions';
import { validateForm } from '$lib/server/forms';
import { versionField } from '$lib/server/fields';
import { loadPersonPage } from '$lib/server/people/page';
import { findPerson } from '$lib/server/people/person';
import { searchPeople } from '$lib/server/people/queries';
import { recordIdSchema, relationshipSchema } from '$lib/server/people/schema';
import { addTie, removeTie, TieError } from '$lib/server/people/ties';
import { ConflictError, RecordNotFoundError } from '$lib/server/records/changes';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

const personId = (param: string) => {
	const parsed = recordIdSchema.shape.id.safeParse(param);
	if (!parsed.success) error(404, m.no_such_person());
	return parsed.data;
};

export const load: PageServerLoad = async (event) => {
	const id = personId(event.params.id);
	await authorize(event, 'records:read');
	const db = getDb();
	// A merged record's address keeps working: it leads to the person it was merged into.
	const row = await findPerson(db, id, event.locals.locale);
	if (row?.deleted_at && row.merged_into_id) redirect(301, `/people/${row.merged_into_id}`);
	const { actor, place } = await authorizeRecord(event, 'records:read', 'people', id);
	const scope = { regionId: place.regionId };
	const tieQuery = (event.url.searchParams.get('tieq') ?? '').slice(0, 100);
	const canWrite = can(actor, 'records:write', scope);
	return {
		...(await loadPersonPage(db, id, event.locals.locale, can(actor, 'people:contacts', scope), regionFilter(actor, 'records:read'))),
		canWrite,
		tieQuery,
		merged: event.url.searchParams.has('merged'),
		tieMatches: canWrite && tieQuery ? (await searchPeople(db, tieQuery, null, event.locals.locale)).filter((p) => p.id !== id) : []
	};
};

const TIE_ERRORS = { self: m.tie_self, duplicate: m.tie_duplicate, not_found: m.no_such_person } as const;

export const actions: Actions = {
	addTie: async (event) => {
		const id = personId(event.params.id);
		await authorizeRecord(event, 'records:write', 'people', id);
		const parsed = validateForm(relationshipSchema, await event.request.formData());
		if (!parsed.ok) return fail(400, { action: 'addTie', values: parsed.values, errors: parsed.errors });
		try {
			await getDb().transaction().execute((trx) => addTie(trx, auditContext(event), id, parsed.data));
		} catch (e) {
			if (e instanceof TieError) return fail(400, { action: 'addTie', values: parsed.data as Record<string, unknown>, errors: { other_person_id: TIE_ERRORS[e.code]() } });
			throw e;
		}
		return { action: 'addTie', message: m.tie_added() };
	},

	removeTie: async (event) => {
		const id = personId(event.params.id);
		await authorizeRecord(event, 'records:write', 'people', id);
		const parsed = validateForm(z.object({ tie: recordIdSchema.shape.id, version: versionField }), await event.request.formData());
		if (!parsed.ok) return fail(400, { action: 'removeTie', errors: parsed.errors });
		try {
			await getDb().transaction().execute((trx) => removeTie(trx, auditContext(event), id, parsed.data.tie, parsed.data.version));
		} catch (e) {
			if (e instanceof TieError || e instanceof RecordNotFoundError || e instanceof ConflictError) return fail(409, { action: 'removeTie', message: m.tie_gone(), failed: true });
			throw e;
		}
		return { action: 'removeTie', message: m.tie_removed() };
	}
};
