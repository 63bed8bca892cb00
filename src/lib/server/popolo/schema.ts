import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { GENDERS, ORGANIZATION_KINDS, type OrganizationKind } from '../../domain/enums';
import { optionalPersonName, personName } from '../fields';
import { titleText } from '../trainings/schema';

// The Popolo document (http://www.popoloproject.com/specs/) as this tracker reads and writes it.
// Reading is tolerant of keys it does not use (EveryPolitician adds many) and strict on the ones it
// uses: a wrong value anywhere refuses the whole file, naming the place (`persons[3].name`).
// Keys starting with `x_` are this tracker's additions to the standard; other tools ignore them.

/** A Popolo date: a year, a month or a day ('2012', '2012-11', '2012-11-25'). */
const POPOLO_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

const absentIfEmpty = (v: unknown) => (v === null || (typeof v === 'string' && v.trim() === '') ? undefined : v);
const text = (max: number) => z.string().trim().min(1).max(max, { error: () => m.text_too_long({ max }) });
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(absentIfEmpty, schema.optional());
const list = <T extends z.ZodType>(item: T) => z.preprocess((v) => v ?? undefined, z.array(item).default([]));
const popoloDate = optional(z.string().regex(POPOLO_DATE, { error: () => m.popolo_date_invalid() }));

const identifier = z.looseObject({ scheme: text(100), identifier: text(300) });
const otherName = z.looseObject({
	name: text(300),
	lang: optional(text(35)),
	note: optional(text(300)),
	start_date: popoloDate,
	end_date: popoloDate
});
const contactDetail = z.looseObject({ type: text(50), value: text(300) });
const link = z.looseObject({ url: text(300), note: optional(text(300)) });

const person = z.looseObject({
	id: text(300),
	name: personName(200),
	other_names: list(otherName),
	given_name: optionalPersonName(100),
	family_name: optionalPersonName(100),
	patronymic_name: optionalPersonName(100),
	gender: optional(z.preprocess((v) => (typeof v === 'string' ? v.trim().toLowerCase() : v), z.enum(GENDERS, { error: () => m.invalid_choice() }))),
	birth_date: popoloDate,
	email: optional(z.string().trim().toLowerCase().pipe(z.email({ error: () => m.email_invalid() }))),
	identifiers: list(identifier),
	contact_details: list(contactDetail)
});

const organization = z.looseObject({
	id: text(300),
	name: titleText(200),
	classification: optional(text(100)),
	other_names: list(otherName),
	identifiers: list(identifier),
	links: list(link),
	area_id: optional(text(300))
});

const membership = z.looseObject({
	person_id: text(300),
	organization_id: text(300),
	role: optional(text(100)),
	on_behalf_of_id: optional(text(300)),
	legislative_period_id: optional(text(300)),
	post_id: optional(text(300)),
	start_date: popoloDate,
	end_date: popoloDate
});

const event = z.looseObject({ id: text(300), classification: optional(text(100)), start_date: popoloDate, end_date: popoloDate });
const area = z.looseObject({ id: text(300), identifiers: list(identifier) });
const post = z.looseObject({ id: text(300), organization_id: optional(text(300)) });

export const popoloDocumentSchema = z.looseObject({
	persons: list(person),
	organizations: list(organization),
	memberships: list(membership),
	posts: list(post),
	events: list(event),
	areas: list(area)
});
export type PopoloInput = z.output<typeof popoloDocumentSchema>;
export type PopoloPersonInput = PopoloInput['persons'][number];
export type PopoloOrganizationInput = PopoloInput['organizations'][number];
export type PopoloMembershipInput = PopoloInput['memberships'][number];

/** Something wrong at one place of the document: `persons[3].name` and what. */
export interface PopoloProblem {
	path: string;
	message: string;
}

/** `['persons', 3, 'name']` → `persons[3].name`. */
export function popoloPath(path: ReadonlyArray<PropertyKey>): string {
	return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');
}

