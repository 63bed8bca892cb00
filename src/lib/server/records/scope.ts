import { sql } from 'kysely';
import type { Db } from '../db';
import type { EditableTable } from './changes';

/**
 * Where a record belongs, for region-limited organizers (DESIGN.md §5): people, trainings and
 * candidacies — and what hangs off them — belong to a region; organizations, elections and contests
 * are shared by everyone (`global`: readable by all staff, changed only by those without a limit).
 */
export interface RecordPlace {
	regionId: number | null;
	global: boolean;
	deleted: boolean;
}

export async function recordPlace(db: Db, table: EditableTable, id: number): Promise<RecordPlace | undefined> {
	const region = (query: ReturnType<typeof sql<{ region_id: number | null; deleted_at: Date | null }>>) =>
		query.execute(db).then((r) => r.rows[0]);
	let row: { region_id: number | null; deleted_at: Date | null } | undefined;
	switch (table) {
		case 'people':
		case 'trainings':
			row = await region(sql`select region_id, deleted_at from ${sql.table(table)} where id = ${id}`);
			break;
		case 'training_participants':
		case 'training_events':
			row = await region(sql`select t.region_id, x.deleted_at from ${sql.table(table)} x join trainings t on t.id = x.training_id where x.id = ${id}`);
			break;
		case 'candidacies':
		case 'memberships':
			row = await region(sql`select p.region_id, x.deleted_at from ${sql.table(table)} x join people p on p.id = x.person_id where x.id = ${id}`);
			break;
		case 'relationships':
			row = await region(sql`select p.region_id, x.deleted_at from relationships x join people p on p.id = x.person_id where x.id = ${id}`);
			break;
		case 'campaign_activities':
			row = await region(sql`select p.region_id, a.deleted_at from campaign_activities a join candidacies c on c.id = a.candidacy_id join people p on p.id = c.person_id where a.id = ${id}`);
			break;
		default: {
			const found = await sql<{ deleted_at: Date | null }>`select deleted_at from ${sql.table(table)} where id = ${id}`.execute(db);
			const r = found.rows[0];
			return r ? { regionId: null, global: true, deleted: r.deleted_at !== null } : undefined;
		}
	}
	return row ? { regionId: row.region_id, global: false, deleted: row.deleted_at !== null } : undefined;
}
