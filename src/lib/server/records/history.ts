import { sql } from 'kysely';
import type { Db } from '../db';
import { userFields, type EditableTable, type Row } from './changes';

export interface HistoryEntry {
	id: number;
	at: Date;
	action: string;
	entity: string;
	entityId: number | null;
	userName: string | null;
	source: string | null;
	reason: string | null;
	before: Row;
	after: Row;
	/** Whether this entry is a change that revertChange can undo. */
	revertible: boolean;
}

const REVERTIBLE = new Set(['create', 'update', 'revert', 'delete', 'restore']);

/**
 * The changes of one record, newest first. For a person, also the changes of what hangs off her
 * (candidacies, trainings attended, memberships, ties), which carry her id in `details.person_id`.
 */
export async function recordHistory(db: Db, table: EditableTable, id: number, limit = 200): Promise<HistoryEntry[]> {
	let query = db
		.selectFrom('audit_log as a')
		.leftJoin('users as u', 'u.id', 'a.user_id')
		.select(['a.id', 'a.at', 'a.action', 'a.entity', 'a.entity_id', 'a.source', 'a.reason', 'a.before', 'a.after', 'u.display_name']);
	query =
		table === 'people'
			? query.where((eb) => eb.or([eb.and([eb('a.entity', '=', table), eb('a.entity_id', '=', id)]), eb(sql`a.details->>'person_id'`, '=', String(id))]))
			: query.where('a.entity', '=', table).where('a.entity_id', '=', id);
	const rows = await query.orderBy('a.id', 'desc').limit(limit).execute();
	return rows.map((r) => ({
		id: r.id,
		at: r.at,
		action: r.action,
		entity: r.entity ?? table,
		entityId: r.entity_id,
		userName: r.display_name,
		source: r.source,
		reason: r.reason,
		before: userFields((r.before ?? {}) as Row),
		after: userFields((r.after ?? {}) as Row),
		revertible: REVERTIBLE.has(r.action)
	}));
}
