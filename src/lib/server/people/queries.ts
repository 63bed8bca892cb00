import { sql } from 'kysely';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { BACKGROUNDS, CANDIDACY_STATUSES, type Locale } from '../../domain/enums';
import { searchKey } from '../../domain/names';
import type { Db } from '../db';
import { byName, localizedName } from '../db/localized';
import { regionAndBelow } from '../regions';

export const PEOPLE_PAGE_SIZE = 50;
/** More rows than this are not exported in one file (the list says so). */
export const PEOPLE_EXPORT_LIMIT = 50_000;

export const PEOPLE_SORTS = ['name', 'region', 'background', 'birth_year', 'candidacies', 'elected', 'updated'] as const;
export const OUTCOMES = ['elected', 'not_elected', 'pending'] as const;
export const CONSENT_FILTERS = ['stored', 'not_stored', 'public', 'not_public'] as const;

const id = z.coerce.number().int().positive().optional();
const oneOf = <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: () => m.invalid_choice() }).optional();

/** The list's state, all of it in the URL so a view can be bookmarked and shared. */
export const peopleQuerySchema = z.object({
	q: z.string().trim().max(100, { error: () => m.search_too_long() }).default(''),
	region: id,
	training: id,
	background: oneOf(BACKGROUNDS),
	status: oneOf(CANDIDACY_STATUSES),
	election: id,
	party: id,
	outcome: oneOf(OUTCOMES),
	consent: oneOf(CONSENT_FILTERS),
	sort: z.enum(PEOPLE_SORTS).default('name'),
	dir: z.enum(['asc', 'desc']).default('asc'),
	page: z.coerce.number().int().min(1).max(100_000).default(1)
});
export type PeopleQuery = z.output<typeof peopleQuerySchema>;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, '\\$&');

function filteredPeople(db: Db, query: PeopleQuery, regionScope: number[] | null) {
	let base = db.selectFrom('people as p').leftJoin('regions as r', 'r.id', 'p.region_id').where('p.deleted_at', 'is', null);
	if (regionScope) base = base.where('p.region_id', 'in', regionScope.length ? regionScope : [-1]);
	const key = searchKey(query.q);
	if (key) base = base.where('p.search_key', 'like', `%${escapeLike(key)}%`);
	else if (query.q) base = base.where(sql<boolean>`false`); // only punctuation: nothing can match
	if (query.region) base = base.where('p.region_id', 'in', regionAndBelow(db, query.region));
	if (query.training) {
		const training = query.training;
		base = base.where((eb) =>
			eb.exists(eb.selectFrom('training_participants as tp').select('tp.id').whereRef('tp.person_id', '=', 'p.id').where('tp.training_id', '=', training).where('tp.deleted_at', 'is', null))
		);
	}
	if (query.background) base = base.where('p.background', '=', query.background);
	if (query.status || query.election || query.party || query.outcome) {
		// The candidacy filters describe one candidacy together (e.g. elected on the SDPK list in 2012).
		base = base.where((eb) => {
			let c = eb.selectFrom('candidacies as c').innerJoin('contests as ct', 'ct.id', 'c.contest_id').select('c.id').whereRef('c.person_id', '=', 'p.id').where('c.deleted_at', 'is', null);
			if (query.status) c = c.where('c.status', '=', query.status);
			if (query.election) c = c.where('ct.election_id', '=', query.election);
			if (query.party) c = c.where('c.party_id', '=', query.party);
			if (query.outcome === 'elected') c = c.where('c.elected', '=', true);
			if (query.outcome === 'not_elected') c = c.where('c.elected', '=', false);
			if (query.outcome === 'pending') c = c.where('c.status', '=', 'on_ballot').where('c.elected', 'is', null);
			return eb.exists(c);
		});
	}
	if (query.consent === 'stored') base = base.where('p.consent_stored_at', 'is not', null);
	if (query.consent === 'not_stored') base = base.where('p.consent_stored_at', 'is', null);
	if (query.consent === 'public') base = base.where('p.consent_public_name', '=', true);
	if (query.consent === 'not_public') base = base.where('p.consent_public_name', '=', false);
	return base;
}

/** The people matching the list's filters, sorted, one page (or, for an export, all of them). */
export async function listPeople(db: Db, query: PeopleQuery, regionScope: number[] | null, locale: Locale, options: { all?: boolean } = {}) {
	const base = filteredPeople(db, query, regionScope);
	const candidacies = (elected: boolean) =>
		sql<number>`(select count(*) from candidacies c where c.person_id = p.id and c.deleted_at is null ${elected ? sql`and c.elected` : sql``})`;
	const region = localizedName('r', locale);
	const order = {
		name: byName('p'),
		region: sql`${region}`,
		background: sql`p.background`,
		birth_year: sql`p.birth_year`,
		candidacies: candidacies(false),
		elected: candidacies(true),
		updated: sql`p.updated_at`
	}[query.sort];
	const direction = query.dir === 'desc' ? sql`desc nulls last` : sql`asc nulls last`;
	const rowsQuery = base
		.select(['p.id', 'p.full_name', 'p.name_latin', 'p.background', 'p.birth_year', 'p.updated_at', region.as('region'), candidacies(false).as('candidacies'), candidacies(true).as('elected')])
		.orderBy(sql`${order} ${direction}`)
		.orderBy(byName('p'))
		.orderBy('p.id')
		.limit(options.all ? PEOPLE_EXPORT_LIMIT : PEOPLE_PAGE_SIZE)
		.offset(options.all ? 0 : (query.page - 1) * PEOPLE_PAGE_SIZE);
	const [rows, total] = await Promise.all([rowsQuery.execute(), base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()]);
	return { rows, total: Number(total.n), pageSize: PEOPLE_PAGE_SIZE };
}

/** The choices the list's filter menus offer (names in the interface language). */
export async function peopleFilterOptions(db: Db, locale: Locale) {
	const [regions, trainings, elections, parties] = await Promise.all([
		db.selectFrom('regions').select(['id', 'level', 'parent_id', localizedName('regions', locale).as('name')]).where('level', '<>', 'country').orderBy('level').orderBy('code').execute(),
		db.selectFrom('trainings').select(['id', 'title', 'start_date']).where('deleted_at', 'is', null).orderBy('start_date').orderBy('id').execute(),
		db.selectFrom('elections').select(['id', 'date', localizedName('elections', locale).as('name')]).where('deleted_at', 'is', null).orderBy('date').execute(),
		db.selectFrom('organizations').select(['id', 'name', 'short_name']).where('kind', '=', 'party').where('deleted_at', 'is', null).orderBy('name').execute()
	]);
	return { regions, trainings, elections, parties };
}

/**
 * People matching a name (any script, any spelling the search key folds together), for pickers:
 * adding a participant to a training, a candidate to a contest, a tie. Narrowed to a region scope.
 */
export async function searchPeople(db: Db, q: string, regionScope: number[] | null, locale: Locale, limit = 20) {
	const key = searchKey(q);
	if (!key) return [];
	let query = db
		.selectFrom('people as p')
		.leftJoin('regions as r', 'r.id', 'p.region_id')
		.select(['p.id', 'p.full_name', 'p.name_latin', 'p.birth_year', localizedName('r', locale).as('region')])
		.where('p.deleted_at', 'is', null)
		.where('p.search_key', 'like', `%${escapeLike(key)}%`);
	if (regionScope) query = query.where('p.region_id', 'in', regionScope.length ? regionScope : [-1]);
	return query.orderBy(byName('p')).orderBy('p.id').limit(limit).execute();
}
