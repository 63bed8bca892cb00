import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { TEXT_LANGUAGES } from '$lib/i18n/labels-trainings';
import { PARTICIPANT_ROLES, TRAINING_EVENT_KINDS, TRAINING_KINDS } from '../../domain/enums';
import { choice, idRef, optionalChoice, optionalIdRef, optionalText, requiredDate, requiredText, sourceField, versionField } from '../fields';

const emptyToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);
const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const hasMarkup = (v: string) => /[<>]/.test(v);

// Titles and names as written, in any script, with ordinary punctuation. Markup and SQL punctuation
// (< > ; = and the like) are refused outright rather than stored and escaped.
const TITLE = /^[\p{L}\p{M}\p{N}\s.,:!?'’"«»“”„()[\]\-–—/&№#+%]*$/u;

export function titleText(max: number) {
	return requiredText(max)
		.refine((v) => !hasMarkup(v), { error: () => m.no_markup() })
		.regex(TITLE, { error: () => m.training_title_characters() });
}

export function optionalTitleText(max: number) {
	return z.preprocess(emptyToNull, titleText(max).nullable()).default(null);
}

/** A short optional text (a place, a role) without markup. */
export function optionalPlainText(max: number) {
	return z
		.preprocess(
			emptyToNull,
			z
				.string()
				.trim()
				.max(max, { error: () => m.text_too_long({ max }) })
				.refine((v) => !hasMarkup(v), { error: () => m.no_markup() })
				.nullable()
		)
		.default(null);
}

const endAfterStart = { path: ['end_date'], error: () => m.end_before_start() };
/** For optional dates: only when both are given. */
export const datesInOrder = (v: { start_date: string | null; end_date: string | null }) => !v.start_date || !v.end_date || v.end_date >= v.start_date;

const trainingFields = z.object({
	title: titleText(200),
	kind: choice(TRAINING_KINDS),
	start_date: requiredDate,
	end_date: requiredDate,
	region_id: optionalIdRef,
	location: optionalPlainText(200),
	organizer_id: optionalIdRef,
	curriculum: optionalText(5000),
	language: optionalChoice(TEXT_LANGUAGES),
	parent_training_id: optionalIdRef,
	notes: optionalText(5000),
	source: sourceField
});

export const trainingSchema = trainingFields.refine(datesInOrder, endAfterStart);
export const editTrainingSchema = trainingFields.extend({ version: versionField }).refine(datesInOrder, endAfterStart);
export type TrainingInput = z.output<typeof trainingSchema>;

export const eventSchema = z.object({
	kind: choice(TRAINING_EVENT_KINDS),
	date: requiredDate,
	title: titleText(200),
	description: optionalText(2000),
	source: sourceField
});
export type EventInput = z.output<typeof eventSchema>;

export const addParticipantSchema = z.object({ person_id: idRef, role: choice(PARTICIPANT_ROLES), source: sourceField });
export type AddParticipantInput = z.output<typeof addParticipantSchema>;

/** One row of a list (an event, a participation, a membership): which one, at which version. */
export const rowSchema = z.object({ id: idRef, version: versionField, source: sourceField });

const yesNo = z.preprocess((v) => (v === 'true' ? true : v === 'false' ? false : v), z.boolean({ error: () => m.invalid_choice() }));
export const completedSchema = rowSchema.extend({ completed: yesNo });
export const roleSchema = rowSchema.extend({ role: choice(PARTICIPANT_ROLES) });

/** Deleting a record from its edit page: the version the page was loaded with. */
export const deleteSchema = z.object({ version: versionField, source: sourceField });

export const TRAINING_SORTS = ['date', 'title', 'participants'] as const;
export type TrainingSort = (typeof TRAINING_SORTS)[number];

const blank = <T extends z.ZodType>(schema: T) => z.preprocess(emptyToUndefined, schema.optional());

/** The list's filters, sort and page, from the URL (so a view can be bookmarked and shared). */
export const trainingListSchema = z.object({
	kind: blank(z.enum(TRAINING_KINDS, { error: () => m.invalid_choice() })),
	region: blank(z.coerce.number({ error: () => m.invalid_choice() }).int().positive()),
	year: blank(z.coerce.number({ error: () => m.invalid_number() }).int().min(1990).max(2100)),
	sort: z.enum(TRAINING_SORTS).default('date'),
	dir: z.enum(['asc', 'desc']).default('desc'),
	page: z.coerce.number().int().min(1).max(100_000).default(1)
});
export type TrainingListQuery = z.output<typeof trainingListSchema>;

/** The person search on a record page (adding a participant or a member). */
export const personSearchSchema = z.object({
	q: z.string().trim().max(100, { error: () => m.search_too_long() }).default(''),
	source: z.string().trim().max(500).default('')
});
