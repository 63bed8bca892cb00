import { staffOnly, writers, type BadInputCase, type MatrixEntry, type MatrixIds } from '../permission-matrix';

// Demo records chosen by tests/helpers/matrix-ids.ts: a party-list race and an aiyl-kenesh district,
// each with tracked candidacies.
const karaBalta = (ids: MatrixIds) => ids.listContest;
const lebedinovka = (ids: MatrixIds) => ids.aiylContest;
const inLebedinovka = (ids: MatrixIds) => ids.aiylCandidacy;

/** Pages of this area an admin sees, for the every-page checks (languages, accessibility, phone width). */
export function electionPages(ids: MatrixIds): string[] {
	const election = `/elections/${ids.election}`;
	const contest = `${election}/contests/${ids.contest}`;
	return [
		'/elections',
		election,
		`${election}/edit`,
		'/elections/new',
		contest,
		`${contest}/edit`,
		`${election}/contests/new`,
		`${contest}/lists/${ids.party}`,
		`/candidacies/${ids.candidacy}`,
		`/candidacies/${ids.candidacy}/edit`,
		// The new-candidacy form with its person chosen, and the person search's results.
		`/candidacies/new?person=${ids.person}&contest=${ids.contest}&q=a`
	];
}

/** Elections, contests with results, totals and party lists, candidacies and campaign activities. */
export function electionEntries(ids: MatrixIds): MatrixEntry[] {
	const election = `/elections/${ids.election}`;
	const contest = `${election}/contests/${ids.contest}`;
	const list = `${contest}/lists/${ids.party}`;
	const candidacy = `/candidacies/${ids.candidacy}`;
	return [
		{ key: 'GET /elections', url: '/elections', expect: staffOnly },
		{ key: 'GET /elections/new', url: '/elections/new', expect: writers },
		{ key: 'POST /elections/new?/create', url: '/elections/new', expect: writers },
		{ key: 'GET /elections/[id]', url: election, expect: staffOnly },
		{ key: 'GET /elections/[id]/edit', url: `${election}/edit`, expect: writers },
		{ key: 'POST /elections/[id]/edit?/update', url: `${election}/edit`, expect: writers },
		{ key: 'POST /elections/[id]/edit?/delete', url: `${election}/edit`, expect: writers },
		{ key: 'GET /elections/[id]/contests/new', url: `${election}/contests/new`, expect: writers },
		{ key: 'POST /elections/[id]/contests/new?/create', url: `${election}/contests/new`, expect: writers },
		{ key: 'GET /elections/[id]/contests/[cid]', url: contest, expect: staffOnly },
		{ key: 'POST /elections/[id]/contests/[cid]?/results', url: contest, expect: writers },
		{ key: 'POST /elections/[id]/contests/[cid]?/totals', url: contest, expect: writers },
		{ key: 'POST /elections/[id]/contests/[cid]?/partyResults', url: contest, expect: writers },
		{ key: 'GET /elections/[id]/contests/[cid]/edit', url: `${contest}/edit`, expect: writers },
		{ key: 'POST /elections/[id]/contests/[cid]/edit?/update', url: `${contest}/edit`, expect: writers },
		{ key: 'POST /elections/[id]/contests/[cid]/edit?/delete', url: `${contest}/edit`, expect: writers },
		{ key: 'GET /elections/[id]/contests/[cid]/lists/[party]', url: list, expect: staffOnly },
		{ key: 'POST /elections/[id]/contests/[cid]/lists/[party]?/save', url: list, expect: writers },
		{ key: 'GET /candidacies/new', url: '/candidacies/new', expect: writers },
		{ key: 'POST /candidacies/new?/create', url: '/candidacies/new', expect: writers },
		{ key: 'GET /candidacies/[id]', url: candidacy, expect: staffOnly },
		{ key: 'POST /candidacies/[id]?/addActivity', url: candidacy, expect: writers },
		{ key: 'POST /candidacies/[id]?/updateActivity', url: candidacy, expect: writers },
		{ key: 'POST /candidacies/[id]?/deleteActivity', url: candidacy, expect: writers },
		{ key: 'GET /candidacies/[id]/edit', url: `${candidacy}/edit`, expect: writers },
		{ key: 'POST /candidacies/[id]/edit?/update', url: `${candidacy}/edit`, expect: writers },
		{ key: 'POST /candidacies/[id]/edit?/delete', url: `${candidacy}/edit`, expect: writers }
	];
}

