import { z } from 'zod';

export type FieldErrors = Record<string, string>;

export type FormResult<T> =
	| { ok: true; data: T }
	| { ok: false; values: Record<string, unknown>; errors: FieldErrors };

/**
 * Validates a submitted form with a zod schema. On failure it returns what was typed (minus the
 * `secret` fields, e.g. passwords, which are never sent back) and one message per wrong field.
 */
export function validateForm<S extends z.ZodType>(
	schema: S,
	formData: FormData,
	options: { arrays?: string[]; secret?: string[] } = {}
): FormResult<z.output<S>> {
	const values: Record<string, unknown> = {};
	for (const key of new Set(formData.keys())) {
		const all = formData.getAll(key).filter((v): v is string => typeof v === 'string');
		values[key] = options.arrays?.includes(key) ? all : all[0];
	}
	for (const key of options.arrays ?? []) values[key] ??= [];
	const parsed = schema.safeParse(values);
	if (parsed.success) return { ok: true, data: parsed.data };
	const errors: FieldErrors = {};
	for (const issue of parsed.error.issues) {
		const field = issue.path.length ? String(issue.path[0]) : '_form';
		errors[field] ??= issue.message;
	}
	for (const key of options.secret ?? []) delete values[key];
	return { ok: false, values, errors };
}

/**
 * Query-string parameters through a schema; invalid ones fall back to the schema's defaults. Parameters
 * named in `arrays` may repeat (checkboxes of a GET form) and arrive as lists.
 */
export function validateQuery<S extends z.ZodType>(schema: S, params: URLSearchParams, options: { arrays?: string[] } = {}): { data: z.output<S>; errors: FieldErrors } {
	const raw: Record<string, unknown> = Object.fromEntries(params);
	for (const key of options.arrays ?? []) raw[key] = params.getAll(key);
	const parsed = schema.safeParse(raw);
	if (parsed.success) return { data: parsed.data, errors: {} };
	const errors: FieldErrors = {};
	const cleaned: Record<string, unknown> = { ...raw };
	for (const issue of parsed.error.issues) {
		const field = String(issue.path[0] ?? '_query');
		errors[field] ??= issue.message;
		delete cleaned[field];
	}
	return { data: schema.parse(cleaned), errors };
}
