import { sql } from 'kysely';
import type { Locale } from '../../domain/enums';
import type { Db } from '../db';
import { localizedName } from '../db/localized';

// Reads of elections and contests. Elections and contests are shared records; the candidacies counted
// in them are narrowed to the reader's regions (an organizer limited to regions counts her own).

export async function listElections(db: Db, regionScope: number[] | null, locale: Locale) {
	const rows = await db
		.selectFrom('elections as e')
		.select(['e.id', localizedName('e', locale).as('name'), 'e.date', 'e.level', 'e.kind', 'e.is_demo'])
		.select((eb) => [
			eb.selectFrom('contests as c').select((s) => s.fn.countAll<number>().as('n')).whereRef('c.election_id', '=', 'e.id').where('c.deleted_at', 'is', null).as('contests'),
			eb
				.selectFrom('contests as c')
				.innerJoin('candidacies as x', 'x.contest_id', 'c.id')
				.innerJoin('people as p', 'p.id', 'x.person_id')
				.select((s) => s.fn.countAll<number>().as('n'))
				.whereRef('c.election_id', '=', 'e.id')
				.where('c.deleted_at', 'is', null)
				.where('x.deleted_at', 'is', null)
				.where('p.deleted_at', 'is', null)
				.$if(regionScope !== null, (q) => q.where('p.region_id', 'in', regionScope?.length ? regionScope : [-1]))
				.as('candidacies')
		])
		.where('e.deleted_at', 'is', null)
		.orderBy('e.date', 'desc')
		.orderBy('e.id')
		.execute();
	return rows.map((r) => ({ ...r, contests: Number(r.contests ?? 0), candidacies: Number(r.candidacies ?? 0) }));
}

/** The elections as filter choices (the impact page): no counts, which cost a pass over every candidacy. */
export async function electionChoices(db: Db, locale: Locale) {
	return db
		.selectFrom('elections as e')
		.select(['e.id', localizedName('e', locale).as('name'), 'e.date'])
		.where('e.deleted_at', 'is', null)
		.orderBy('e.date', 'desc')
		.orderBy('e.id')
		.execute();
}

export async function getElection(db: Db, id: number, locale: Locale) {
	return db
		.selectFrom('elections as e')
		.selectAll('e')
		.select(localizedName('e', locale).as('name'))
		.where('e.id', '=', id)
		.where('e.deleted_at', 'is', null)
		.executeTakeFirst();
}

export async function electionContests(db: Db, electionId: number, regionScope: number[] | null, locale: Locale) {
	const rows = await db
		.selectFrom('contests as c')
		.innerJoin('regions as r', 'r.id', 'c.region_id')
		.select(['c.id', localizedName('c', locale).as('name'), localizedName('r', locale).as('region'), 'c.council_kind', 'c.seats', 'c.electoral_system', 'c.district'])
		.select((eb) => {
			// Tracked candidacies (and the elected among them), within the reader's regions.
			const tracked = (elected: boolean) =>
				eb
					.selectFrom('candidacies as x')
					.innerJoin('people as p', 'p.id', 'x.person_id')
					.select((s) => s.fn.countAll<number>().as('n'))
					.whereRef('x.contest_id', '=', 'c.id')
					.where('x.deleted_at', 'is', null)
					.where('p.deleted_at', 'is', null)
					.$if(elected, (q) => q.where('x.elected', '=', true))
					.$if(regionScope !== null, (q) => q.where('p.region_id', 'in', regionScope?.length ? regionScope : [-1]));
			return [tracked(false).as('candidacies'), tracked(true).as('elected')];
		})
		.where('c.election_id', '=', electionId)
		.where('c.deleted_at', 'is', null)
		.orderBy('c.council_kind')
		.orderBy(localizedName('c', locale))
		.orderBy(sql`length(coalesce(c.district, ''))`)
		.orderBy('c.district')
		.orderBy('c.id')
		.execute();
	return rows.map((r) => ({ ...r, candidacies: Number(r.candidacies ?? 0), elected: Number(r.elected ?? 0) }));
}

/** A contest of an election (undefined when it is not that election's, or deleted). */
export async function getContest(db: Db, electionId: number, contestId: number, locale: Locale) {
	return db
		.selectFrom('contests as c')
		.innerJoin('elections as e', 'e.id', 'c.election_id')
		.innerJoin('regions as r', 'r.id', 'c.region_id')
		.selectAll('c')
		.select([localizedName('c', locale).as('name'), localizedName('e', locale).as('election'), 'e.date as election_date', localizedName('r', locale).as('region')])
		.where('c.id', '=', contestId)
		.where('c.election_id', '=', electionId)
		.where('c.deleted_at', 'is', null)
		.where('e.deleted_at', 'is', null)
		.executeTakeFirst();
}
export type Contest = NonNullable<Awaited<ReturnType<typeof getContest>>>;

/** Regions a contest can be held in: Kyrgyzstan's cities and oblasts, each followed by its raions. */
export async function contestRegions(db: Db, locale: Locale) {
	const rows = await db
		.selectFrom('regions as r')
		.innerJoin('regions as parent', 'parent.id', 'r.parent_id')
		.leftJoin('regions as top', (j) => j.onRef('top.id', '=', 'parent.parent_id'))
		.select(['r.id', 'r.level', localizedName('r', locale).as('name'), localizedName('parent', locale).as('parent_name')])
		.where((eb) => eb.or([eb('parent.code', '=', 'KG'), eb('top.code', '=', 'KG')]))
		.execute();
	const tops = rows.filter((r) => r.level !== 'raion').sort((a, b) => a.name.localeCompare(b.name, locale));
	return tops.flatMap((top) => [
		{ value: top.id, label: top.name },
		...rows
			.filter((r) => r.level === 'raion' && r.parent_name === top.name)
			.sort((a, b) => a.name.localeCompare(b.name, locale))
			.map((r) => ({ value: r.id, label: `— ${r.name}` }))
	]);
}

/** Political parties, for the party of a candidacy or a party result. */
export async function partyOptions(db: Db) {
	const rows = await db
		.selectFrom('organizations')
		.select(['id', 'name', 'short_name'])
		.where('kind', '=', 'party')
		.where('deleted_at', 'is', null)
		.orderBy('name')
		.execute();
	return rows.map((r) => ({ value: r.id, label: r.short_name && r.short_name !== r.name ? `${r.name} (${r.short_name})` : r.name }));
}

/** Whether an organization is a party that is not deleted. */
export async function isParty(db: Db, id: number): Promise<boolean> {
	const row = await db.selectFrom('organizations').select('id').where('id', '=', id).where('kind', '=', 'party').where('deleted_at', 'is', null).executeTakeFirst();
	return row !== undefined;
}
