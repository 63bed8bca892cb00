import { sql } from 'kysely';
import type { Locale } from '../../domain/enums';
import { searchKey, sortKey } from '../../domain/names';
import type { Db } from '../db';
import { byName, localizedName } from '../db/localized';
import type { OrganizationListQuery } from './schema';

export const ORGANIZATIONS_PAGE_SIZE = 50;

/** How many people (not deleted) are members of the outer organization `o`, past and present. */
function memberCount(db: Db) {
	return db
		.selectFrom('memberships as ms')
		.innerJoin('people as p', 'p.id', 'ms.person_id')
		.select((eb) => eb.fn.count<number>('ms.person_id').distinct().as('n'))
		.where('ms.organization_id', '=', sql.ref<number>('o.id'))
		.where('ms.deleted_at', 'is', null)
		.where('p.deleted_at', 'is', null);
}

/**
 * Organizations for the list, by kind and by any of their names. Names are matched with the same
 * spelling-tolerant key as people ("Bir Duino" finds "Бир Дүйнө"), which needs the names in
 * JavaScript: organizations number in the hundreds at most, so they are filtered here.
 */
export async function listOrganizations(db: Db, query: OrganizationListQuery, locale: Locale) {
	let base = db.selectFrom('organizations as o').leftJoin('regions as r', 'r.id', 'o.region_id').where('o.deleted_at', 'is', null);
	if (query.kind) base = base.where('o.kind', '=', query.kind);
	const all = await base
		.select((eb) => [
			'o.id',
			'o.name',
			'o.short_name',
			'o.kind',
			'o.is_demo',
			localizedName('r', locale).as('region'),
			memberCount(db).as('members'),
			eb
				.selectFrom('organization_names as n')
				.select((n) => n.fn.agg<string[]>('array_agg', ['n.name']).as('names'))
				.whereRef('n.organization_id', '=', 'o.id')
				.where('n.deleted_at', 'is', null)
				.as('other_names')
		])
		.execute();
	const key = searchKey(query.q);
	const matching = (key ? all.filter((o) => searchKey([o.name, o.short_name ?? '', ...(o.other_names ?? [])].join(' ')).includes(key)) : all)
		.map((o) => ({ ...o, sort: sortKey(o.name) }))
		.sort((a, b) => (a.sort < b.sort ? -1 : a.sort > b.sort ? 1 : a.id - b.id));
	const start = (query.page - 1) * ORGANIZATIONS_PAGE_SIZE;
	const rows = matching.slice(start, start + ORGANIZATIONS_PAGE_SIZE).map(({ sort: _sort, ...o }) => o);
	return { rows, total: matching.length, pageSize: ORGANIZATIONS_PAGE_SIZE };
}

/** An organization with its other names over time and the trainings it organized (in a region scope, if given). */
export async function getOrganization(db: Db, id: number, locale: Locale, regionScope: number[] | null = null) {
	const organization = await db
		.selectFrom('organizations as o')
		.leftJoin('regions as r', 'r.id', 'o.region_id')
		.selectAll('o')
		.select(localizedName('r', locale).as('region'))
		.where('o.id', '=', id)
		.where('o.deleted_at', 'is', null)
		.executeTakeFirst();
	if (!organization) return undefined;
	const [names, trainings] = await Promise.all([
		db
			.selectFrom('organization_names')
			.select(['id', 'version', 'name', 'lang', 'start_date', 'end_date', 'note'])
			.where('organization_id', '=', id)
			.where('deleted_at', 'is', null)
			.orderBy('start_date', (o) => o.nullsFirst())
			.orderBy('id')
			.execute(),
		db
			.selectFrom('trainings')
			.select(['id', 'title', 'kind', 'start_date', 'region_id'])
			.where('organizer_id', '=', id)
			.where('deleted_at', 'is', null)
			.$if(regionScope !== null, (q) => q.where('region_id', 'in', regionScope?.length ? regionScope : [-1]))
			.orderBy('start_date')
			.orderBy('id')
			.execute()
	]);
	return { organization, names, trainings };
}

/** An organization as stored, for its edit form. */
export function getOrganizationRecord(db: Db, id: number) {
	return db.selectFrom('organizations').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
}

/**
 * Members of an organization, current ones first. Memberships belong to the member's region: an
 * organizer limited to regions sees the members from hers.
 */
export function organizationMembers(db: Db, organizationId: number, regionScope: number[] | null) {
	let query = db
		.selectFrom('memberships as ms')
		.innerJoin('people as p', 'p.id', 'ms.person_id')
		.select(['ms.id', 'ms.version', 'ms.role', 'ms.start_date', 'ms.end_date', 'ms.source', 'p.id as person_id', 'p.full_name', 'p.name_latin', 'p.region_id'])
		.where('ms.organization_id', '=', organizationId)
		.where('ms.deleted_at', 'is', null)
		.where('p.deleted_at', 'is', null);
	if (regionScope) query = query.where('p.region_id', 'in', regionScope.length ? regionScope : [-1]);
	return query
		.orderBy('ms.end_date', (o) => o.desc().nullsFirst())
		.orderBy(byName('p'))
		.orderBy('ms.id')
		.execute();
}

/** Organizations for a select (a training's organizer), by name. */
export async function organizationChoices(db: Db) {
	const rows = await db.selectFrom('organizations').select(['id', 'name', 'short_name']).where('deleted_at', 'is', null).execute();
	return rows
		.map((o) => ({ value: o.id, label: o.short_name && o.short_name !== o.name ? `${o.name} (${o.short_name})` : o.name, sort: sortKey(o.name) }))
		.sort((a, b) => (a.sort < b.sort ? -1 : a.sort > b.sort ? 1 : a.value - b.value))
		.map(({ value, label }) => ({ value, label }));
}

/**
 * A person's memberships (for her page), current ones first: the organization, her role and the
 * dates. Removed memberships and deleted organizations are left out.
 */
export function membershipsOfPerson(db: Db, personId: number) {
	return db
		.selectFrom('memberships as ms')
		.innerJoin('organizations as o', 'o.id', 'ms.organization_id')
		.select(['ms.id', 'ms.version', 'ms.organization_id', 'o.name as organization', 'o.short_name', 'o.kind', 'ms.role', 'ms.start_date', 'ms.end_date', 'ms.source'])
		.where('ms.person_id', '=', personId)
		.where('ms.deleted_at', 'is', null)
		.where('o.deleted_at', 'is', null)
		.orderBy('ms.end_date', (o) => o.desc().nullsFirst())
		.orderBy('ms.start_date', (o) => o.desc().nullsLast())
		.orderBy('ms.id')
		.execute();
}
export type PersonMembership = Awaited<ReturnType<typeof membershipsOfPerson>>[number];
