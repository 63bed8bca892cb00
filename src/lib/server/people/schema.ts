import { z } from 'zod';
import { BACKGROUNDS, GENDERS, RELATIONSHIP_KINDS } from '../../domain/enums';
import { m } from '$lib/paraglide/messages';
import {
	checkbox,
	choice,
	idRef,
	optionalChoice,
	optionalDate,
	optionalIdRef,
	optionalInt,
	optionalPersonName,
	optionalText,
	personName,
	sourceField,
	versionField
} from '../fields';

/** Languages a person's record may list (codes; labels in src/lib/i18n/labels.ts). */
export const PERSON_LANGUAGES = ['ky', 'ru', 'en', 'uz'] as const;

const emptyToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);

const phoneField = z
	.preprocess(emptyToNull, z.string().trim().max(40, { error: () => m.text_too_long({ max: 40 }) }).regex(/^\+?[\d\s()-]{5,}$/, { error: () => m.phone_invalid() }).nullable())
	.default(null);

const emailField = z
	.preprocess(emptyToNull, z.string().trim().toLowerCase().max(254, { error: () => m.email_too_long() }).pipe(z.email({ error: () => m.email_invalid() })).nullable())
	.default(null);

/** The person form (create and edit). Derived columns (Latin name, search and sort keys) are not in it. */
export function personSchema(now = new Date()) {
	const year = now.getUTCFullYear();
	return z
		.object({
			full_name: personName(200),
			name_latin: optionalText(200),
			given_name: optionalPersonName(100),
			family_name: optionalPersonName(100),
			patronymic: optionalPersonName(100),
			gender: choice(GENDERS),
			birth_year: optionalInt(1900, year),
			region_id: optionalIdRef,
			background: optionalChoice(BACKGROUNDS),
			languages: z.array(z.enum(PERSON_LANGUAGES, { error: () => m.invalid_choice() })).max(PERSON_LANGUAGES.length).default([]),
			phone: phoneField,
			email: emailField,
			messenger: optionalText(100),
			notes: optionalText(5000),
			consent_stored_at: optionalDate.refine((d) => d === null || d <= now.toISOString().slice(0, 10), { error: () => m.date_in_future() }),
			consent_recorded_by: optionalText(100),
			consent_public_name: checkbox,
			source: sourceField
		})
		.refine((p) => p.name_latin === null || /^[\p{Script=Latin}\p{M}\s'’.\-]+$/u.test(p.name_latin), {
			path: ['name_latin'],
			error: () => m.latin_letters_only()
		});
}
export type PersonInput = z.output<ReturnType<typeof personSchema>>;

export const editPersonSchema = (now = new Date()) => personSchema(now).and(z.object({ version: versionField }));

export const createPersonSchema = (now = new Date()) => personSchema(now).and(z.object({ notDuplicate: checkbox }));

export const relationshipSchema = z.object({
	other_person_id: idRef,
	kind: choice(RELATIONSHIP_KINDS),
	start_date: optionalDate,
	note: optionalText(1000),
	source: sourceField
});

export const mergeSchema = z.object({ other: idRef, version: versionField, otherVersion: versionField, source: sourceField });

export const recordIdSchema = z.object({ id: idRef, version: versionField.optional() });
