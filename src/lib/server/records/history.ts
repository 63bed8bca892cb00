import { sql } from 'kysely';
import { describeChange, type ChangeLine } from '$lib/i18n/fields';
import { auditActionLabel, entityLabel } from '$lib/i18n/labels-audit';
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
	/** In the request's language: the action, the entity and the change (a creation of another record: no lines). */
	actionLabel: string;
	entityLabel: string;
	lines: ChangeLine[];
	/** Whether this entry is a change that revertChange can undo. */
	revertible: boolean;
}

const REVERTIBLE = new Set(['create', 'update', 'revert', 'delete', 'restore']);

/** Records whose history also shows what hangs off them: changes that name them in `details`. */
const PARENT_KEYS: Partial<Record<EditableTable, string>> = {
	people: 'person_id',
	trainings: 'training_id',
	organizations: 'organization_id',
	candidacies: 'candidacy_id',
	contests: 'contest_id',
	elections: 'election_id'
};

/**
 * The changes of one record, newest first, with the changes of what hangs off it: a person's
 * candidacies, attendance, memberships and ties; a training's attendance and events; and so on —
 * whatever carries the record's id in `details` (e.g. details.person_id).
 */
export async function recordHistory(db: Db, table: EditableTable, id: number, limit = 200): Promise<HistoryEntry[]> {
	const parentKey = PARENT_KEYS[table];
	const query = db
		.selectFrom('audit_log as a')
		.leftJoin('users as u', 'u.id', 'a.user_id')
		.select(['a.id', 'a.at', 'a.action', 'a.entity', 'a.entity_id', 'a.source', 'a.reason', 'a.before', 'a.after', 'u.display_name'])
		.where((eb) => {
			const own = eb.and([eb('a.entity', '=', table), eb('a.entity_id', '=', id)]);
			return parentKey ? eb.or([own, eb(sql`a.details->>${parentKey}`, '=', String(id))]) : own;
		});
	const rows = await query.orderBy('a.id', 'desc').limit(limit).execute();
	return rows.map((r) => {
		const entity = r.entity ?? table;
		const before = userFields((r.before ?? {}) as Row);
		const after = userFields((r.after ?? {}) as Row);
		// A creation lists its fields on the record's own history; elsewhere (her new candidacy) its name says enough.
		const lines = r.action !== 'create' ? describeChange(entity, before, after) : entity === table ? describeChange(entity, {}, after) : [];
		return {
			id: r.id,
			at: r.at,
			action: r.action,
			actionLabel: auditActionLabel(r.action),
			entity,
			entityLabel: entityLabel(entity),
			entityId: r.entity_id,
			userName: r.display_name,
			source: r.source,
			reason: r.reason,
			before,
			after,
			lines,
			revertible: REVERTIBLE.has(r.action)
		};
	});
}
