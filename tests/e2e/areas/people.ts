import { staffOnly, writers, type BadInputCase, type MatrixEntry, type MatrixIds } from '../permission-matrix';

/** Pages of this area an admin sees, for the every-page checks (languages, accessibility, phone width). */
export function peoplePages(ids: MatrixIds): string[] {
	return [
		'/people',
		'/people?region=1&sort=birth_year&dir=desc',
		'/people/new',
		`/people/${ids.person}`,
		`/people/${ids.person}?tieq=a`,
		`/people/${ids.person}/edit`,
		`/people/${ids.person}/merge?q=a`,
		`/people/${ids.person}/merge?other=${ids.otherPerson}`
	];
}

/** People, their ties and merging. */
export function peopleEntries(ids: MatrixIds): MatrixEntry[] {
	const person = `/people/${ids.person}`;
	return [
		{ key: 'GET /people', url: '/people', expect: staffOnly },
		{ key: 'GET /people/export.csv', url: '/people/export.csv?region=1', expect: writers },
		{ key: 'GET /people/new', url: '/people/new', expect: writers },
		{ key: 'POST /people/new?/default', url: '/people/new', expect: writers },
		{ key: 'GET /people/[id]', url: person, expect: staffOnly },
		{ key: 'POST /people/[id]?/addTie', url: person, expect: writers },
		{ key: 'POST /people/[id]?/removeTie', url: person, expect: writers },
		{ key: 'GET /people/[id]/edit', url: `${person}/edit`, expect: writers },
		{ key: 'POST /people/[id]/edit?/save', url: `${person}/edit`, expect: writers },
		{ key: 'POST /people/[id]/edit?/delete', url: `${person}/edit`, expect: writers },
		{ key: 'GET /people/[id]/merge', url: `${person}/merge`, expect: writers },
		{ key: 'POST /people/[id]/merge?/default', url: `${person}/merge`, expect: writers }
	];
}

const MARKUP = '<script>alert(1)</script>';
const SQL = "x'); DROP TABLE people;--";

/** Bad input for every form of this area: each must be refused with a field message, 4xx, nothing stored. */
export function peopleBadInput(ids: MatrixIds): BadInputCase[] {
	const personFields = (field: string) => [
		{ field, value: '', why: 'empty required name' },
		{ field, value: 'Ж'.repeat(201), why: 'too long' },
		{ field, value: MARKUP, why: 'HTML in a name' },
		{ field, value: SQL, why: 'SQL in a name' }
	];
	const common = [
		...personFields('full_name'),
		{ field: 'given_name', value: '<b>Айгүл</b>', why: 'HTML in a given name' },
		{ field: 'name_latin', value: 'Айгүл', why: 'Cyrillic in the Latin name' },
		{ field: 'birth_year', value: String(new Date().getUTCFullYear() + 1), why: 'a future birth year' },
		{ field: 'birth_year', value: '1800', why: 'an impossible birth year' },
		{ field: 'birth_year', value: 'nineteen', why: 'not a number' },
		{ field: 'gender', value: 'robot', why: 'not one of the choices' },
		{ field: 'region_id', value: 'Naryn', why: 'not a region id' },
		{ field: 'background', value: 'spy', why: 'not one of the choices' },
		{ field: 'languages', value: ['ky', 'klingon'], why: 'an unknown language' },
		{ field: 'phone', value: 'call me maybe', why: 'not a phone number' },
		{ field: 'email', value: 'not-an-address', why: 'not an e-mail address' },
		{ field: 'notes', value: 'x'.repeat(5001), why: 'notes too long' },
		{ field: 'consent_stored_at', value: '2999-01-01', why: 'consent in the future' },
		{ field: 'consent_stored_at', value: '25.11.2012', why: 'a date in the wrong format' },
		{ field: 'source', value: 's'.repeat(501), why: 'source too long' }
	];
	const valid = { full_name: 'Тестова Айгүл', gender: 'female', notDuplicate: 'on' };
	return [
		{ form: 'new person', url: '/people/new', valid, bad: common, tables: ['people'] },
		{ form: 'edit person', url: `/people/${ids.person}/edit`, action: '?/save', valid: { ...valid, version: '1' }, bad: common, tables: ['people'] },
		{
			form: 'add a tie',
			url: `/people/${ids.person}`,
			action: '?/addTie',
			valid: { other_person_id: String(ids.otherPerson), kind: 'colleague' },
			bad: [
				{ field: 'other_person_id', value: '', why: 'no person chosen' },
				{ field: 'other_person_id', value: 'abc', why: 'not a person id' },
				{ field: 'other_person_id', value: String(ids.person), why: 'tied to herself' },
				{ field: 'kind', value: 'enemy', why: 'not one of the choices' },
				{ field: 'start_date', value: 'last spring', why: 'not a date' },
				{ field: 'note', value: 'n'.repeat(1001), why: 'note too long' }
			],
			tables: ['relationships']
		},
		{
			form: 'merge',
			// The form is on the preview of the chosen pair, which the address carries.
			url: `/people/${ids.person}/merge?other=${ids.otherPerson}`,
			valid: { other: String(ids.otherPerson), version: '1', otherVersion: '1' },
			bad: [{ field: 'source', value: 's'.repeat(501), why: 'source too long' }],
			tables: ['people', 'training_participants', 'candidacies']
		}
	];
}
