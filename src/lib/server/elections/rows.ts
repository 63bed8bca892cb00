import type { z } from 'zod';
import type { FieldErrors } from '../forms';
import { sourceField } from '../fields';

// Grid forms (the results of a contest, its party results, a party list) post many rows at once:
// each field is named `<field>-<row key>` and each row has a hidden `row` input with its key. Every
// row goes through the same zod schema; an error is reported at `<field>-<row key>`, so the grid can
// show it at its cell (id="field-<field>-<key>-error") and name the row. The one source of the whole
// save is the field named `sourceName`.

export type RowsResult<T> =
	| { ok: true; rows: Array<{ key: string; data: T }>; source: string | null }
	| { ok: false; values: Record<string, string>; errors: FieldErrors };

export function formValues(formData: FormData): Record<string, string> {
	const values: Record<string, string> = {};
	for (const [key, value] of formData) if (typeof value === 'string' && !(key in values)) values[key] = value;
	return values;
}

/** The keys of the rows posted (the `row` inputs), each once, in the order posted. */
export function rowKeys(formData: FormData, name = 'row'): string[] {
	return [...new Set(formData.getAll(name).filter((v): v is string => typeof v === 'string' && /^[A-Za-z0-9]{1,20}$/.test(v)))];
}

/**
 * Validates each posted row with `schemaFor(key)`; `check` may add errors across rows (e.g. two rows
 * claiming the same list position). Any error anywhere → no rows, only the errors.
 */
export function validateRows<S extends z.ZodType>(
	formData: FormData,
	fields: readonly string[],
	schemaFor: (key: string) => S,
	check?: (rows: Array<{ key: string; data: z.output<S> }>, addError: (field: string, key: string, message: string) => void) => void,
	sourceName = 'source'
): RowsResult<z.output<S>> {
	const values = formValues(formData);
	const errors: FieldErrors = {};
	const addError = (field: string, key: string, message: string) => {
		errors[`${field}-${key}`] ??= message;
	};
	const rows: Array<{ key: string; data: z.output<S> }> = [];
	for (const key of rowKeys(formData)) {
		const raw = Object.fromEntries(fields.map((f) => [f, values[`${f}-${key}`]]));
		const parsed = schemaFor(key).safeParse(raw);
		if (parsed.success) rows.push({ key, data: parsed.data });
		else for (const issue of parsed.error.issues) addError(String(issue.path[0] ?? fields[0]), key, issue.message);
	}
	if (Object.keys(errors).length === 0) check?.(rows, addError);
	const source = sourceField.safeParse(values[sourceName] ?? '');
	if (!source.success) errors[sourceName] = source.error.issues[0].message;
	return Object.keys(errors).length || !source.success ? { ok: false, values, errors } : { ok: true, rows, source: source.data };
}
