import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { authorize } from '$lib/server/auth/guard';
import { can } from '$lib/server/auth/permissions';
import { getPerson, personRegion } from '$lib/server/people/queries';
import { idField } from '$lib/server/users/schema';
import { m } from '$lib/paraglide/messages';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = await authorize(event, 'records:read');
	const id = idField.safeParse(event.params.id);
	if (!id.success) error(404, m.no_such_person());
	const db = getDb();
	const scope = await personRegion(db, id.data);
	if (!scope) error(404, m.no_such_person());
	await authorize(event, 'records:read', scope);

	const found = await getPerson(db, id.data, event.locals.locale);
	if (!found) error(404, m.no_such_person());
	const { person, trainings, candidacies } = found;
	const showContacts = can(actor, 'people:contacts', scope);
	return {
		person: {
			id: person.id,
			fullName: person.full_name,
			nameLatin: person.name_latin,
			region: person.region,
			background: person.background,
			birthYear: person.birth_year,
			languages: person.languages,
			consentStoredAt: person.consent_stored_at,
			consentPublicName: person.consent_public_name,
			isDemo: person.is_demo,
			// Contacts and notes leave the server only for roles allowed to see them here.
			contacts: showContacts ? { phone: person.phone, email: person.email, messenger: person.messenger, notes: person.notes } : null
		},
		trainings,
		candidacies
	};
};