const SCRIPT = '<script>alert(1)</script>';
const SQL = "x'); DROP TABLE people;--";
const long = (n: number) => 'ж'.repeat(n);

/** Bad input for every form of this area: each must be refused with a field message, 4xx, nothing stored. */
export function electionBadInput(ids: MatrixIds): BadInputCase[] {
	const election = `/elections/${ids.election}`;
	const contest = `${election}/contests/${ids.contest}`;
	const k1 = ids.candidacy;
	const k2 = inLebedinovka(ids);
	const electionForm = {
		name_en: 'Test local elections, 2013',
		name_ru: 'Тестовые местные выборы',
		name_ky: 'Тестилик жергиликтүү шайлоо',
		date: '2013-06-02',
		called_on: '2013-04-01',
		level: 'local',
		kind: 'early',
		notes: '',
		source: ''
	};
	const electionBad = [
		{ field: 'name_en', value: '', why: 'empty name' },
		{ field: 'name_en', value: SCRIPT, why: 'markup in a name' },
		{ field: 'name_ru', value: SQL, why: 'SQL in a name' },
		{ field: 'name_ky', value: long(201), why: 'name too long' },
		{ field: 'date', value: '', why: 'no date' },
		{ field: 'date', value: '2999-01-01', why: 'absurd future date' },
		{ field: 'date', value: '1850-03-04', why: 'absurd past date' },
		{ field: 'date', value: 'next Sunday', why: 'not a date' },
		{ field: 'called_on', value: '2013-07-01', why: 'called after election day' },
		{ field: 'level', value: 'galactic', why: 'unknown level' },
		{ field: 'kind', value: '', why: 'no kind' },
		{ field: 'notes', value: long(2001), why: 'notes too long' },
		{ field: 'source', value: long(501), why: 'source too long' }
	];
	const contestForm = {
		region_id: String(ids.bishkek),
		council_kind: 'city_kenesh',
		name_en: 'Test City Kenesh',
		name_ru: 'Тестовый городской кенеш',
		name_ky: 'Тестилик шаардык кеңеш',
		seats: '31',
		electoral_system: 'party_list',
		district: '',
		source: ''
	};
	const contestBad = [
		{ field: 'region_id', value: 'Bishkek', why: 'region not an id' },
		{ field: 'council_kind', value: 'parliament', why: 'unknown council' },
		{ field: 'name_en', value: SCRIPT, why: 'markup in a council name' },
		{ field: 'name_ru', value: SQL, why: 'SQL in a council name' },
		{ field: 'name_ky', value: '', why: 'empty council name' },
		{ field: 'seats', value: '-3', why: 'negative seats' },
		{ field: 'seats', value: 'many', why: 'seats not a number' },
		{ field: 'seats', value: '501', why: 'absurd number of seats' },
		{ field: 'electoral_system', value: 'majoritarian', why: 'city kenesh in districts' },
		{ field: 'district', value: '№2', why: 'a district on a party list' },
		{ field: 'district', value: SCRIPT, why: 'markup in a district' }
	];
	const resultRow = (id: number, values: Record<string, string>) => ({
		row: String(id),
		[`version-${id}`]: '1',
		[`status-${id}`]: 'on_ballot',
		[`exit_stage-${id}`]: '',
		[`list_position-${id}`]: '',
		[`votes-${id}`]: '',
		[`vote_share-${id}`]: '',
		[`elected-${id}`]: 'unknown',
		[`took_seat-${id}`]: 'unknown',
		...Object.fromEntries(Object.entries(values).map(([k, v]) => [`${k}-${id}`, v]))
	});
	const candidacyForm = {
		version: '1',
		party_id: String(ids.party),
		list_position: '28',
		district: '',
		status: 'on_ballot',
		exit_stage: '',
		votes: '',
		vote_share: '',
		rank: '',
		elected: 'no',
		took_seat: 'unknown',
		notes: '',
		source: ''
	};
	return [
		{ form: 'new election', url: '/elections/new', action: '?/create', valid: electionForm, bad: electionBad, tables: ['elections'] },
		{
			form: 'edit election',
			url: `${election}/edit`,
			action: '?/update',
			valid: { ...electionForm, version: '1' },
			bad: electionBad.filter((b) => ['name_en', 'date', 'called_on'].includes(b.field)),
			tables: ['elections']
		},
		{ form: 'new council race', url: `${election}/contests/new`, action: '?/create', valid: contestForm, bad: contestBad, tables: ['contests'] },
		{
			form: 'edit council race',
			url: `${contest}/edit`,
			action: '?/update',
			valid: { ...contestForm, name_en: 'Bishkek City Kenesh', seats: '45', version: '1' },
			bad: [...contestBad.filter((b) => ['name_en', 'seats', 'district'].includes(b.field)), { field: 'seats', value: '0', why: 'no seats' }],
			tables: ['contests']
		},
		{
			form: 'results of a party-list race',
			url: `${election}/contests/${karaBalta(ids)}`,
			action: '?/results',
			valid: { ...resultRow(k1, { list_position: '28', elected: 'yes', took_seat: 'yes' }), source: '' },
			bad: [
				{ field: `votes-${k1}`, value: '-5', why: 'negative votes' },
				{ field: `votes-${k1}`, value: 'many', why: 'votes not a number' },
				{ field: `vote_share-${k1}`, value: '150', why: 'vote share over 100' },
				{ field: `list_position-${k1}`, value: '0', why: 'list position 0' },
				{ field: `status-${k1}`, value: 'registered', why: 'elected when not on the ballot', errorField: `elected-${k1}` },
				{ field: `elected-${k1}`, value: 'no', why: 'took a seat without being elected', errorField: `took_seat-${k1}` },
				{ field: `status-${k1}`, value: 'withdrawn', why: 'withdrawn without an exit stage', errorField: `exit_stage-${k1}` },
				{ field: `status-${k1}`, value: 'won', why: 'unknown status' },
				{ field: 'source', value: long(501), why: 'source too long' }
			],
			tables: ['candidacies']
		},
		{
			form: 'results of an aiyl-kenesh district',
			url: `${election}/contests/${lebedinovka(ids)}`,
			action: '?/results',
			valid: resultRow(k2, { votes: '374', vote_share: '15,1', elected: 'yes', took_seat: 'yes' }),
			bad: [
				{ field: `list_position-${k2}`, value: '3', why: 'a list position in an aiyl-kenesh district' },
				{ field: `votes-${k2}`, value: '-1', why: 'negative votes' }
			],
			tables: ['candidacies']
		},
		{
			form: 'official totals',
			url: contest,
			action: '?/totals',
			valid: { version: '', candidates: '700', women_candidates: '210', women_elected: '6', women_seats_before: '8', totals_source: '' },
			bad: [
				{ field: 'candidates', value: '-1', why: 'negative count' },
				{ field: 'candidates', value: 'lots', why: 'count not a number' },
				{ field: 'women_candidates', value: '701', why: 'more women than candidates' },
				{ field: 'women_elected', value: '211', why: 'more women elected than women candidates' },
				{ field: 'women_elected', value: '46', why: 'more women elected than seats' },
				{ field: 'women_seats_before', value: '46', why: 'more seats before than the council has' },
				{ field: 'totals_source', value: long(501), why: 'source too long' }
			],
			tables: ['contest_totals']
		},
		{
			form: 'party results',
			url: contest,
			action: '?/partyResults',
			valid: { row: 'new', 'party_id-new': String(ids.party), 'seats_won-new': '0', 'list_size-new': '40', parties_source: '' },
			bad: [
				{ field: 'seats_won-new', value: '-1', why: 'negative seats' },
				{ field: 'seats_won-new', value: '46', why: 'more seats than the council has' },
				{ field: 'list_size-new', value: '0', why: 'empty list' },
				{ field: 'party_id-new', value: 'SDPK', why: 'party not an id' },
				{ field: 'parties_source', value: long(501), why: 'source too long' }
			],
			tables: ['party_results']
		},
		{
			form: 'party list positions',
			url: `${contest}/lists/${ids.party}`,
			action: '?/save',
			valid: { list_size: '10', result_version: '', row: ['1', '2'], 'gender-1': 'female', 'name-1': 'Тестова Айгүл', 'person-1': '', 'version-1': '', 'gender-2': 'male', 'name-2': '', 'person-2': '', 'version-2': '', source: '' },
			bad: [
				{ field: 'list_size', value: '-3', why: 'negative list size' },
				{ field: 'list_size', value: 'ten', why: 'list size not a number' },
				{ field: 'list_size', value: '301', why: 'absurd list size' },
				{ field: 'gender-1', value: 'robot', why: 'unknown sex' },
				{ field: 'gender-1', value: '', why: 'a name without a sex' },
				{ field: 'name-1', value: SCRIPT, why: 'markup in a name' },
				{ field: 'name-1', value: SQL, why: 'SQL in a name' }
			],
			tables: ['party_list_entries', 'party_results']
		},
		{
			form: 'new candidacy',
			url: '/candidacies/new',
			action: '?/create',
			valid: { person_id: String(ids.person), contest_id: String(ids.contest), party_id: String(ids.party), list_position: '60', district: '', status: 'registered', exit_stage: '', source: '' },
			bad: [
				{ field: 'person_id', value: 'Айгүл', why: 'person not an id' },
				{ field: 'contest_id', value: '', why: 'no race' },
				{ field: 'list_position', value: '-1', why: 'negative list position' },
				{ field: 'list_position', value: 'first', why: 'list position not a number' },
				{ field: 'status', value: 'winner', why: 'unknown status' },
				{ field: 'exit_stage', value: 'nominated', why: 'exit stage while still in the race' },
				{ field: 'district', value: '№1', why: 'a district in a party-list race' },
				{ field: 'district', value: SQL, why: 'SQL in a district' },
				{ field: 'source', value: long(501), why: 'source too long' }
			],
			tables: ['candidacies']
		},
		{
			form: 'edit candidacy',
			url: `/candidacies/${k1}/edit`,
			action: '?/update',
			valid: candidacyForm,
			bad: [
				{ field: 'votes', value: '-5', why: 'negative votes' },
				{ field: 'vote_share', value: '101', why: 'vote share over 100' },
				{ field: 'rank', value: '0', why: 'rank 0' },
				{ field: 'elected', value: 'maybe', why: 'unknown answer' },
				{ field: 'took_seat', value: 'yes', why: 'took a seat without being elected' },
				{ field: 'status', value: 'intending', why: 'not elected when not on the ballot', errorField: 'elected' },
				{ field: 'district', value: '№1', why: 'a district in a party-list race' },
				{ field: 'notes', value: long(2001), why: 'notes too long' }
			],
			tables: ['candidacies']
		},
		{
			form: 'edit candidacy in an aiyl-kenesh district',
			url: `/candidacies/${k2}/edit`,
			action: '?/update',
			valid: { ...candidacyForm, party_id: '', list_position: '', district: '№6', votes: '374', vote_share: '15,1', rank: '3', elected: 'yes', took_seat: 'yes' },
			bad: [{ field: 'list_position', value: '3', why: 'a list position in an aiyl-kenesh district' }],
			tables: ['candidacies']
		},
		{
			form: 'campaign activity',
			url: `/candidacies/${k1}`,
			action: '?/addActivity',
			valid: { kind: 'meeting', date: '2012-11-10', description: 'Встреча с избирателями', people_reached: '40', source: '' },
			bad: [
				{ field: 'kind', value: 'rally', why: 'unknown kind' },
				{ field: 'date', value: '2999-12-31', why: 'a date in the future' },
				{ field: 'date', value: 'yesterday', why: 'not a date' },
				{ field: 'people_reached', value: '-1', why: 'negative reach' },
				{ field: 'people_reached', value: 'many', why: 'reach not a number' },
				{ field: 'description', value: long(1001), why: 'description too long' }
			],
			tables: ['campaign_activities']
		}
	];
}
