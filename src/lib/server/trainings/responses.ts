import { error, fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { ConflictError, RecordNotFoundError } from '../records/changes';
import { idRef } from '../fields';
import { InputError, isUniqueViolation } from './errors';

// How the routes of trainings and organizations answer: which record a URL names, and the expected
// refusals of a change as form failures that keep what was typed.

/** The record id in a URL; anything else is a page that does not exist. */
export function recordId(param: string | undefined): number {
	const id = idRef.safeParse(param);
	if (!id.success) error(404, m.record_not_found());
	return id.data;
}

type Values = Record<string, unknown>;

/**
 * A refused change as a form failure: a field error (400), someone else's change in the meantime
 * (409, with what they changed), a record gone meanwhile (404). `duplicate` names the field a unique
 * violation is about. Anything else is unexpected and rethrown.
 */
export function refusal(e: unknown, action: string, values: Values, duplicate?: { field: string; message: string }) {
	if (e instanceof InputError) return fail(400, { action, values, errors: { [e.field]: e.message } });
	if (duplicate && isUniqueViolation(e)) return fail(400, { action, values, errors: { [duplicate.field]: duplicate.message } });
	if (e instanceof ConflictError) return fail(409, { action, values, errors: {}, conflict: e.meanwhile });
	if (e instanceof RecordNotFoundError) return fail(404, { action, values, errors: {}, message: m.record_not_found() });
	throw e;
}

/** A form that did not validate: what was typed and one message per wrong field. */
export function invalid(action: string, parsed: { values: Values; errors: Record<string, string> }) {
	return fail(400, { action, values: parsed.values, errors: parsed.errors });
}
