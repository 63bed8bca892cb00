import type { Locale } from '../../domain/enums';
import type { Db } from '../db';
import { localizedName } from '../db/localized';
import { recordHistory } from '../records/history';
import { cascadeOfPerson, findPerson, tiesOfPerson } from './person';

const CONTACT_FIELDS = ['phone', 'email', 'messenger', 'notes'];

/**
 * Everything the person page shows, assembled on the server. Contacts and notes (also inside her
 * history) are left out unless the user may see them.
 */
export async function loadPersonPage(db: Db, id: number, locale: Locale, showContacts: boolean) {
	const person = (await findPerson(db, id, locale))!;
	const [cascade, ties, trainings, memberships, candidacies, history] = await Promise.all([
		cascadeOfPerson(db, id),
		tiesOfPerson(db, id),
		db
			.selectFrom('training_participants as tp')
			.innerJoin('trainings as t', 't.id', 'tp.training_id')
			.select(['t.id', 't.title', 't.kind', 't.start_date', 't.end_date', 'tp.role', 'tp.completed'])
			.where('tp.person_id', '=', id)
			.where('tp.deleted_at', 'is', null)
			.where('t.deleted_at', 'is', null)
			.orderBy('t.start_date')
			.execute(),
		db
			.selectFrom('memberships as ms')
			.innerJoin('organizations as o', 'o.id', 'ms.organization_id')
			.select(['ms.id', 'o.id as organization_id', 'o.name as organization', 'ms.role', 'ms.start_date', 'ms.end_date'])
			.where('ms.person_id', '=', id)
			.where('ms.deleted_at', 'is', null)
			.where('o.deleted_at', 'is', null)
			.orderBy('ms.start_date')
			.execute(),
		db
			.selectFrom('candidacies as c')
			.innerJoin('contests as ct', 'ct.id', 'c.contest_id')
			.innerJoin('elections as e', 'e.id', 'ct.election_id')
			.leftJoin('organizations as party', 'party.id', 'c.party_id')
			.select((eb) => [
				'c.id',
				'ct.id as contest_id',
				'e.id as election_id',
				localizedName('ct', locale).as('contest'),
				'ct.district',
				'e.date as election_date',
				'party.name as party',
				'c.list_position',
				'c.status',
				'c.votes',
				'c.elected',
				'c.took_seat',
				eb
					.selectFrom('campaign_activities as a')
					.select((a) => a.fn.countAll<number>().as('n'))
					.whereRef('a.candidacy_id', '=', 'c.id')
					.where('a.deleted_at', 'is', null)
					.as('activities')
			])
			.where('c.person_id', '=', id)
			.where('c.deleted_at', 'is', null)
			.orderBy('e.date')
			.execute(),
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
		ties,
		trainings,
		memberships,
		candidacies,
		history: history.map((e) => ({ ...e, before: strip(e.before), after: strip(e.after) }))
	};
}
