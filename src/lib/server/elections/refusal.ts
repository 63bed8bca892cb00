import { error, fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { ConflictError, RecordNotFoundError, type ChangeMeanwhile, type Row } from '../records/changes';
import type { FieldErrors } from '../forms';

/**
 * An expected refusal of a change (a duplicate, a rule across records, a record out of the user's
 * regions), with the field to show it at — or none, for a message about the whole form.
 */
export class RecordRefusal extends Error {
	constructor(
		message: string,
		readonly field: string | null = null,
		readonly status: 400 | 403 | 404 | 409 = 400,
		/** Every field refused, when there are several (the first is `field`). */
		readonly errors: FieldErrors = field ? { [field]: message } : {}
	) {
		super(message);
	}

	/** A refusal of several fields at once (e.g. the candidacy rules), or undefined when there is none. */
	static of(errors: FieldErrors): RecordRefusal | undefined {
		const [field] = Object.keys(errors);
		return field ? new RecordRefusal(errors[field], field, 400, errors) : undefined;
	}
}

/** A record id from the URL; anything else is a page that does not exist. */
export function idParam(value: string): number {
	const id = Number(value);
	if (!/^\d{1,9}$/.test(value) || !Number.isSafeInteger(id) || id <= 0) error(404, m.record_not_found());
	return id;
}

/**
 * The changes of an edit form: its source, when one was given, also becomes the record's source; an
 * empty source field keeps the record's (it is still stored with the change, as none).
 */
export function withSource<T extends Record<string, unknown>>(values: T, source: string | null): T & { source?: string } {
	return source ? { ...values, source } : values;
}

/** Postgres unique violation (a partial unique index such as "one candidacy per person per contest"). */
export function isUniqueViolation(e: unknown): boolean {
	return (e as { code?: string })?.code === '23505';
}

export interface FormFailure {
	values: Record<string, unknown>;
	errors: FieldErrors;
	message?: string;
	/** A stale save: what others changed meanwhile (the form now carries the current version). */
	conflict?: ChangeMeanwhile[];
}

/**
 * The answer of a form action whose change was refused: the form comes back with what was typed and
 * the reason at its field; a stale save comes back with the current version and what changed.
 * `versionField` names the form's version field of the stale record (a grid has one per row); `extra`
 * says which form of the page failed.
 */
export function refusedChange(
	e: unknown,
	values: Record<string, unknown>,
	extra: { grid?: string; versionField?: (current: Row) => string } = {}
) {
	const { grid, versionField = () => 'version' } = extra;
	if (e instanceof RecordRefusal) {
		const failure: FormFailure = { values, errors: e.errors, message: e.field ? undefined : e.message };
		return fail(e.status, { ...failure, grid });
	}
	if (e instanceof ConflictError) {
		const version = { [versionField(e.current)]: String(e.current.version) };
		const failure: FormFailure = { values: { ...values, ...version }, errors: {}, conflict: e.meanwhile };
		return fail(409, { ...failure, grid });
	}
	if (e instanceof RecordNotFoundError) error(404, m.record_not_found());
	throw e;
}
