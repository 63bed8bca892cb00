// One spreadsheet row → the person it describes (the person form's own schema, so an import accepts
// exactly what the form accepts), her party, the training she attended, her identifier, and the
// problems found, each named by the column it came from.

import { BACKGROUNDS, GENDERS, PARTICIPANT_ROLES, type Background, type Gender, type Locale, type ParticipantRole } from '../../domain/enums';
import { parseBooleanCell, parseDateCell, parseIntegerCell } from '../../domain/import/values';
import { BACKGROUND_LABELS, GENDER_LABELS } from '$lib/i18n/labels';
import { m } from '$lib/paraglide/messages';
import { locales } from '$lib/paraglide/runtime';
import { personSchema, type PersonInput } from '../people/schema';
import type { ColumnMapping, ImportField } from './fields';

/** A problem with one cell (or the row as a whole when column is null). */
export interface CellProblem {
	column: string | null;
	message: string;
}

/** What a valid row holds besides the person. */
export interface RowExtras {
	identifier: string | null;
	party: string | null;
	/** A training's id, found by its title or number. */
	trainingId: number | null;
	trainingRole: ParticipantRole;
	trainingCompleted: boolean;
}

export type ReadRow = { ok: true; person: PersonInput; extras: RowExtras } | { ok: false; problems: CellProblem[] };

/** What the rows are matched against: regions and trainings by their names. */
export interface Lookups {
	/** Normalised name (any language) or code → region id. */
	regions: Map<string, number>;
	/** Normalised title or id as text → training id. */
	trainings: Map<string, number>;
}

/** A cell as written before the app's own CSV export defused it ("'+996 …" → "+996 …"; see src/lib/domain/csv.ts). */
export const undefused = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

export const normalizeName = (text: string) =>
	text
		.normalize('NFC')
		.toLowerCase()
		.replace(/[\s\p{P}]+/gu, ' ')
		.trim();

type Labelled = (inputs?: object, options?: { locale?: Locale }) => string;

/** Codes, their labels in every language of the app, and the words spreadsheets use for them. */
function choiceTable<T extends string>(codes: readonly T[], labels: Partial<Record<T, () => string>>, extra: Record<string, T>): Map<string, T> {
	const table = new Map<string, T>();
	for (const code of codes) {
		table.set(normalizeName(code.replace(/_/g, ' ')), code);
		const label = labels[code] as Labelled | undefined;
		if (label) for (const locale of locales) table.set(normalizeName(label({}, { locale })), code);
	}
	for (const [word, code] of Object.entries(extra)) table.set(normalizeName(word), code);
	return table;
}

const GENDER_WORDS = choiceTable<Gender>(GENDERS, GENDER_LABELS, {
	f: 'female', w: 'female', woman: 'female', ж: 'female', жен: 'female', женщина: 'female', женский: 'female', аял: 'female', 'аял заты': 'female',
	m: 'male', man: 'male', м: 'male', муж: 'male', мужчина: 'male', мужской: 'male', эркек: 'male'
});
const BACKGROUND_WORDS = choiceTable<Background>(BACKGROUNDS, BACKGROUND_LABELS, { нпо: 'ngo', нко: 'ngo', 'non-governmental': 'ngo', сми: 'media', journalist: 'media', журналист: 'media', student: 'university', студент: 'university' });
const ROLE_WORDS = choiceTable<ParticipantRole>(PARTICIPANT_ROLES, {}, {
	trainer: 'facilitator', тренер: 'facilitator', фасилитатор: 'facilitator',
	участник: 'participant', участница: 'participant', катышуучу: 'participant'
});

// Building the form's schema costs more than validating a row with it: one per day is enough.
let cached: { day: string; schema: ReturnType<typeof personSchema> } | undefined;
function schemaFor(now: Date) {
	const day = now.toISOString().slice(0, 10);
	if (cached?.day !== day) cached = { day, schema: personSchema(now) };
	return cached.schema;
}

/** The person form's fields filled from the row (as the form would post them), and the problems of the other columns. */
export function readRow(cells: string[], mapping: ColumnMapping, headers: string[], lookups: Lookups, now = new Date()): ReadRow {
	const value: Partial<Record<ImportField, string>> = {};
	const columnOf: Partial<Record<ImportField, string>> = {};
	for (const [index, field] of Object.entries(mapping)) {
		if (!field) continue;
		value[field] = undefused((cells[Number(index)] ?? '').trim());
		columnOf[field] = headers[Number(index)] ?? `#${Number(index) + 1}`;
	}
	const problems: CellProblem[] = [];
	const problem = (field: ImportField, message: string) => problems.push({ column: columnOf[field] ?? null, message });

	const form: Record<string, unknown> = {};
	for (const field of ['full_name', 'name_latin', 'given_name', 'family_name', 'patronymic', 'phone', 'email', 'messenger', 'notes', 'source'] as const) {
		form[field] = value[field] ?? '';
	}
	form.gender = value.gender ? (GENDER_WORDS.get(normalizeName(value.gender)) ?? value.gender) : 'unknown';
	form.background = value.background ? (BACKGROUND_WORDS.get(normalizeName(value.background)) ?? value.background) : '';

	const year = value.birth_year ? parseIntegerCell(value.birth_year) : null;
	const born = value.birth_date ? parseDateCell(value.birth_date) : null;
	if (year === 'invalid') problem('birth_year', m.invalid_number());
	if (born === 'invalid') problem('birth_date', m.invalid_date());
	form.birth_year = typeof year === 'number' ? String(year) : typeof born === 'string' && born !== 'invalid' ? born.slice(0, 4) : '';

	const consentDate = value.consent_stored_at ? parseDateCell(value.consent_stored_at) : null;
	if (consentDate === 'invalid') problem('consent_stored_at', m.invalid_date());
	form.consent_stored_at = consentDate && consentDate !== 'invalid' ? consentDate : '';
	const consentPublic = value.consent_public_name ? parseBooleanCell(value.consent_public_name) : false;
	if (consentPublic === 'invalid') problem('consent_public_name', m.import_yes_or_no());
	form.consent_public_name = consentPublic === true;

	if (value.region) {
		const region = lookups.regions.get(normalizeName(value.region));
		if (region === undefined) problem('region', m.import_unknown_region({ value: value.region }));
		form.region_id = region === undefined ? '' : String(region);
	}

	let trainingId: number | null = null;
	if (value.training) {
		trainingId = lookups.trainings.get(normalizeName(value.training)) ?? null;
		if (trainingId === null) problem('training', m.import_unknown_training({ value: value.training }));
	}
	const role = value.training_role ? ROLE_WORDS.get(normalizeName(value.training_role)) : 'participant';
	if (!role) problem('training_role', m.invalid_choice());
	const completed = value.training_completed ? parseBooleanCell(value.training_completed) : true;
	if (completed === 'invalid') problem('training_completed', m.import_yes_or_no());

	const parsed = schemaFor(now).safeParse(form);
	if (!parsed.success) {
		for (const issue of parsed.error.issues) {
			const field = String(issue.path[0] ?? '');
			const importField = (field === 'region_id' ? 'region' : field === 'birth_year' && !value.birth_year ? 'birth_date' : field) as ImportField;
			problem(importField, issue.message);
		}
	}
	if (problems.length || !parsed.success) return { ok: false, problems };
	return {
		ok: true,
		person: parsed.data,
		extras: {
			identifier: value.identifier || null,
			party: value.party && !/^(unknown|неизвестно|белгисиз|-|—)$/i.test(value.party) ? value.party : null,
			trainingId,
			trainingRole: role ?? 'participant',
			trainingCompleted: completed === true
		}
	};
}
