import { sql, type Kysely } from 'kysely';
import { describeChange, type ChangeLine } from '$lib/i18n/fields';
import type { Db } from '../db';
import { audit, auditRow, type AuditContext } from '../audit/log';

// Every change to an editable record goes through here, so that each one is versioned (no lost
// updates), soft (deletes can be restored) and recorded in audit_log with before/after, who, when and
// the source. Callers open the transaction and pass `trx`; these functions never open their own.

export const EDITABLE_TABLES = [
	'people',
	'organizations',
	'organization_names',
	'memberships',
	'trainings',
	'training_events',
	'training_participants',
	'relationships',
	'elections',
	'contests',
	'contest_totals',
	'party_results',
	'party_list_entries',
	'candidacies',
	'campaign_activities'
] as const;
export type EditableTable = (typeof EDITABLE_TABLES)[number];

export function isEditableTable(value: string): value is EditableTable {
	return (EDITABLE_TABLES as readonly string[]).includes(value);
}

export type Row = Record<string, unknown>;

/** Columns the system maintains; a change never sets them from a form and history does not show them. */
const SYSTEM_COLUMNS = new Set(['id', 'version', 'created_at', 'updated_at', 'deleted_at', 'is_demo']);

export interface ChangeOptions {
	source?: string | null;
	reason?: string | null;
	/** Extra facts for the audit entry, e.g. { person_id } so a person's history shows her candidacies. */
	details?: Record<string, unknown>;
	importJobId?: number | null;
}

export class RecordNotFoundError extends Error {
	constructor(readonly table: EditableTable, readonly id: number) {
		super(`${table} ${id} does not exist or was deleted`);
	}
}

export interface ChangeMeanwhile {
	auditId: number;
	at: Date;
	userName: string | null;
	action: string;
	before: Row;
	after: Row;
	/** The change described in the request's language, for the conflict notice. */
	lines: ChangeLine[];
}

/** Saving a stale copy: carries the record as it is now and what changed since the copy was read. */
export class ConflictError extends Error {
	constructor(
		readonly current: Row,
		readonly meanwhile: ChangeMeanwhile[]
	) {
		super('The record was changed by someone else in the meantime');
	}
}

export class RevertConflictError extends Error {
	constructor(readonly fields: string[]) {
		super(`Later changes touched ${fields.join(', ')}`);
	}
}

/** A value in a form that compares equal whatever its JavaScript type (Date, number, string, array). */
export function comparable(value: unknown): string {
	if (value === undefined || value === null || value === '') return 'null';
	if (value instanceof Date) return JSON.stringify(value.toISOString());
	return JSON.stringify(value);
}

function jsonValue(value: unknown): unknown {
	if (value === undefined) return null;
	if (value instanceof Date) return value.toISOString();
	return value;
}

/** The fields of `changes` whose value differs from `current`, with both sides. */
export function diff(current: Row, changes: Row): { before: Row; after: Row } {
	const before: Row = {};
	const after: Row = {};
	for (const [key, value] of Object.entries(changes)) {
		if (SYSTEM_COLUMNS.has(key) || value === undefined) continue;
		if (comparable(current[key]) !== comparable(value)) {
			before[key] = jsonValue(current[key]);
			after[key] = jsonValue(value);
		}
	}
	return { before, after };
}

export function userFields(row: Row): Row {
	return Object.fromEntries(Object.entries(row).filter(([k]) => !SYSTEM_COLUMNS.has(k)).map(([k, v]) => [k, jsonValue(v)]));
}

/** jsonb columns: written as JSON text (the pg driver would send a JavaScript array as a PostgreSQL array). */
const JSON_COLUMNS = new Set(['identifiers']);

function stored(values: Row): Row {
	const out: Row = { ...values };
	for (const key of JSON_COLUMNS) if (key in out && out[key] !== null && typeof out[key] !== 'string') out[key] = JSON.stringify(out[key]);
	return out;
}

// Generic over the editable tables: Kysely's types cannot follow a table name chosen at run time.
const untyped = (db: Db) => db as unknown as Kysely<any>;

