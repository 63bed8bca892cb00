import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { auditContext, authorize } from '$lib/server/auth/guard';
import { regionFilter } from '$lib/server/auth/permissions';
import { validateForm, validateQuery } from '$lib/server/forms';
import { createCandidacy } from '$lib/server/candidacies/actions';
import { candidatePerson, contestOptions } from '$lib/server/candidacies/queries';
import { newCandidacySchema, personSearchSchema } from '$lib/server/candidacies/schema';
import { partyOptions } from '$lib/server/elections/queries';
import { refusedChange } from '$lib/server/elections/refusal';
import { searchPeople } from '$lib/server/people/queries';
import type { Actions, PageServerLoad } from './$types';

// A candidacy belongs to its person's region: the person is picked from the user's regions, and an
// organizer limited to regions is refused (403) for anyone else.
export const load: PageServerLoad = async (event) => {
	const actor = await authorize(event, 'records:write');
	const { data: query, errors } = validateQuery(personSearchSchema, event.url.searchParams);
	const db = getDb();
	const person = query.person ? await candidatePerson(db, query.person) : undefined;
	if (person) await authorize(event, 'records:write', { regionId: person.region_id });
	const found = query.q ? await searchPeople(db, query.q, regionFilter(actor, 'records:write'), event.locals.locale) : [];
	return {
		query,
		errors,
		person: person ?? null,
		found,
		contests: await contestOptions(db, event.locals.locale),
		parties: await partyOptions(db)
	};
};

export const actions: Actions = {
	create: async (event) => {
		const actor = await authorize(event, 'records:write');
		const parsed = validateForm(newCandidacySchema, await event.request.formData());
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
		const person = await candidatePerson(getDb(), parsed.data.person_id);
		if (person) await authorize(event, 'records:write', { regionId: person.region_id });
		let id: number;
		try {
			id = await getDb().transaction().execute((trx) => createCandidacy(trx, auditContext(event), actor, parsed.data));
		} catch (e) {
			return refusedChange(e, { ...parsed.data });
		}
		redirect(303, `/candidacies/${id}`);
	}
};
