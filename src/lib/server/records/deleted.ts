import { sql } from 'kysely';
import type { Locale } from '../../domain/enums';
import type { Db } from '../db';
import type { EditableTable } from './changes';

export interface DeletedRecord {
	table: EditableTable;
	id: number;
	title: string;
	deletedAt: Date;
	deletedBy: string | null;
}

/**
 * Recently deleted people, trainings, candidacies, campaign activities, organizations, elections and contests, newest
 * first — narrowed to a region scope (an organizer limited to regions sees her regions' records and
 * none of the shared ones). Merged people are not listed: a merge is undone differently.
 */
export async function recentlyDeleted(db: Db, regionScope: number[] | null, locale: Locale, limit = 200): Promise<DeletedRecord[]> {
	const name = (alias: string) => sql.ref(`${alias}.name_${locale}`);
	const scope = (column: string) => (regionScope ? sql`and ${sql.ref(column)} = any(${regionScope}::int[])` : sql``);
	const shared = regionScope ? sql`and false` : sql``;
	const { rows } = await sql<{ table: EditableTable; id: number; title: string; deleted_at: Date }>`
		select 'people' as table, id, full_name as title, deleted_at from people
			where deleted_at is not null and merged_into_id is null ${scope('region_id')}
		union all
		select 'trainings', id, title, deleted_at from trainings where deleted_at is not null ${scope('region_id')}
		union all
		select 'candidacies', x.id, p.full_name || ' — ' || ${name('c')}, x.deleted_at
			from candidacies x join people p on p.id = x.person_id join contests c on c.id = x.contest_id
			where x.deleted_at is not null ${scope('p.region_id')}
		union all
		select 'campaign_activities', a.id, p.full_name || ' — ' || coalesce(a.description, ${name('c')}), a.deleted_at
			from campaign_activities a join candidacies x on x.id = a.candidacy_id join people p on p.id = x.person_id
			join contests c on c.id = x.contest_id
			where a.deleted_at is not null ${scope('p.region_id')}
		union all
		select 'organizations', id, name, deleted_at from organizations where deleted_at is not null ${shared}
		union all
		select 'elections', e.id, ${name('e')}, e.deleted_at from elections e where e.deleted_at is not null ${shared}
		union all
		select 'contests', c.id, ${name('c')} || coalesce(', ' || c.district, ''), c.deleted_at from contests c where c.deleted_at is not null ${shared}
		order by deleted_at desc
		limit ${limit}
	`.execute(db);
	if (rows.length === 0) return [];
	const who = await db
		.selectFrom('audit_log as a')
		.leftJoin('users as u', 'u.id', 'a.user_id')
		.select(['a.entity', 'a.entity_id', 'u.display_name'])
		.where('a.action', 'in', ['delete', 'revert'])
		.where(sql<boolean>`(a.after->>'deleted_at') is not null`)
		.where('a.entity', 'in', [...new Set(rows.map((r) => r.table))])
		.where('a.entity_id', 'in', rows.map((r) => r.id))
		.orderBy('a.id')
		.execute();
	const deletedBy = new Map(who.map((w) => [`${w.entity}:${w.entity_id}`, w.display_name]));
	return rows.map((r) => ({ table: r.table, id: r.id, title: r.title, deletedAt: r.deleted_at, deletedBy: deletedBy.get(`${r.table}:${r.id}`) ?? null }));
}