async function lockRow(trx: Db, table: EditableTable, id: number): Promise<Row | undefined> {
	return untyped(trx).selectFrom(table).selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function createRecord(trx: Db, context: AuditContext, table: EditableTable, values: Row, options: ChangeOptions = {}): Promise<Row> {
	const [row] = await createRecords(trx, context, table, [values], options);
	return row;
}

/**
 * createRecord for many rows at once (an import): one multi-row insert per chunk and one audit entry per
 * row, inserted together. Returns the rows in the order given (INSERT … RETURNING keeps the VALUES order).
 */
export async function createRecords(trx: Db, context: AuditContext, table: EditableTable, values: Row[], options: ChangeOptions = {}): Promise<Row[]> {
	const created: Row[] = [];
	// PostgreSQL takes at most 65,535 parameters in one statement, PGlite's protocol parser 32,767; the
	// audit rows (12 columns each) are inserted in the same chunks.
	const AUDIT_COLUMNS = 12;
	const chunk = Math.max(1, Math.floor(30_000 / Math.max(AUDIT_COLUMNS, Object.keys(values[0] ?? {}).length)));
	for (let start = 0; start < values.length; start += chunk) {
		const rows: Row[] = await untyped(trx).insertInto(table).values(values.slice(start, start + chunk).map(stored)).returningAll().execute();
		await trx
			.insertInto('audit_log')
			.values(
				rows.map((row) =>
					auditRow(context, {
						action: 'create',
						entity: table,
						entityId: row.id as number,
						after: { ...userFields(row), version: row.version },
						source: options.source,
						reason: options.reason,
						details: options.details,
						importJobId: options.importJobId
					})
				)
			)
			.execute();
		created.push(...rows);
	}
	return created;
}

/**
 * Applies `changes` to the record if it is still at `expectedVersion`; otherwise throws ConflictError
 * with what changed meanwhile, and nothing is written. A save that changes nothing writes nothing.
 */
export async function updateRecord(
	trx: Db,
	context: AuditContext,
	table: EditableTable,
	id: number,
	expectedVersion: number,
	changes: Row,
	options: ChangeOptions & { action?: string } = {}
): Promise<{ row: Row; changed: string[] }> {
	const current = await lockRow(trx, table, id);
	if (!current || current.deleted_at) throw new RecordNotFoundError(table, id);
	if (current.version !== expectedVersion) {
		throw new ConflictError(current, await changesSince(trx, table, id, expectedVersion));
	}
	const { before, after } = diff(current, changes);
	const changed = Object.keys(after);
	if (changed.length === 0) return { row: current, changed };
	const version = (current.version as number) + 1;
	const row: Row = await untyped(trx)
		.updateTable(table)
		.set({ ...stored(pick(changes, changed)), version, updated_at: new Date() })
		.where('id', '=', id)
		.returningAll()
		.executeTakeFirstOrThrow();
	await audit(trx, context, {
		action: options.action ?? 'update',
		entity: table,
		entityId: id,
		before: { ...before, version: current.version },
		after: { ...after, version },
		source: options.source,
		reason: options.reason,
		details: options.details,
		importJobId: options.importJobId
	});
	return { row, changed };
}

async function setDeleted(
	trx: Db,
	context: AuditContext,
	table: EditableTable,
	id: number,
	deleted: boolean,
	expectedVersion: number | undefined,
	options: ChangeOptions & { action?: string }
): Promise<Row> {
	const current = await lockRow(trx, table, id);
	if (!current || Boolean(current.deleted_at) === deleted) throw new RecordNotFoundError(table, id);
	if (expectedVersion !== undefined && current.version !== expectedVersion) {
		throw new ConflictError(current, await changesSince(trx, table, id, expectedVersion));
	}
	const version = (current.version as number) + 1;
	const deletedAt = deleted ? new Date() : null;
	const row: Row = await untyped(trx)
		.updateTable(table)
		.set({ deleted_at: deletedAt, version, updated_at: new Date() })
		.where('id', '=', id)
		.returningAll()
		.executeTakeFirstOrThrow();
	await audit(trx, context, {
		action: options.action ?? (deleted ? 'delete' : 'restore'),
		entity: table,
		entityId: id,
		before: { deleted_at: jsonValue(current.deleted_at), version: current.version },
		after: { deleted_at: jsonValue(deletedAt), version },
		source: options.source,
		reason: options.reason,
		details: options.details,
		importJobId: options.importJobId
	});
	return row;
}

/** Soft delete: the row stays, marked deleted, and can be restored. */
export function deleteRecord(trx: Db, context: AuditContext, table: EditableTable, id: number, expectedVersion?: number, options: ChangeOptions & { action?: string } = {}) {
	return setDeleted(trx, context, table, id, true, expectedVersion, options);
}

export function restoreRecord(trx: Db, context: AuditContext, table: EditableTable, id: number, options: ChangeOptions & { action?: string } = {}) {
	return setDeleted(trx, context, table, id, false, undefined, options);
}

/**
 * Reverts many creations at once (undoing an import): the rows are soft-deleted, each with a 'revert'
 * audit entry pointing at its creation. Refused, writing nothing, when any of them was edited or
 * deleted since it was created.
 */
export async function revertCreations(
	trx: Db,
	context: AuditContext,
	table: EditableTable,
	rows: { auditId: number; id: number; version: number }[],
	options: ChangeOptions = {}
): Promise<void> {
	const ids = rows.map((r) => r.id);
	const current: Row[] = await untyped(trx).selectFrom(table).select(['id', 'version', 'deleted_at']).where(sql<boolean>`id = any(${ids}::int[])`).forUpdate().execute();
	const byId = new Map(current.map((r) => [r.id as number, r]));
	if (rows.some((r) => byId.get(r.id)?.version !== r.version || byId.get(r.id)?.deleted_at)) throw new RevertConflictError(['version']);
	const deletedAt = new Date();
	for (let start = 0; start < rows.length; start += 2000) {
		const chunk = rows.slice(start, start + 2000);
		await untyped(trx)
			.updateTable(table)
			.set({ deleted_at: deletedAt, version: sql`version + 1`, updated_at: deletedAt })
			.where(sql<boolean>`id = any(${chunk.map((r) => r.id)}::int[])`)
			.execute();
		await trx
			.insertInto('audit_log')
			.values(
				chunk.map((r) =>
					auditRow(context, {
						action: 'revert',
						entity: table,
						entityId: r.id,
						before: { deleted_at: null, version: r.version },
						after: { deleted_at: deletedAt.toISOString(), version: r.version + 1 },
						source: options.source,
						reason: options.reason,
						details: { ...(options.details ?? {}), reverted_audit_id: r.auditId },
						importJobId: options.importJobId
					})
				)
			)
			.execute();
	}
}

/** The audit entries of a record written after it was at `version`. */
export async function changesSince(db: Db, table: EditableTable, id: number, version: number): Promise<ChangeMeanwhile[]> {
	const rows = await db
		.selectFrom('audit_log as a')
		.leftJoin('users as u', 'u.id', 'a.user_id')
		.select(['a.id', 'a.at', 'a.action', 'a.before', 'a.after', 'u.display_name'])
		.where('a.entity', '=', table)
		.where('a.entity_id', '=', id)
		.where(sql<number>`(a.before->>'version')::int`, '>=', version)
		.orderBy('a.id')
		.execute();
	return rows.map((r) => {
		const before = userFields((r.before ?? {}) as Row);
		const after = userFields((r.after ?? {}) as Row);
		return { auditId: r.id, at: r.at, userName: r.display_name, action: r.action, before, after, lines: describeChange(table, before, after) };
	});
}

/**
 * After a refused stale save: what the form should hold now. A field the user left as it was when she
 * loaded the form takes its current value (the other person's change stands); a field she changed
 * keeps her value. Her "save again" then re-applies exactly her changes.
 */
export function rebase(submitted: Row, current: Row, meanwhile: ChangeMeanwhile[]): Row {
	const rebased: Row = {};
	for (const [key, value] of Object.entries(submitted)) {
		const first = meanwhile.find((change) => key in change.before);
		const base = first ? first.before[key] : current[key];
		rebased[key] = key in current && comparable(value) === comparable(base) ? jsonValue(current[key]) : value;
	}
	return rebased;
}

export interface RevertTarget {
	auditId: number;
	table: EditableTable;
	id: number;
	action: string;
}

/** The change an audit entry records, if it is one that can be reverted. */
export async function revertTarget(db: Db, auditId: number): Promise<RevertTarget | undefined> {
	const entry = await db.selectFrom('audit_log').select(['id', 'entity', 'entity_id', 'action']).where('id', '=', auditId).executeTakeFirst();
	if (!entry?.entity || entry.entity_id === null || !isEditableTable(entry.entity)) return undefined;
	if (!['create', 'update', 'revert', 'delete', 'restore'].includes(entry.action)) return undefined;
	return { auditId: entry.id, table: entry.entity, id: entry.entity_id, action: entry.action };
}

/**
 * Undoes one change as a new change (history only grows): an edit puts its fields back, a creation
 * deletes, a deletion restores. Refuses when a later change touched the same fields.
 */
export async function revertChange(trx: Db, context: AuditContext, auditId: number, options: ChangeOptions = {}): Promise<Row> {
	const entry = await trx.selectFrom('audit_log').selectAll().where('id', '=', auditId).executeTakeFirst();
	const target = entry ? await revertTarget(trx, auditId) : undefined;
	if (!entry || !target) throw new Error(`Audit entry ${auditId} is not a revertible change`);
	const details = { ...(options.details ?? {}), reverted_audit_id: auditId };
	const revertOptions = { ...options, details, action: 'revert' };
	switch (target.action) {
		case 'create':
		case 'restore':
			return deleteRecord(trx, context, target.table, target.id, undefined, revertOptions);
		case 'delete':
			return restoreRecord(trx, context, target.table, target.id, revertOptions);
		default: {
			const current = await lockRow(trx, target.table, target.id);
			if (!current || current.deleted_at) throw new RecordNotFoundError(target.table, target.id);
			const before = userFields((entry.before ?? {}) as Row);
			const after = userFields((entry.after ?? {}) as Row);
			const touched = Object.keys(after).filter((k) => comparable(current[k]) !== comparable(after[k]));
			if (touched.length) throw new RevertConflictError(touched);
			const { row } = await updateRecord(trx, context, target.table, target.id, current.version as number, before, revertOptions);
			return row;
		}
	}
}

function pick(row: Row, keys: string[]): Row {
	return Object.fromEntries(keys.map((k) => [k, row[k]]));
}
