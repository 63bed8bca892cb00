import { z } from 'zod';
import { m } from '$lib/paraglide/messages';

// Building blocks for the entities' form schemas. Every message is a function so that it is worded
// in the language of the request that is being validated. Empty form fields arrive as '' and mean
// "no value" (null) for optional fields.

const emptyToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);
const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

export function requiredText(max: number) {
	return z
		.string({ error: () => m.required_field() })
		.trim()
		.min(1, { error: () => m.required_field() })
		.max(max, { error: () => m.text_too_long({ max }) });
}

export function optionalText(max: number) {
	return z.preprocess(emptyToNull, z.string().trim().max(max, { error: () => m.text_too_long({ max }) }).nullable()).default(null);
}

// A person's name as written: letters of any script, spaces, hyphens, apostrophes, full stops.
// Markup and SQL punctuation are refused outright rather than stored and escaped.
const NAME = /^[\p{L}\p{M}][\p{L}\p{M}\s'’.\-]*$/u;

export function personName(max = 200) {
	return requiredText(max).regex(NAME, { error: () => m.name_invalid_characters() });
}

export function optionalPersonName(max = 100) {
	return z.preprocess(
		emptyToNull,
		z.string().trim().max(max, { error: () => m.text_too_long({ max }) }).regex(NAME, { error: () => m.name_invalid_characters() }).nullable()
	).default(null);
}

export function optionalInt(min: number, max: number) {
	return z.preprocess(
		emptyToNull,
		z.coerce
			.number({ error: () => m.invalid_number() })
			.int({ error: () => m.invalid_number() })
			.min(min, { error: () => m.number_min({ min }) })
			.max(max, { error: () => m.number_max({ max }) })
			.nullable()
	).default(null);
}

export function requiredInt(min: number, max: number) {
	return z.preprocess(
		emptyToUndefined,
		z.coerce
			.number({ error: () => m.required_field() })
			.int({ error: () => m.invalid_number() })
			.min(min, { error: () => m.number_min({ min }) })
			.max(max, { error: () => m.number_max({ max }) })
	);
}

export const requiredDate = z.preprocess(emptyToUndefined, z.iso.date({ error: () => m.invalid_date() }));
export const optionalDate = z.preprocess(emptyToNull, z.iso.date({ error: () => m.invalid_date() }).nullable()).default(null);

export function choice<const T extends readonly [string, ...string[]]>(values: T) {
	return z.preprocess(emptyToUndefined, z.enum(values, { error: () => m.invalid_choice() }));
}

export function optionalChoice<const T extends readonly [string, ...string[]]>(values: T) {
	return z.preprocess(emptyToNull, z.enum(values, { error: () => m.invalid_choice() }).nullable()).default(null);
}

/** A checkbox: present ("on") is true, absent is false. */
export const checkbox = z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean());

/** Yes / no / unknown (e.g. elected before the result is known). */
export const triState = z.preprocess(
	(v) => (v === 'yes' || v === 'true' ? true : v === 'no' || v === 'false' ? false : v === '' || v === 'unknown' || v == null ? null : v),
	z.boolean({ error: () => m.invalid_choice() }).nullable()
);

export const idRef = z.coerce.number({ error: () => m.invalid_choice() }).int({ error: () => m.invalid_choice() }).positive({ error: () => m.invalid_choice() });
export const optionalIdRef = z.preprocess(emptyToNull, idRef.nullable()).default(null);
export const versionField = z.coerce.number({ error: () => m.invalid_id() }).int({ error: () => m.invalid_id() }).positive({ error: () => m.invalid_id() });
export const sourceField = optionalText(500);
