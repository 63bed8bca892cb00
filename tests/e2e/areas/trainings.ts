import { staffOnly, writers, type BadInputCase, type MatrixEntry, type MatrixIds } from '../permission-matrix';

/** Pages of this area an admin sees, for the every-page checks (languages, accessibility, phone width). */
export function trainingPages(ids: MatrixIds): string[] {
	return [
		'/trainings',
		// A training's page with the attendance search's results (Latin "a" matches most demo names).
		`/trainings/${ids.training}?q=a`,
		`/trainings/${ids.training}/edit`,
		'/trainings/new',
		'/organizations',
		`/organizations/${ids.organization}?q=a`,
		`/organizations/${ids.organization}/edit`,
		'/organizations/new'
	];
}

/** Trainings with attendance and events; organizations with other names and memberships. */
export function trainingEntries(ids: MatrixIds): MatrixEntry[] {
	const training = `/trainings/${ids.training}`;
	const organization = `/organizations/${ids.organization}`;
	return [
		{ key: 'GET /trainings', url: '/trainings', expect: staffOnly },
		{ key: 'GET /trainings/new', url: '/trainings/new', expect: writers },
		{ key: 'POST /trainings/new?/default', url: '/trainings/new', expect: writers },
		{ key: 'GET /trainings/[id]', url: training, expect: staffOnly },
		{ key: 'POST /trainings/[id]?/addEvent', url: training, expect: writers },
		{ key: 'POST /trainings/[id]?/removeEvent', url: training, expect: writers },
		{ key: 'POST /trainings/[id]?/addParticipant', url: training, expect: writers },
		{ key: 'POST /trainings/[id]?/setCompleted', url: training, expect: writers },
		{ key: 'POST /trainings/[id]?/setRole', url: training, expect: writers },
		{ key: 'POST /trainings/[id]?/removeParticipant', url: training, expect: writers },
		{ key: 'GET /trainings/[id]/edit', url: `${training}/edit`, expect: writers },
		{ key: 'POST /trainings/[id]/edit?/update', url: `${training}/edit`, expect: writers },
		{ key: 'POST /trainings/[id]/edit?/delete', url: `${training}/edit`, expect: writers },
		{ key: 'GET /organizations', url: '/organizations', expect: staffOnly },
		{ key: 'GET /organizations/new', url: '/organizations/new', expect: writers },
		{ key: 'POST /organizations/new?/default', url: '/organizations/new', expect: writers },
		{ key: 'GET /organizations/[id]', url: organization, expect: staffOnly },
		{ key: 'POST /organizations/[id]?/addName', url: organization, expect: writers },
		{ key: 'POST /organizations/[id]?/removeName', url: organization, expect: writers },
		{ key: 'POST /organizations/[id]?/addMember', url: organization, expect: writers },
		{ key: 'POST /organizations/[id]?/setMemberEnd', url: organization, expect: writers },
		{ key: 'POST /organizations/[id]?/removeMember', url: organization, expect: writers },
		{ key: 'GET /organizations/[id]/edit', url: `${organization}/edit`, expect: writers },
		{ key: 'POST /organizations/[id]/edit?/update', url: `${organization}/edit`, expect: writers },
		{ key: 'POST /organizations/[id]/edit?/delete', url: `${organization}/edit`, expect: writers }
	];
}

const LONG_TITLE = 'Т'.repeat(201);
const SCRIPT = '<script>alert(1)</script>';
const SQL = "x'); DROP TABLE people;--";

