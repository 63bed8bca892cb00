import { m } from '$lib/paraglide/messages';
import { PEOPLE_FIELDS } from './people';
import { TRAINING_FIELDS } from './trainings';
import { ELECTION_FIELDS } from './elections';

/** How a column is named and its value shown, in history and conflict notices. */
export interface FieldDisplay {
	label: () => string;
	format?: (value: unknown) => string;
}

export type FieldMap = Record<string, Record<string, FieldDisplay>>;

const FIELDS: FieldMap = { ...PEOPLE_FIELDS, ...TRAINING_FIELDS, ...ELECTION_FIELDS };

/** One changed field, named and its values shown in the request's language: made on the server. */
export interface ChangeLine {
	label: string;
	/** Absent when the field had no value before (a record created, a field first set). */
	before?: string;
	after: string;
}

/** A change someone else made, as a conflict notice shows it. */
export interface ChangeMade {
	at: Date | string;
	userName: string | null;
	lines: ChangeLine[];
}

/** Internal keys that are no one's business in a history or a conflict notice. */
const HIDDEN = new Set(['search_key', 'sort_key']);

/**
 * A change as lines, "field: before → after", in the request's language. Described on the server, so
 * that pages showing changes do not ship every table's field names and value labels in every language.
 */
export function describeChange(table: string, before: Record<string, unknown>, after: Record<string, unknown>): ChangeLine[] {
	const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((f) => !HIDDEN.has(f));
	return fields.map((field) => ({
		label: fieldLabel(table, field),
		...(field in before ? { before: formatFieldValue(table, field, before[field]) } : {}),
		after: formatFieldValue(table, field, after[field])
	}));
}

export function fieldLabel(table: string, column: string): string {
	if (column === 'deleted_at') return m.field_deleted_at();
	return FIELDS[table]?.[column]?.label() ?? column;
}

export function formatFieldValue(table: string, column: string, value: unknown): string {
	if (value === null || value === undefined || value === '') return m.value_empty();
	const format = FIELDS[table]?.[column]?.format;
	if (format) return format(value);
	if (typeof value === 'boolean') return value ? m.yes() : m.no();
	if (Array.isArray(value)) return value.join(', ');
	return String(value);
}
