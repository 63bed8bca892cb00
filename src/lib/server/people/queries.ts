import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { searchKey } from '../../domain/names';
import type { Locale } from '../../domain/enums';
import type { Db } from '../db';
import { localizedName } from '../db/localized';

export const PEOPLE_PAGE_SIZE = 50;

export const peopleQuerySchema = z.object({
	q: z.string().trim().max(100, { error: () => m.search_too_long() }).default(''),
	page: z.coerce.number().int().min(1).max(100_000).default(1)
});
export type PeopleQuery = z.output<typeof peopleQuerySchema>;

/** People in the list, narrowed to a region scope (an organizer limited to regions) when given. */
export async function listPeople(db: Db, query: PeopleQuery, regionScope: number[] | null, locale: Locale) {
	let base = db.selectFrom('people as p').leftJoin('regions as r', 'r.id', 'p.region_id').where('p.deleted_at', 'is', null);
	if (regionScope) base = base.where('p.region_id', 'in', regionScope.length ? regionScope : [-1]);
	const key = searchKey(query.q);
	if (key) base = base.where('p.search_key', 'like', `%${key.replace(/[\\%_]/g, '\\$&')}%`);

	const [rows, total] = await Promise.all([
		base
			.select((eb) => [
				'p.id',
				'p.full_name',
				'p.name_latin',
				'p.background',
				localizedName('r', locale).as('region'),
				eb
					.selectFrom('candidacies as c')
					.select((c) => c.fn.countAll<number>().as('n'))
					.whereRef('c.person_id', '=', 'p.id')
					.where('c.deleted_at', 'is', null)
					.as('candidacies'),
				eb
					.selectFrom('candidacies as c')
					.select((c) => c.fn.countAll<number>().as('n'))
					.whereRef('c.person_id', '=', 'p.id')
					.where('c.deleted_at', 'is', null)
					.where('c.elected', '=', true)
					.as('elected')
			])
			.orderBy('p.sort_key')
			.orderBy('p.id')
			.limit(PEOPLE_PAGE_SIZE)
			.offset((query.page - 1) * PEOPLE_PAGE_SIZE)
			.execute(),
		base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
	]);
	return { rows, total: Number(total.n), pageSize: PEOPLE_PAGE_SIZE };
}

/** The region a person belongs to, for the permission check before anything else is read. */
export async function personRegion(db: Db, id: number): Promise<{ regionId: number | null } | undefined> {
	const row = await db.selectFrom('people').select('region_id').where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
	return row ? { regionId: row.region_id } : undefined;
}

export async function getPerson(db: Db, id: number, locale: Locale) {
	const person = await db
		.selectFrom('people as p')
		.leftJoin('regions as r', 'r.id', 'p.region_id')
		.selectAll('p')
		.select(localizedName('r', locale).as('region'))
		.where('p.id', '=', id)
		.where('p.deleted_at', 'is', null)
		.executeTakeFirst();
	if (!person) return undefined;
	const [trainings, candidacies] = await Promise.all([
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
			.selectFrom('candidacies as c')
			.innerJoin('contests as ct', 'ct.id', 'c.contest_id')
			.innerJoin('elections as e', 'e.id', 'ct.election_id')
			.leftJoin('organizations as party', 'party.id', 'c.party_id')
			.select(['c.id', localizedName('ct', locale).as('contest'), 'ct.district', 'e.date as election_date', 'party.name as party', 'c.list_position', 'c.status', 'c.votes', 'c.elected'])
			.where('c.person_id', '=', id)
			.where('c.deleted_at', 'is', null)
			.orderBy('e.date')
			.execute()
	]);
	return { person, trainings, candidacies };
}
