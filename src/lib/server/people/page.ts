import type { Locale } from '../../domain/enums';
import type { Db } from '../db';
import { recordHistory } from '../records/history';
import { candidaciesOfPerson } from '../candidacies/queries';
import { membershipsOfPerson } from '../organizations/queries';
import { trainingsOfPerson } from '../trainings/queries';
import { reachOfPerson, trainedByChain } from '../network/cascade';
import { egoNetworkOf } from '../network/ego';
import { DRAW_LIMIT } from '../network/graph';
import { cascadeOfPerson, findPerson, tiesOfPerson } from './person';

const CONTACT_FIELDS = ['phone', 'email', 'messenger', 'notes'];

/**
 * Everything the person page shows, assembled on the server. Contacts and notes (also inside her
 * history) are left out unless the user may see them; her ego network keeps to `regionScope`.
 */
export async function loadPersonPage(db: Db, id: number, locale: Locale, showContacts: boolean, regionScope: number[] | null = null) {
	const person = (await findPerson(db, id, locale))!;
	const [cascade, reach, chain, ego, ties, trainings, memberships, candidacies, history] = await Promise.all([
		cascadeOfPerson(db, id),
		reachOfPerson(db, id),
		trainedByChain(db, id),
		// Reach sizes the people in the drawing, and only a network of at most DRAW_LIMIT people is drawn.
		egoNetworkOf(db, id, regionScope, { reachLimit: DRAW_LIMIT }),
		tiesOfPerson(db, id),
		trainingsOfPerson(db, id),
		membershipsOfPerson(db, id),
		candidaciesOfPerson(db, id, locale),
		recordHistory(db, 'people', id, 5)
	]);
	const strip = (row: Record<string, unknown>) => (showContacts ? row : Object.fromEntries(Object.entries(row).filter(([k]) => !CONTACT_FIELDS.includes(k))));
	return {
		person: {
			id: person.id,
			version: person.version,
			fullName: person.full_name,
			nameLatin: person.name_latin,
			givenName: person.given_name,
			familyName: person.family_name,
			patronymic: person.patronymic,
			gender: person.gender,
			region: person.region,
			background: person.background,
			birthYear: person.birth_year,
			languages: person.languages,
			consentStoredAt: person.consent_stored_at,
			consentRecordedBy: person.consent_recorded_by,
			consentPublicName: person.consent_public_name,
			isDemo: person.is_demo,
			contacts: showContacts ? { phone: person.phone, email: person.email, messenger: person.messenger, notes: person.notes } : null
		},
		cascade,
		reach,
		chain,
		// Up to DRAW_LIMIT people are drawn and listed; beyond, the first of them are listed only.
		ego: {
			people: ego.people.slice(0, DRAW_LIMIT),
			more: Math.max(0, ego.people.length - DRAW_LIMIT),
			total: ego.people.length,
			ties: ego.people.length <= DRAW_LIMIT ? ego.ties : null
		},
		ties,
		trainings,
		memberships,
		candidacies,
		history: history.map((e) => ({ ...e, before: strip(e.before), after: strip(e.after) }))
	};
}
