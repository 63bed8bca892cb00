import type { Locale } from '../../domain/enums';
import type { Db } from '../db';
import { byName, localizedName } from '../db/localized';

/** A person's row with her region's name, or undefined; a merged person answers with where she went. */
export async function findPerson(db: Db, id: number, locale: Locale) {
	return db
		.selectFrom('people as p')
		.leftJoin('regions as r', 'r.id', 'p.region_id')
		.selectAll('p')
		.select(localizedName('r', locale).as('region'))
		.where('p.id', '=', id)
		.executeTakeFirst();
}

/**
 * The cascade around her (DESIGN.md §3: a facilitator of a training trained its participants): who
 * trained her — the facilitators of trainings she completed — and whom she trained.
 */
export async function cascadeOfPerson(db: Db, id: number) {
	const trainedBy = await db
		.selectFrom('training_participants as me')
		.innerJoin('training_participants as f', (j) => j.onRef('f.training_id', '=', 'me.training_id').on('f.role', '=', 'facilitator').on('f.deleted_at', 'is', null))
		.innerJoin('people as p', 'p.id', 'f.person_id')
		.innerJoin('trainings as t', 't.id', 'me.training_id')
		.select(['p.id', 'p.full_name', 't.id as training_id', 't.title as training', 't.start_date'])
		.where('me.person_id', '=', id)
		.where('me.role', '=', 'participant')
		.where('me.completed', '=', true)
		.where('me.deleted_at', 'is', null)
		.where('p.deleted_at', 'is', null)
		.where('t.deleted_at', 'is', null)
		.where('p.id', '<>', id)
		.orderBy('t.start_date')
		.orderBy(byName('p'))
		.execute();
	const trained = await db
		.selectFrom('training_participants as me')
		.innerJoin('training_participants as x', (j) => j.onRef('x.training_id', '=', 'me.training_id').on('x.role', '=', 'participant').on('x.deleted_at', 'is', null))
		.innerJoin('people as p', 'p.id', 'x.person_id')
		.innerJoin('trainings as t', 't.id', 'me.training_id')
		.select(['p.id', 'p.full_name', 'x.completed', 't.id as training_id', 't.title as training', 't.start_date'])
		.where('me.person_id', '=', id)
		.where('me.role', '=', 'facilitator')
		.where('me.deleted_at', 'is', null)
		.where('p.deleted_at', 'is', null)
		.where('t.deleted_at', 'is', null)
		.orderBy('t.start_date')
		.orderBy(byName('p'))
		.execute();
	return { trainedBy, trained };
}

/** Her ties to other people, in both directions ("mentor" is directed: mentored by / mentors). */
export async function tiesOfPerson(db: Db, id: number) {
	const rows = await db
		.selectFrom('relationships as r')
		.innerJoin('people as a', 'a.id', 'r.person_id')
		.innerJoin('people as b', 'b.id', 'r.other_person_id')
		.select(['r.id', 'r.kind', 'r.start_date', 'r.note', 'r.version', 'r.person_id', 'a.full_name as person_name', 'r.other_person_id', 'b.full_name as other_name'])
		.where((eb) => eb.or([eb('r.person_id', '=', id), eb('r.other_person_id', '=', id)]))
		.where('r.deleted_at', 'is', null)
		.where('a.deleted_at', 'is', null)
		.where('b.deleted_at', 'is', null)
		.orderBy('r.kind')
		.orderBy('r.id')
		.execute();
	return rows.map((r) => {
		const outgoing = r.person_id === id;
		return {
			id: r.id,
			kind: r.kind,
			version: r.version,
			startDate: r.start_date,
			note: r.note,
			/** For a mentor tie: whether she is the mentor (outgoing) or the one mentored. */
			outgoing,
			otherId: outgoing ? r.other_person_id : r.person_id,
			otherName: outgoing ? r.other_name : r.person_name
		};
	});
}
