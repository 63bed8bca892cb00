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
