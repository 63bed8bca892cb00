import type { Locale } from '../../domain/enums';
import type { Db } from '../db';
import { findPerson } from './person';

/** What a person brings to a merge: her main facts and how many records hang off her. */
export async function mergePreview(db: Db, id: number, locale: Locale) {
	const person = await findPerson(db, id, locale);
	if (!person || person.deleted_at) return null;
	const count = async (table: 'training_participants' | 'memberships' | 'candidacies') => {
		const row = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('person_id', '=', id).where('deleted_at', 'is', null).executeTakeFirstOrThrow();
		return Number(row.n);
	};
	const ties = await db
		.selectFrom('relationships')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where((eb) => eb.or([eb('person_id', '=', id), eb('other_person_id', '=', id)]))
		.where('deleted_at', 'is', null)
		.executeTakeFirstOrThrow();
	return {
		id: person.id,
		version: person.version,
		fullName: person.full_name,
		nameLatin: person.name_latin,
		birthYear: person.birth_year,
		region: person.region,
		phone: person.phone,
		trainings: await count('training_participants'),
		memberships: await count('memberships'),
		candidacies: await count('candidacies'),
		ties: Number(ties.n)
	};
}