/** Reads a parsed JSON value as a Popolo document, or says where it is wrong (at most `limit` places). */
export function parsePopolo(document: unknown, limit = 50): { ok: true; data: PopoloInput } | { ok: false; problems: PopoloProblem[] } {
	const parsed = popoloDocumentSchema.safeParse(document, {
		// The building blocks word their own messages; these cover the plain types above.
		error: (issue) => {
			if (issue.code === 'invalid_type') return issue.input === undefined ? m.required_field() : m.popolo_wrong_type({ expected: issue.expected });
			if (issue.code === 'too_small') return m.required_field();
			return m.popolo_invalid_value();
		}
	});
	if (parsed.success) return { ok: true, data: parsed.data };
	const problems = parsed.error.issues.slice(0, limit).map((issue) => ({ path: popoloPath(issue.path) || m.popolo_document(), message: issue.message }));
	return { ok: false, problems };
}

// Organization kinds ↔ Popolo classifications. A legislature or council is a government body here;
// the export writes each kind under its own name, so that the tracker reads its own files back as
// they were.
const CLASSIFICATION_KINDS: Record<string, OrganizationKind> = {
	legislature: 'government',
	chamber: 'government',
	executive: 'government',
	council: 'government',
	'political party': 'party',
	'non-governmental organization': 'ngo'
};

export function kindOfClassification(classification: string | undefined): OrganizationKind {
	const key = (classification ?? '').trim().toLowerCase();
	if ((ORGANIZATION_KINDS as readonly string[]).includes(key)) return key as OrganizationKind;
	return CLASSIFICATION_KINDS[key] ?? 'other';
}

/**
 * A name with case, spaces, punctuation and accents ignored, so that "Ata Meken", "AtaMeken" and
 * "ATA-MEKEN" are one party.
 */
export function normalisedName(name: string): string {
	return name
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Popolo's birth_date → a birth year ('1975', '1975-03' and '1975-03-08' all give 1975). */
export function birthYear(date: string | undefined): number | null {
	return date ? Number(date.slice(0, 4)) : null;
}

/** Only whole days fit a date column; a year or month alone is not turned into a made-up day. */
export function fullDate(date: string | undefined): string | null {
	return date && date.length === 10 ? date : null;
}

// --- The document the export writes ---------------------------------------------------------------

export interface PopoloIdentifier {
	scheme: string;
	identifier: string;
}

export interface PopoloName {
	name: string;
	lang?: string;
	note?: string;
	start_date?: string;
	end_date?: string;
}

export interface PopoloPerson {
	id: string;
	name: string;
	other_names?: PopoloName[];
	given_name?: string;
	family_name?: string;
	patronymic_name?: string;
	gender?: string;
	birth_date?: string;
	identifiers?: PopoloIdentifier[];
	contact_details?: Array<{ type: string; value: string }>;
}

export interface PopoloOrganization {
	id: string;
	name: string;
	classification: string;
	other_names?: PopoloName[];
	identifiers?: PopoloIdentifier[];
	links?: Array<{ url: string; note?: string }>;
	area_id?: string;
}

export interface PopoloMembership {
	id: string;
	person_id: string;
	organization_id: string;
	role?: string;
	post_id?: string;
	on_behalf_of_id?: string;
	start_date?: string;
	end_date?: string;
	/** A candidacy (Popolo has none): the election, how far she got, her place on the list, the result. */
	x_candidacy?: { election_id: string; status: string; list_position?: number; elected?: boolean };
}

export interface PopoloPost {
	id: string;
	label: string;
	role: string;
	organization_id: string;
	area_id: string;
	/** The contest (Popolo has none): its election, seats, electoral system and district. */
	x_contest: { election_id: string; seats?: number; electoral_system: string; district?: string };
}

export interface PopoloEvent {
	id: string;
	name: string;
	classification: string;
	start_date: string;
}

export interface PopoloArea {
	id: string;
	name: string;
	classification: string;
	identifiers: PopoloIdentifier[];
	parent_id?: string;
}

export interface PopoloDocument {
	persons: PopoloPerson[];
	organizations: PopoloOrganization[];
	memberships: PopoloMembership[];
	posts: PopoloPost[];
	events: PopoloEvent[];
	areas: PopoloArea[];
}
