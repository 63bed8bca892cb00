import { expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db';
import type { Actor } from '../../src/lib/server/auth/permissions';
import { ConflictError, restoreRecord, revertChange } from '../../src/lib/server/records/changes';
import { recordHistory } from '../../src/lib/server/records/history';
import { createContest, createElection, deleteContest, deleteElection, updateContest, updateElection } from '../../src/lib/server/elections/actions';
import { electionContests, getContest, getElection, listElections } from '../../src/lib/server/elections/queries';
import { contestQuotas, partyList, saveList, validateListPositions } from '../../src/lib/server/elections/quota';
import { RecordRefusal } from '../../src/lib/server/elections/refusal';
import { contestCandidacies, ResultsConflictError, saveResults, validateResults } from '../../src/lib/server/elections/results';
import { contestSchema, electionSchema, totalsSchema, type ContestInput } from '../../src/lib/server/elections/schema';
import { contestTotals, partyResults, savePartyResults, saveTotals, validatePartyResults } from '../../src/lib/server/elections/totals';
import { loadDemo } from '../../src/lib/server/demo/load';
import { describeEachDatabase } from '../helpers/databases';

const admin: Actor = { kind: 'user', userId: null, shareLinkId: null, role: 'admin', displayName: 'Test admin', email: null, regionScope: null, sessionId: null, locale: null };
const context = {};

const ELECTION = {
	name_en: 'Test local elections, 2013',
	name_ru: 'Тестовые местные выборы 2013 года',
	name_ky: '2013-жылдагы тестилик жергиликтүү шайлоо',
	date: '2013-06-02',
	called_on: '2013-04-01',
	level: 'local',
	kind: 'early',
	notes: null,
	source: 'Test protocol'
} as const;

function form(fields: Record<string, string | number | null>, rows: Array<string | number> = []): FormData {
	const data = new FormData();
	for (const row of rows) data.append('row', String(row));
	for (const [k, v] of Object.entries(fields)) data.append(k, v === null ? '' : String(v));
	return data;
}

async function region(db: Db, code: string): Promise<number> {
	return (await db.selectFrom('regions').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
}

let people = 0;
async function person(db: Db, regionId: number): Promise<number> {
	people++;
	const row = await db
		.insertInto('people')
		.values({ full_name: `Тестова Айгүл ${people}`, name_latin: `Testova Aigul ${people}`, search_key: `testova aigul ${people}`, sort_key: `testova aigul ${people}`, region_id: regionId })
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

async function party(db: Db, shortName: string): Promise<number> {
	return (await db.selectFrom('organizations').select('id').where('short_name', '=', shortName).executeTakeFirst())?.id ??
		(await db.selectFrom('organizations').select('id').where('name', '=', shortName).executeTakeFirstOrThrow()).id;
}

describeEachDatabase('elections and contests: create, change, delete, restore, undo', (t) => {
	let electionId: number;
	let contestId: number;
	let contestInput: ContestInput;

	it('creates an election from the form, in three languages, and lists it', async () => {
		const parsed = electionSchema.parse({ ...ELECTION, notes: '' });
		electionId = await t.db.transaction().execute((trx) => createElection(trx, context, parsed));
		const election = await getElection(t.db, electionId, 'ky');
		expect(election).toMatchObject({ name: ELECTION.name_ky, date: '2013-06-02', called_on: '2013-04-01', kind: 'early', version: 1, source: 'Test protocol' });
		const listed = (await listElections(t.db, null, 'ru')).find((e) => e.id === electionId);
		expect(listed).toMatchObject({ name: ELECTION.name_ru, contests: 0, candidacies: 0 });
	});

	it('refuses bad election input at the field: markup, SQL, absurd dates, called after the day', () => {
		const errors = (values: Record<string, unknown>) => {
			const r = electionSchema.safeParse({ ...ELECTION, ...values });
			return r.success ? [] : r.error.issues.map((i) => i.path[0]);
		};
		expect(errors({ name_en: '<script>alert(1)</script>' })).toEqual(['name_en']);
		expect(errors({ name_ru: "x'); DROP TABLE people;--" })).toEqual(['name_ru']);
		expect(errors({ date: '2999-01-01' })).toEqual(['date']);
		expect(errors({ date: '1850-03-04', called_on: null })).toEqual(['date']);
		expect(errors({ date: 'not a date' })).toEqual(['date']);
		expect(errors({ called_on: '2013-07-01' })).toEqual(['called_on']);
		expect(errors({ kind: 'coup' })).toEqual(['kind']);
		expect(errors({ name_ky: '' })).toEqual(['name_ky']);
	});

	it('changes an election at its version, and refuses a stale save with what changed meanwhile', async () => {
		const input = electionSchema.parse({ ...ELECTION, notes: 'Called early after the council dissolved itself.' });
		await t.db.transaction().execute((trx) => updateElection(trx, context, electionId, 1, input));
		const stale = electionSchema.parse({ ...ELECTION, kind: 'regular' });
		const refused = await t.db.transaction().execute((trx) => updateElection(trx, context, electionId, 1, stale)).catch((e) => e);
		expect(refused).toBeInstanceOf(ConflictError);
		expect((refused as ConflictError).meanwhile.map((c) => Object.keys(c.after))).toEqual([['notes']]);
		expect(await getElection(t.db, electionId, 'en')).toMatchObject({ kind: 'early', version: 2, notes: 'Called early after the council dissolved itself.' });
	});

	it('creates a contest; refuses a district on a party list, a mismatched system, and a duplicate', async () => {
		const talas = await region(t.db, 'KG-T-TAL');
		contestInput = contestSchema.parse({
			region_id: talas, council_kind: 'aiyl_kenesh', name_en: 'Test Aiyl Kenesh', name_ru: 'Тестовый айыльный кенеш', name_ky: 'Тестилик айыл кеңеши',
			seats: 5, electoral_system: 'majoritarian', district: '№2', source: ''
		});
		contestId = await t.db.transaction().execute((trx) => createContest(trx, context, electionId, contestInput));
		expect(await getContest(t.db, electionId, contestId, 'ru')).toMatchObject({ name: 'Тестовый айыльный кенеш', district: '№2', electoral_system: 'majoritarian' });

		const issues = (values: Record<string, unknown>) => {
			const r = contestSchema.safeParse({ ...contestInput, ...values });
			return r.success ? [] : r.error.issues.map((i) => i.path[0]);
		};
		expect(issues({ council_kind: 'city_kenesh', electoral_system: 'party_list', district: '№2' })).toEqual(['district']);
		expect(issues({ council_kind: 'city_kenesh', electoral_system: 'majoritarian', district: null })).toEqual(['electoral_system']);
		expect(issues({ seats: 0 })).toEqual(['seats']);
		expect(issues({ name_en: 'Aiyl <b>Kenesh</b>' })).toEqual(['name_en']);

		const duplicate = await t.db.transaction().execute((trx) => createContest(trx, context, electionId, contestInput)).catch((e) => e);
		expect(duplicate).toBeInstanceOf(RecordRefusal);
		expect(duplicate).toMatchObject({ field: 'name_en', status: 409 });
		const foreign = await region(t.db, 'KZ');
		const abroad = await t.db.transaction().execute((trx) => createContest(trx, context, electionId, { ...contestInput, district: '№9', region_id: foreign })).catch((e) => e);
		expect(abroad).toMatchObject({ field: 'region_id' });
		expect((await electionContests(t.db, electionId, null, 'en')).map((c) => c.id)).toEqual([contestId]);
	});

	it('refuses to delete an election that still has contests; deletes, restores and undoes a contest', async () => {
		const refused = await t.db.transaction().execute((trx) => deleteElection(trx, context, electionId, 2)).catch((e) => e);
		expect(refused).toMatchObject({ status: 409, field: null });
		expect(refused.message).toMatch(/1 council race/);

		await t.db.transaction().execute((trx) => updateContest(trx, context, contestId, 1, { ...contestInput, seats: 7, source: 'Corrected protocol' }));
		await t.db.transaction().execute((trx) => deleteContest(trx, context, contestId, 2));
		expect(await getContest(t.db, electionId, contestId, 'en')).toBeUndefined();
		expect(await electionContests(t.db, electionId, null, 'en')).toEqual([]);
		await t.db.transaction().execute((trx) => restoreRecord(trx, context, 'contests', contestId));
		expect(await getContest(t.db, electionId, contestId, 'en')).toMatchObject({ seats: 7, source: 'Corrected protocol', version: 4 });

		const history = await recordHistory(t.db, 'contests', contestId);
		expect(history.map((h) => h.action)).toEqual(['restore', 'delete', 'update', 'create']);
		const update = history.find((h) => h.action === 'update')!;
		expect(update.source).toBe('Corrected protocol');
		await t.db.transaction().execute((trx) => revertChange(trx, context, update.id));
		expect(await getContest(t.db, electionId, contestId, 'en')).toMatchObject({ seats: 5, source: null, version: 5 });
	});
});

describeEachDatabase('results entry: all rows in one transaction, or none', (t) => {
	let contestId: number;
	let cityContestId: number;
	let ids: number[];
	const save = (formData: FormData, contest = contestId) => {
		const parsed = validateResults(formData, contest === contestId ? 'majoritarian' : 'party_list');
		if (!parsed.ok) return Promise.resolve(parsed);
		return t.db.transaction().execute((trx) => saveResults(trx, context, admin, contest, parsed.rows, parsed.source));
	};
	const stored = () => t.db.selectFrom('candidacies').select(['id', 'version', 'votes', 'elected', 'took_seat', 'status']).where('id', 'in', ids).orderBy('id').execute();
	/** A grid row as the page posts it. */
	const row = (id: number, version: number, values: Record<string, string | number | null>) => ({
		[`version-${id}`]: version, [`status-${id}`]: 'on_ballot', [`exit_stage-${id}`]: null, [`list_position-${id}`]: null,
		[`votes-${id}`]: null, [`vote_share-${id}`]: null, [`elected-${id}`]: 'unknown', [`took_seat-${id}`]: 'unknown',
		...Object.fromEntries(Object.entries(values).map(([k, v]) => [`${k}-${id}`, v]))
	});

	it('sets up an aiyl-kenesh district with three tracked candidates and a city kenesh', async () => {
		const november = await t.db.selectFrom('elections').select('id').where('date', '=', '2012-11-25').executeTakeFirstOrThrow();
		const raion = await region(t.db, 'KG-N-KOC');
		contestId = await t.db.transaction().execute((trx) =>
			createContest(trx, context, november.id, contestSchema.parse({ region_id: raion, council_kind: 'aiyl_kenesh', name_en: 'Kochkor Aiyl Kenesh', name_ru: 'Кочкорский айыльный кенеш', name_ky: 'Кочкор айыл кеңеши', seats: 3, electoral_system: 'majoritarian', district: '№1' }))
		);
		cityContestId = (await t.db.selectFrom('contests').select('id').where('name_en', '=', 'Bishkek City Kenesh').executeTakeFirstOrThrow()).id;
		ids = [];
		for (let i = 0; i < 3; i++) {
			const p = await person(t.db, raion);
			ids.push((await t.db.insertInto('candidacies').values({ person_id: p, contest_id: contestId, status: 'on_ballot', district: '№1' }).returning('id').executeTakeFirstOrThrow()).id);
		}
		expect((await contestCandidacies(t.db, contestId, null)).length).toBe(3);
	});

	it('saves votes and results of every row together, each change in the person’s history', async () => {
		const result = await save(form({ ...row(ids[0], 1, { votes: 812, vote_share: '41,5', elected: 'yes', took_seat: 'yes' }), ...row(ids[1], 1, { votes: 301, elected: 'no' }), ...row(ids[2], 1, { votes: 290 }), source: 'DEC protocol №1' }, ids));
		expect(result).toBe(3);
		expect(await stored()).toEqual([
			{ id: ids[0], version: 2, votes: 812, elected: true, took_seat: true, status: 'on_ballot' },
			{ id: ids[1], version: 2, votes: 301, elected: false, took_seat: null, status: 'on_ballot' },
			{ id: ids[2], version: 2, votes: 290, elected: null, took_seat: null, status: 'on_ballot' }
		]);
		const share = await t.db.selectFrom('candidacies').select('vote_share').where('id', '=', ids[0]).executeTakeFirstOrThrow();
		expect(share.vote_share).toBe(41.5);
		const audit = await t.db.selectFrom('audit_log').select(['entity_id', 'source', 'details']).where('entity', '=', 'candidacies').where('entity_id', 'in', ids).where('action', '=', 'update').execute();
		expect(audit).toHaveLength(3);
		for (const a of audit) expect(a.source).toBe('DEC protocol №1');
		const personId = (await t.db.selectFrom('candidacies').select('person_id').where('id', '=', ids[0]).executeTakeFirstOrThrow()).person_id;
		expect((await recordHistory(t.db, 'people', personId)).some((h) => h.entity === 'candidacies' && h.entityId === ids[0])).toBe(true);
	});

	it('refuses the whole grid when the last row has negative votes, naming that row and field', async () => {
		const result = await save(form({ ...row(ids[0], 2, { votes: 900, elected: 'yes', took_seat: 'yes' }), ...row(ids[1], 2, { votes: 301, elected: 'no' }), ...row(ids[2], 2, { votes: -5 }) }, ids));
		expect(result).toMatchObject({ ok: false, errors: { [`votes-${ids[2]}`]: 'Must be at least 0.' } });
		expect(Object.keys((result as { errors: object }).errors)).toEqual([`votes-${ids[2]}`]);
		expect((await stored()).map((r) => [r.version, r.votes])).toEqual([[2, 812], [2, 301], [2, 290]]);
	});

	it('refuses each rule at its field: list position in a district, elected off the ballot, a seat without a win, no exit stage, a share over 100', async () => {
		const cases: Array<[Record<string, string | number | null>, string]> = [
			[{ list_position: 4 }, 'list_position'],
			[{ status: 'registered', elected: 'yes' }, 'elected'],
			[{ elected: 'no', took_seat: 'yes' }, 'took_seat'],
			[{ status: 'withdrawn' }, 'exit_stage'],
			[{ exit_stage: 'registered' }, 'exit_stage'],
			[{ vote_share: '101' }, 'vote_share'],
			[{ votes: 'many' }, 'votes'],
			[{ status: 'elected' }, 'status']
		];
		for (const [values, field] of cases) {
			const result = await save(form({ ...row(ids[0], 2, {}), ...row(ids[1], 2, values) }, [ids[0], ids[1]]));
			expect(result, JSON.stringify(values)).toMatchObject({ ok: false });
			expect(Object.keys((result as { errors: object }).errors), JSON.stringify(values)).toEqual([`${field}-${ids[1]}`]);
		}
		expect((await stored()).map((r) => r.version)).toEqual([2, 2, 2]);
	});

	it('refuses the whole save when one row is stale, and says which and what changed', async () => {
		await t.db.transaction().execute((trx) => saveResults(trx, context, admin, contestId, validateResultsOrThrow(form(row(ids[1], 2, { votes: 305, elected: 'no' }), [ids[1]])), 'Recount'));
		const result = await save(form({ ...row(ids[0], 2, { votes: 1000, elected: 'yes', took_seat: 'yes' }), ...row(ids[1], 2, { votes: 310, elected: 'no' }) }, [ids[0], ids[1]])).catch((e) => e);
		expect(result).toBeInstanceOf(ResultsConflictError);
		expect((result as ResultsConflictError).rows).toMatchObject([{ key: String(ids[1]), version: 3, meanwhile: [{ after: { votes: 305 } }] }]);
		expect((await stored()).map((r) => [r.version, r.votes])).toEqual([[2, 812], [3, 305], [2, 290]]);
	});

	it('rolls back rows already written when a later row is refused in the transaction', async () => {
		// A second row from another race: refused after the first row was written.
		const elsewhere = await person(t.db, await region(t.db, 'KG-GB'));
		const other = (await t.db.insertInto('candidacies').values({ person_id: elsewhere, contest_id: cityContestId, status: 'registered' }).returning('id').executeTakeFirstOrThrow()).id;
		const result = await save(form({ ...row(ids[0], 2, { votes: 999, elected: 'yes', took_seat: 'yes' }), ...row(other, 1, { status: 'registered' }) }, [ids[0], other])).catch((e) => e);
		expect(result).toBeInstanceOf(RecordRefusal);
		expect(result).toMatchObject({ field: `status-${other}`, status: 409 });
		expect((await stored()).map((r) => [r.version, r.votes])).toEqual([[2, 812], [3, 305], [2, 290]]);
	});

	it('refuses two tracked candidates of one party at the same list position, saving neither', async () => {
		const sdpk = await party(t.db, 'SDPK');
		const bishkek = await region(t.db, 'KG-GB');
		const onList: number[] = [];
		for (const position of [70, 71]) {
			const p = await person(t.db, bishkek);
			onList.push((await t.db.insertInto('candidacies').values({ person_id: p, contest_id: cityContestId, party_id: sdpk, list_position: position, status: 'on_ballot' }).returning('id').executeTakeFirstOrThrow()).id);
		}
		const result = await save(form({ ...row(onList[0], 1, { list_position: 72, elected: 'no' }), ...row(onList[1], 1, { list_position: 72 }) }, onList), cityContestId).catch((e) => e);
		expect(result).toBeInstanceOf(RecordRefusal);
		expect(result).toMatchObject({ field: `list_position-${onList[0]}` });
		const after = await t.db.selectFrom('candidacies').select(['list_position', 'version']).where('id', 'in', onList).orderBy('id').execute();
		expect(after).toEqual([{ list_position: 70, version: 1 }, { list_position: 71, version: 1 }]);
	});

	it('refuses rows of people outside a region-limited organizer’s regions', async () => {
		const talas = await region(t.db, 'KG-T');
		const limited: Actor = { ...admin, role: 'organizer', regionScope: [talas] };
		const parsed = validateResultsOrThrow(form(row(ids[2], 2, { votes: 292 }), [ids[2]]));
		const refused = await t.db.transaction().execute((trx) => saveResults(trx, context, limited, contestId, parsed, null)).catch((e) => e);
		expect(refused).toMatchObject({ status: 403 });
		expect(await contestCandidacies(t.db, contestId, [talas])).toEqual([]);
	});

	function validateResultsOrThrow(formData: FormData) {
		const parsed = validateResults(formData, 'majoritarian');
		if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
		return parsed.rows;
	}
});

describeEachDatabase('official totals and party results', (t) => {
	let contestId: number;

	it('refuses totals that contradict each other or the seats, at the field', () => {
		const fields = (values: Record<string, unknown>, seats: number | null = 45) => {
			const r = totalsSchema(seats).safeParse({ candidates: '700', women_candidates: '210', women_elected: '6', women_seats_before: '8', totals_source: '', ...values });
			return r.success ? [] : r.error.issues.map((i) => i.path[0]);
		};
		expect(fields({})).toEqual([]);
		expect(fields({ women_candidates: '701' })).toEqual(['women_candidates']);
		expect(fields({ women_elected: '211' })).toEqual(['women_elected']);
		expect(fields({ women_elected: '46' })).toEqual(['women_elected']);
		expect(fields({ women_elected: '46' }, null)).toEqual([]);
		expect(fields({ women_seats_before: '50' })).toEqual(['women_seats_before']);
		expect(fields({ candidates: '-1' })).toEqual(['candidates']);
		expect(fields({ women_candidates: 'abc' })).toEqual(['women_candidates']);
	});

	it('creates the totals once, then changes them at their version; a stale or a blind second creation conflicts', async () => {
		contestId = (await t.db.selectFrom('contests').select('id').where('name_en', '=', 'Bishkek City Kenesh').executeTakeFirstOrThrow()).id;
		const input = totalsSchema(45).parse({ candidates: '700', women_candidates: '210', women_elected: '6', women_seats_before: '8', totals_source: 'CEC' });
		await t.db.transaction().execute((trx) => saveTotals(trx, context, contestId, input));
		expect(await contestTotals(t.db, contestId)).toMatchObject({ candidates: 700, women_elected: 6, version: 1, source: 'CEC' });
		const blind = await t.db.transaction().execute((trx) => saveTotals(trx, context, contestId, input)).catch((e) => e);
		expect(blind).toBeInstanceOf(ConflictError);
		await t.db.transaction().execute((trx) => saveTotals(trx, context, contestId, { ...input, version: 1, women_elected: 7, source: null }));
		expect(await contestTotals(t.db, contestId)).toMatchObject({ women_elected: 7, version: 2, source: 'CEC' });
		const stale = await t.db.transaction().execute((trx) => saveTotals(trx, context, contestId, { ...input, version: 1 })).catch((e) => e);
		expect(stale).toBeInstanceOf(ConflictError);
	});

	it('keeps the parties’ seats within the council’s, and adds and removes party results', async () => {
		const results = await partyResults(t.db, contestId);
		expect(results.map((r) => [r.party, r.seats_won])).toEqual([['Social Democratic Party of Kyrgyzstan', 21], ['Respublika', 11], ['Ata-Meken', 7], ['Zamandash', 6]]);
		const existing = Object.fromEntries(results.flatMap((r) => [[`version-${r.id}`, r.version], [`seats_won-${r.id}`, r.seats_won], [`list_size-${r.id}`, '']]));
		const over = validatePartyResults(form({ ...existing, [`seats_won-${results[3].id}`]: 7 }, results.map((r) => r.id)), 45);
		expect(over).toMatchObject({ ok: false, errors: { [`seats_won-${results[3].id}`]: expect.stringContaining('45') } });

		const arNamys = await party(t.db, 'Ar-Namys');
		const added = validatePartyResults(form({ ...existing, [`list_size-${results[0].id}`]: 60, 'party_id-new': arNamys, 'seats_won-new': 0, 'list_size-new': 40, parties_source: 'CEC list' }, [...results.map((r) => r.id), 'new']), 45);
		if (!added.ok) throw new Error(JSON.stringify(added.errors));
		await t.db.transaction().execute((trx) => savePartyResults(trx, context, contestId, added.rows, added.source));
		const after = await partyResults(t.db, contestId);
		expect(after.find((r) => r.party_id === arNamys)).toMatchObject({ seats_won: 0, list_size: 40 });
		expect(after[0]).toMatchObject({ list_size: 60, version: 2 });

		const row = after.find((r) => r.party_id === arNamys)!;
		const removal = validatePartyResults(form({ [`version-${row.id}`]: row.version, [`seats_won-${row.id}`]: 0, [`remove-${row.id}`]: 'on' }, [row.id]), 45);
		if (!removal.ok) throw new Error('removal refused');
		await t.db.transaction().execute((trx) => savePartyResults(trx, context, contestId, removal.rows, null));
		expect((await partyResults(t.db, contestId)).some((r) => r.party_id === arNamys)).toBe(false);
	});
});

describeEachDatabase('party-list quota check from the stored positions', (t) => {
	let contestId: number;
	let partyId: number;
	const positions = (genders: string[], versions: Record<number, number> = {}) =>
		form(Object.fromEntries(genders.flatMap((g, i) => [[`gender-${i + 1}`, g], [`name-${i + 1}`, ''], [`person-${i + 1}`, ''], [`version-${i + 1}`, versions[i + 1] ?? '']])), genders.map((_, i) => i + 1));
	const store = async (size: number, genders: string[], resultVersion: number | null, versions: Record<number, number> = {}) => {
		const parsed = validateListPositions(positions(genders, versions), size);
		if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
		await t.db.transaction().execute((trx) => saveList(trx, context, contestId, partyId, { list_size: size, result_version: resultVersion, source: 'Registered list' }, parsed.rows));
	};

	it('says how many positions are missing until the list is complete', async () => {
		contestId = (await t.db.selectFrom('contests').select('id').where('name_en', '=', 'Bishkek City Kenesh').executeTakeFirstOrThrow()).id;
		partyId = await party(t.db, 'Zamandash');
		await store(10, ['female', 'male', 'male', '', 'male', 'female', 'male', 'male', 'female', ''], 1);
		const list = await partyList(t.db, contestId, partyId, null);
		expect(list.result).toMatchObject({ list_size: 10, seats_won: 6 });
		expect(list.entries.map((e) => e.position)).toEqual([1, 2, 3, 5, 6, 7, 8, 9]);
		expect(list.check).toMatchObject({ complete: false, missing: [4, 10], recorded: 8 });
	});

	it('gives the verdict once every position is recorded: exactly 70% men passes, 80% fails', async () => {
		const list = await partyList(t.db, contestId, partyId, null);
		const versions = Object.fromEntries(list.entries.map((e) => [e.position, e.version]));
		await store(10, ['female', 'male', 'male', 'male', 'male', 'female', 'male', 'male', 'female', 'male'], list.result!.version, versions);
		expect((await partyList(t.db, contestId, partyId, null)).check).toMatchObject({ complete: true, women: 3, men: 7, meets: true });

		const now = await partyList(t.db, contestId, partyId, null);
		const changed = Object.fromEntries(now.entries.map((e) => [e.position, e.version]));
		await store(10, ['male', 'male', 'male', 'male', 'male', 'female', 'male', 'male', 'female', 'male'], now.result!.version, changed);
		const check = (await contestQuotas(t.db, contestId)).get(partyId);
		expect(check).toMatchObject({ complete: true, women: 2, men: 8, meets: false });
		expect((await partyList(t.db, contestId, partyId, null)).entries[0]).toMatchObject({ gender: 'male', version: 2 });
	});

	it('removes positions beyond a shorter list, refuses a stale position, and checks the posted rows', async () => {
		const list = await partyList(t.db, contestId, partyId, null);
		await store(8, [], list.result!.version);
		expect((await partyList(t.db, contestId, partyId, null)).entries.map((e) => e.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
		const stale = await store(8, ['female'], (await partyList(t.db, contestId, partyId, null)).result!.version, { 1: 1 }).catch((e) => e);
		expect(stale).toBeInstanceOf(ConflictError);
		expect(validateListPositions(positions(['', '', 'robot']), 8)).toMatchObject({ ok: false, errors: { 'gender-3': expect.any(String) } });
		expect(validateListPositions(form({ 'gender-9': 'female' }, [9]), 8)).toMatchObject({ ok: false, errors: { 'gender-9': expect.any(String) } });
		expect(validateListPositions(form({ 'gender-1': '', 'name-1': 'Айгүл' }, [1]), 8)).toMatchObject({ ok: false, errors: { 'gender-1': expect.any(String) } });
		expect(validateListPositions(form({ 'gender-1': 'female', 'name-1': '<script>alert(1)</script>' }, [1]), 8)).toMatchObject({ ok: false, errors: { 'name-1': expect.any(String) } });
	});

	it('gives a verdict for the demo city keneshes’ lists', async () => {
		await loadDemo(t.db, { password: 'quota test password' });
		const entries = await t.db.selectFrom('party_list_entries').select(['contest_id', 'party_id']).where('is_demo', '=', true).execute();
		expect(entries.length).toBeGreaterThan(0);
		const verdicts = [];
		for (const key of new Set(entries.map((e) => `${e.contest_id}:${e.party_id}`))) {
			const [contest, partyOfList] = key.split(':').map(Number);
			verdicts.push((await contestQuotas(t.db, contest)).get(partyOfList)!);
		}
		expect(verdicts.some((v) => v.complete)).toBe(true);
		expect(verdicts.some((v) => !v.complete && v.missing.length > 0)).toBe(true);
	});
});