/** Bad input for every form of this area: each must be refused with a field message, 4xx, nothing stored. */
export function trainingBadInput(ids: MatrixIds): BadInputCase[] {
	const training = `/trainings/${ids.training}`;
	const organization = `/organizations/${ids.organization}`;
	const trainingForm = {
		title: 'Лидерство и участие женщин в политике',
		kind: 'step_down',
		start_date: '2012-05-14',
		end_date: '2012-05-15',
		region_id: '',
		location: 'Нарын',
		organizer_id: String(ids.organization),
		curriculum: '',
		language: 'ky',
		parent_training_id: '',
		notes: '',
		source: ''
	};
	const trainingBad: BadInputCase['bad'] = [
		{ field: 'title', value: '', why: 'empty title' },
		{ field: 'title', value: LONG_TITLE, why: 'title too long' },
		{ field: 'title', value: SCRIPT, why: 'markup in the title' },
		{ field: 'title', value: SQL, why: 'SQL in the title' },
		{ field: 'kind', value: 'seminar', why: 'unknown kind' },
		{ field: 'start_date', value: '', why: 'no start date' },
		{ field: 'start_date', value: '14.05.2012', why: 'not an ISO date' },
		{ field: 'end_date', value: '2012-05-13', why: 'end before start' },
		{ field: 'region_id', value: 'Naryn', why: 'region not an id' },
		{ field: 'region_id', value: '999999', why: 'region that does not exist' },
		{ field: 'organizer_id', value: '999999', why: 'organizer that does not exist' },
		{ field: 'parent_training_id', value: '-3', why: 'negative parent id' },
		{ field: 'parent_training_id', value: '999999', why: 'parent that does not exist' },
		{ field: 'language', value: 'fr', why: 'unknown language' },
		{ field: 'location', value: '<b>Нарын</b>', why: 'markup in the place' },
		{ field: 'notes', value: 'н'.repeat(5001), why: 'notes too long' },
		{ field: 'source', value: 'и'.repeat(501), why: 'source too long' }
	];
	const organizationForm = { name: 'Аялдар борбору', short_name: '', kind: 'ngo', region_id: '', website: '', notes: '', source: '' };
	const organizationBad: BadInputCase['bad'] = [
		{ field: 'name', value: '', why: 'empty name' },
		{ field: 'name', value: LONG_TITLE, why: 'name too long' },
		{ field: 'name', value: SCRIPT, why: 'markup in the name' },
		{ field: 'name', value: SQL, why: 'SQL in the name' },
		{ field: 'short_name', value: SQL, why: 'SQL in the short name' },
		{ field: 'kind', value: 'club', why: 'unknown kind' },
		{ field: 'region_id', value: '1.5', why: 'region not a whole number' },
		{ field: 'website', value: 'javascript:alert(1)', why: 'not a web address' },
		{ field: 'website', value: 'birduino', why: 'not an address at all' }
	];
	return [
		{ form: 'new training', url: '/trainings/new', valid: trainingForm, bad: trainingBad, tables: ['trainings'] },
		{ form: 'edit training', url: `${training}/edit`, action: '?/update', valid: { ...trainingForm, version: '1' }, bad: trainingBad, tables: ['trainings'] },
		{ form: 'delete training', url: `${training}/edit`, action: '?/delete', valid: { version: '1' }, bad: [{ field: 'version', value: 'first', why: 'version not a number' }], tables: ['trainings'] },
		{
			form: 'training event',
			url: training,
			action: '?/addEvent',
			valid: { kind: 'visit', date: '2012-05-15', title: 'Визит в айыл окмоту', description: '', source: '' },
			bad: [
				{ field: 'kind', value: 'party', why: 'unknown kind' },
				{ field: 'date', value: '', why: 'no date' },
				{ field: 'date', value: '2012-13-40', why: 'impossible date' },
				{ field: 'title', value: '', why: 'empty title' },
				{ field: 'title', value: SCRIPT, why: 'markup in the title' },
				{ field: 'title', value: SQL, why: 'SQL in the title' },
				{ field: 'description', value: 'о'.repeat(2001), why: 'description too long' }
			],
			tables: ['training_events']
		},
		{ form: 'remove event', url: training, action: '?/removeEvent', valid: { id: '1', version: '1' }, bad: [{ field: 'id', value: 'x', why: 'id not a number' }], tables: ['training_events'] },
		{
			form: 'add participant',
			url: training,
			action: '?/addParticipant',
			valid: { person_id: String(ids.person), role: 'participant', source: '' },
			bad: [
				{ field: 'person_id', value: '', why: 'nobody chosen' },
				{ field: 'person_id', value: 'Айгүл', why: 'a name instead of an id' },
				{ field: 'person_id', value: '999999', why: 'a person who does not exist' },
				{ field: 'role', value: 'guest', why: 'unknown role' },
				{ field: 'source', value: 'и'.repeat(501), why: 'source too long' }
			],
			tables: ['training_participants']
		},
		{
			form: 'mark completed',
			url: training,
			action: '?/setCompleted',
			valid: { id: '1', version: '1', completed: 'true' },
			bad: [
				{ field: 'completed', value: 'maybe', why: 'neither yes nor no' },
				{ field: 'id', value: '0', why: 'id out of range' }
			],
			tables: ['training_participants']
		},
		{ form: 'change role', url: training, action: '?/setRole', valid: { id: '1', version: '1', role: 'facilitator' }, bad: [{ field: 'role', value: 'boss', why: 'unknown role' }], tables: ['training_participants'] },
		{ form: 'remove participant', url: training, action: '?/removeParticipant', valid: { id: '1', version: '1' }, bad: [{ field: 'id', value: '-1', why: 'negative id' }], tables: ['training_participants'] },
		{ form: 'new organization', url: '/organizations/new', valid: organizationForm, bad: organizationBad, tables: ['organizations'] },
		{ form: 'edit organization', url: `${organization}/edit`, action: '?/update', valid: { ...organizationForm, version: '1' }, bad: organizationBad, tables: ['organizations'] },
		{ form: 'delete organization', url: `${organization}/edit`, action: '?/delete', valid: { version: '1' }, bad: [{ field: 'version', value: 'latest', why: 'version not a number' }], tables: ['organizations'] },
		{
			form: 'other name',
			url: organization,
			action: '?/addName',
			valid: { name: 'Гражданин против коррупции', lang: 'ru', start_date: '2008-01-01', end_date: '2011-12-31', note: '', source: '' },
			bad: [
				{ field: 'name', value: '', why: 'empty name' },
				{ field: 'name', value: SCRIPT, why: 'markup in the name' },
				{ field: 'name', value: SQL, why: 'SQL in the name' },
				{ field: 'lang', value: 'xx', why: 'unknown language' },
				{ field: 'start_date', value: '2008', why: 'a year instead of a date' },
				{ field: 'end_date', value: '2007-12-31', why: 'end before start' }
			],
			tables: ['organization_names']
		},
		{ form: 'remove other name', url: organization, action: '?/removeName', valid: { id: '1', version: '1' }, bad: [{ field: 'version', value: 'v2', why: 'version not a number' }], tables: ['organization_names'] },
		{
			form: 'add member',
			url: organization,
			action: '?/addMember',
			valid: { person_id: String(ids.person), role: 'волонтёр', start_date: '2011-01-01', end_date: '', source: '' },
			bad: [
				{ field: 'person_id', value: '', why: 'nobody chosen' },
				{ field: 'person_id', value: '999999', why: 'a person who does not exist' },
				{ field: 'role', value: 'р'.repeat(101), why: 'role too long' },
				{ field: 'role', value: SCRIPT, why: 'markup in the role' },
				{ field: 'start_date', value: 'yesterday', why: 'not a date' },
				{ field: 'end_date', value: '2010-12-31', why: 'end before start' }
			],
			tables: ['memberships']
		},
		{ form: 'end membership', url: organization, action: '?/setMemberEnd', valid: { id: '1', version: '1', end_date: '2013-01-01' }, bad: [{ field: 'end_date', value: '31/12/2013', why: 'not an ISO date' }], tables: ['memberships'] },
		{ form: 'remove member', url: organization, action: '?/removeMember', valid: { id: '1', version: '1' }, bad: [{ field: 'id', value: 'abc', why: 'id not a number' }], tables: ['memberships'] }
	];
}
