// What a column of an imported spreadsheet can be: a field of the person, her party, a training she
// attended, or an identifier another system gave her. Headers are recognised in English, Russian and
// Kyrgyz (and as EveryPolitician and the app's own exports write them); the user can change the guess.

export const IMPORT_FIELDS = [
	'full_name',
	'name_latin',
	'given_name',
	'family_name',
	'patronymic',
	'gender',
	'birth_year',
	'birth_date',
	'region',
	'background',
	'phone',
	'email',
	'messenger',
	'notes',
	'consent_stored_at',
	'consent_public_name',
	'identifier',
	'party',
	'training',
	'training_role',
	'training_completed',
	'source'
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Column index (as text, the form's key) → the field it fills; columns not listed are ignored. */
export type ColumnMapping = Partial<Record<string, ImportField>>;

/** Headers as people write them, normalised by `normalizeHeader`. The first field to claim a header wins. */
const SYNONYMS: Record<ImportField, string[]> = {
	full_name: ['name', 'full name', 'fullname', 'фио', 'ф и о', 'имя', 'полное имя', 'ф.и.о', 'аты-жөнү', 'аты жөнү', 'толук аты', 'аты'],
	name_latin: ['name latin', 'latin name', 'name in latin', 'sort name', 'sort_name', 'латиница', 'имя латиницей', 'латынча'],
	given_name: ['given name', 'first name', 'firstname', 'имя собственное', 'личное имя', 'ысымы'],
	family_name: ['family name', 'last name', 'surname', 'lastname', 'фамилия', 'фамилиясы'],
	patronymic: ['patronymic', 'middle name', 'отчество', 'атасынын аты'],
	gender: ['gender', 'sex', 'пол', 'жынысы'],
	birth_year: ['birth year', 'year of birth', 'born', 'год рождения', 'туулган жылы'],
	birth_date: ['birth date', 'date of birth', 'dob', 'birthday', 'дата рождения', 'туулган күнү'],
	region: ['region', 'oblast', 'area', 'область', 'регион', 'район', 'облус', 'аймак'],
	background: ['background', 'sector', 'occupation', 'сфера', 'род занятий', 'сфера деятельности', 'тармагы', 'иш тармагы'],
	phone: ['phone', 'telephone', 'mobile', 'tel', 'телефон', 'тел', 'мобильный', 'телефону'],
	email: ['email', 'e-mail', 'e mail', 'mail', 'электронная почта', 'эл почта', 'почта', 'электрондук почта'],
	messenger: ['messenger', 'whatsapp', 'telegram', 'мессенджер'],
	notes: ['notes', 'note', 'comment', 'comments', 'примечание', 'примечания', 'комментарий', 'эскертүү'],
	consent_stored_at: ['consent date', 'consent stored', 'consent given', 'дата согласия', 'макулдук күнү'],
	consent_public_name: ['consent to be named', 'public name', 'named publicly', 'consent public', 'согласие на имя', 'публичное имя', 'атын жарыялоого макулдук'],
	identifier: ['id', 'identifier', 'uuid', 'external id', 'идентификатор', 'код'],
	party: ['party', 'group', 'faction', 'партия', 'фракция', 'партиясы'],
	training: ['training', 'training title', 'course', 'тренинг', 'обучение', 'окуу'],
	training_role: ['training role', 'role', 'роль', 'ролу', 'ролу тренингде'],
	training_completed: ['completed', 'finished', 'завершила', 'окончила', 'бүтүрдү'],
	source: ['source', 'источник', 'булак']
};

export function normalizeHeader(header: string): string {
	return header
		.normalize('NFC')
		.toLowerCase()
		.replace(/[_.:;*()\[\]"']+/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
}

const BY_HEADER = new Map<string, ImportField>();
for (const field of IMPORT_FIELDS) {
	for (const synonym of SYNONYMS[field]) if (!BY_HEADER.has(normalizeHeader(synonym))) BY_HEADER.set(normalizeHeader(synonym), field);
}

/** The mapping guessed from the header row: each recognised header gets its field, once. */
export function guessMapping(headers: string[]): ColumnMapping {
	const mapping: ColumnMapping = {};
	const taken = new Set<ImportField>();
	headers.forEach((header, index) => {
		const field = BY_HEADER.get(normalizeHeader(header));
		if (field && !taken.has(field)) {
			mapping[String(index)] = field;
			taken.add(field);
		}
	});
	return mapping;
}

/** The header row as a key: a later file with the same headers (in any case or spacing) reuses the mapping. */
export function headerKey(headers: string[]): string {
	return headers.map(normalizeHeader).join('\u001f');
}
