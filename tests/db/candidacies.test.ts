import { expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db';
import type { Actor } from '../../src/lib/server/auth/permissions';
import { ConflictError, restoreRecord, revertChange } from '../../src/lib/server/records/changes';
import { recordHistory } from '../../src/lib/server/records/history';
import { recentlyDeleted } from '../../src/lib/server/records/deleted';
import { addActivity, createCandidacy, deleteActivity, deleteCandidacy, updateActivity, updateCandidacy } from '../../src/lib/server/candidacies/actions';
import { campaignActivities, candidaciesOfPerson, getCandidacy } from '../../src/lib/server/candidacies/queries';
import { activitySchema, candidacySchema, newCandidacySchema, type CandidacyInput } from '../../src/lib/server/candidacies/schema';
import { RecordRefusal } from '../../src/lib/server/elections/refusal';
import { describeEachDatabase } from '../helpers/databases';

const admin: Actor = { kind: 'user', userId: null, shareLinkId: null, role: 'admin', displayName: 'Test admin', email: null, regionScope: null, sessionId: null, locale: null };
const context = {};

async function regionId(db: Db, code: string): Promise<number> {
	return (await db.selectFrom('regions').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
}

async function newPerson(db: Db, name: string, region: number): Promise<number> {
	const row = await db
		.insertInto('people')
		.values({ full_name: name, name_latin: name, search_key: name.toLowerCase(), sort_key: name.toLowerCase(), region_id: region })
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

describeEachDatabase('candidacies: rules, duplicates, regions, changes and campaign activities', (t) => {
	let bishkek: number;
	let aiyl: number;
	let sdpk: number;
	let aigul: number;
	let candidacyId: number;
	const create = (values: Record<string, unknown>, actor: Actor = admin) =>
		t.db.transaction().execute((trx) => createCandidacy(trx, context, actor, newCandidacySchema.parse({ status: 'registered', ...values })));
	const refusal = (p: Promise<unknown>) => p.then(() => undefined, (e) => e as RecordRefusal);

	it('sets up a city-kenesh (party list) and an aiyl-kenesh district race', async () => {
		bishkek = (await t.db.selectFrom('contests').select('id').where('name_en', '=', 'Bishkek City Kenesh').executeTakeFirstOrThrow()).id;
		const november = await t.db.selectFrom('elections').select('id').where('date', '=', '2012-11-25').executeTakeFirstOrThrow();
		aiyl = (
			await t.db
				.insertInto('contests')
				.values({ election_id: november.id, region_id: await regionId(t.db, 'KG-N-KOC'), council_kind: 'aiyl_kenesh', name_en: 'Kochkor Aiyl Kenesh', name_ru: 'Кочкорский айыльный кенеш', name_ky: 'Кочкор айыл кеңеши', seats: 3, electoral_system: 'majoritarian', district: '№4' })
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
		sdpk = (await t.db.selectFrom('organizations').select('id').where('short_name', '=', 'SDPK').executeTakeFirstOrThrow()).id;
		aigul = await newPerson(t.db, 'Асанова Айгүл', await regionId(t.db, 'KG-N-KOC'));
	});

	it('creates a candidacy in a district, taking the district of the race, and shows it in her history', async () => {
		candidacyId = await create({ person_id: aigul, contest_id: aiyl, source: 'Organizer’s call' });
		expect(await getCandidacy(t.db, candidacyId, 'ru')).toMatchObject({ person_id: aigul, contest: 'Кочкорский айыльный кенеш', district: '№4', status: 'registered', elected: null, version: 1 });
		const history = await recordHistory(t.db, 'people', aigul);
		expect(history[0]).toMatchObject({ entity: 'candidacies', entityId: candidacyId, action: 'create', source: 'Organizer’s call' });
	});

	it('refuses a second candidacy of the same person in the same race, at the contest field', async () => {
		const e = await refusal(create({ person_id: aigul, contest_id: aiyl }));
		expect(e).toBeInstanceOf(RecordRefusal);
		expect(e).toMatchObject({ field: 'contest_id', status: 409, message: 'She already has a candidacy in this race.' });
		const count = await t.db.selectFrom('candidacies').select((eb) => eb.fn.countAll<number>().as('n')).where('person_id', '=', aigul).executeTakeFirstOrThrow();
		expect(Number(count.n)).toBe(1);
	});

	it('refuses each rule at its field when creating', async () => {
		const other = await newPerson(t.db, 'Бекова Нургүл', await regionId(t.db, 'KG-GB'));
		const cases: Array<[Record<string, unknown>, string]> = [
			[{ contest_id: aiyl, list_position: '3' }, 'list_position'],
			[{ contest_id: bishkek, district: '№1' }, 'district'],
			[{ contest_id: bishkek, status: 'withdrawn' }, 'exit_stage'],
			[{ contest_id: bishkek, exit_stage: 'nominated' }, 'exit_stage'],
			[{ contest_id: bishkek, party_id: String(await regionId(t.db, 'KG')) }, 'party_id'],
			[{ contest_id: 999999 }, 'contest_id'],
			[{ person_id: 999999, contest_id: bishkek }, 'person_id']
		];
		for (const [values, field] of cases) {
			const e = await refusal(create({ person_id: other, ...values }));
			expect(e, JSON.stringify(values)).toBeInstanceOf(RecordRefusal);
			expect(e?.field, JSON.stringify(values)).toBe(field);
		}
		const first = await create({ person_id: other, contest_id: bishkek, party_id: String(sdpk), list_position: '60' });
		const third = await newPerson(t.db, 'Токтосунова Бермет', await regionId(t.db, 'KG-GB'));
		expect(await refusal(create({ person_id: third, contest_id: bishkek, party_id: String(sdpk), list_position: '60' }))).toMatchObject({ field: 'list_position' });
		expect(first).toBeGreaterThan(0);
		expect(await t.db.selectFrom('candidacies').select('id').where('person_id', '=', third).execute()).toEqual([]);
	});

	it('refuses an organizer limited to Naryn a candidacy for a woman of Talas, and stores nothing', async () => {
		const naryn = await regionId(t.db, 'KG-N');
		const narynRaions = (await t.db.selectFrom('regions').select('id').where('parent_id', '=', naryn).execute()).map((r) => r.id);
		const limited: Actor = { ...admin, role: 'organizer', regionScope: [naryn, ...narynRaions] };
		const talasWoman = await newPerson(t.db, 'Осмонова Жыпар', await regionId(t.db, 'KG-T-TAL'));
		const e = await refusal(create({ person_id: talasWoman, contest_id: bishkek }, limited));
		expect(e).toMatchObject({ field: 'person_id', status: 403 });
		expect(await t.db.selectFrom('candidacies').select('id').where('person_id', '=', talasWoman).execute()).toEqual([]);
		const narynWoman = await newPerson(t.db, 'Жумабекова Чолпон', await regionId(t.db, 'KG-N-KOC'));
		expect(await create({ person_id: narynWoman, contest_id: aiyl }, limited)).toBeGreaterThan(0);
	});

	it('records the result at the version the form was loaded with; a stale save conflicts', async () => {
		const input = (values: Record<string, unknown>): CandidacyInput =>
			candidacySchema.parse({ version: '1', status: 'on_ballot', party_id: '', list_position: '', district: '', votes: '640', vote_share: '38,2', rank: '1', elected: 'yes', took_seat: 'unknown', notes: '', source: 'DEC protocol', ...values });
		await t.db.transaction().execute((trx) => updateCandidacy(trx, context, candidacyId, input({})));
		expect(await getCandidacy(t.db, candidacyId, 'en')).toMatchObject({ status: 'on_ballot', votes: 640, vote_share: 38.2, elected: true, district: '№4', source: 'DEC protocol', version: 2 });
		const stale = await t.db.transaction().execute((trx) => updateCandidacy(trx, context, candidacyId, input({ votes: '650' }))).catch((e) => e);
		expect(stale).toBeInstanceOf(ConflictError);
		expect((stale as ConflictError).meanwhile[0].after).toMatchObject({ votes: 640, elected: true });
	});

	it('refuses each result rule at its field when editing', async () => {
		const base = { version: '2', status: 'on_ballot', party_id: '', list_position: '', district: '', votes: '640', vote_share: '', rank: '', elected: 'yes', took_seat: 'unknown', notes: '', source: '' };
		const cases: Array<[Record<string, string>, string]> = [
			[{ status: 'registered', votes: '' }, 'elected'],
			[{ elected: 'no', took_seat: 'yes' }, 'took_seat'],
			[{ list_position: '2' }, 'list_position'],
			[{ status: 'rejected', elected: 'unknown', votes: '' }, 'exit_stage']
		];
		for (const [values, field] of cases) {
			const e = await refusal(t.db.transaction().execute((trx) => updateCandidacy(trx, context, candidacyId, candidacySchema.parse({ ...base, ...values }))));
			expect(e, JSON.stringify(values)).toBeInstanceOf(RecordRefusal);
			expect(Object.keys(e!.errors), JSON.stringify(values)).toEqual([field]);
		}
		const shape = (values: Record<string, string>) => {
			const r = candidacySchema.safeParse({ ...base, ...values });
			return r.success ? [] : r.error.issues.map((i) => i.path[0]);
		};
		expect(shape({ votes: '-5' })).toEqual(['votes']);
		expect(shape({ vote_share: '100,5' })).toEqual(['vote_share']);
		expect(shape({ elected: 'maybe' })).toEqual(['elected']);
		expect(await getCandidacy(t.db, candidacyId, 'en')).toMatchObject({ version: 2 });
	});

	it('adds, changes and removes campaign activities; refuses negative reach and future dates', async () => {
		const activity = activitySchema.parse({ kind: 'meeting', date: '2012-11-10', description: 'Встреча в доме культуры', people_reached: '85', source: '' });
		const id = await t.db.transaction().execute((trx) => addActivity(trx, context, candidacyId, activity));
		await t.db.transaction().execute((trx) => updateActivity(trx, context, candidacyId, id, 1, { ...activity, people_reached: 95 }));
		expect(await campaignActivities(t.db, candidacyId)).toMatchObject([{ id, kind: 'meeting', people_reached: 95, version: 2 }]);
		expect((await recordHistory(t.db, 'people', aigul)).some((h) => h.entity === 'campaign_activities' && h.entityId === id)).toBe(true);

		const fields = (values: Record<string, string>) => {
			const r = activitySchema.safeParse({ kind: 'media', date: '', description: '', people_reached: '', source: '', ...values });
			return r.success ? [] : r.error.issues.map((i) => i.path[0]);
		};
		expect(fields({ people_reached: '-1' })).toEqual(['people_reached']);
		expect(fields({ date: '2999-01-01' })).toEqual(['date']);
		expect(fields({ kind: 'rally' })).toEqual(['kind']);
		expect(fields({})).toEqual([]);

		const elsewhere = await refusal(t.db.transaction().execute((trx) => deleteActivity(trx, context, candidacyId + 1000, id, 2)));
		expect(elsewhere).toMatchObject({ status: 404 });
		expect((await candidaciesOfPerson(t.db, aigul, 'en'))[0].activities).toBe(1);
		await t.db.transaction().execute((trx) => deleteActivity(trx, context, candidacyId, id, 2));
		expect(await campaignActivities(t.db, candidacyId)).toEqual([]);
		expect((await candidaciesOfPerson(t.db, aigul, 'en'))[0].activities).toBe(0);

		// A removed activity is listed with the recently deleted records, and comes back on restore.
		expect(await recentlyDeleted(t.db, null, 'en')).toContainEqual(expect.objectContaining({ table: 'campaign_activities', id, title: expect.stringContaining('Встреча в доме культуры') }));
		await t.db.transaction().execute((trx) => restoreRecord(trx, context, 'campaign_activities', id, { details: { person_id: aigul } }));
		expect(await campaignActivities(t.db, candidacyId)).toMatchObject([{ id, people_reached: 95 }]);
		expect((await recentlyDeleted(t.db, null, 'en')).some((r) => r.table === 'campaign_activities')).toBe(false);
		await t.db.transaction().execute((trx) => deleteActivity(trx, context, candidacyId, id, 4));
	});

	it('lists her candidacies for her page, the council in each language, elected as stored', async () => {
		for (const [locale, contest] of [['en', 'Kochkor Aiyl Kenesh'], ['ru', 'Кочкорский айыльный кенеш'], ['ky', 'Кочкор айыл кеңеши']] as const) {
			expect(await candidaciesOfPerson(t.db, aigul, locale)).toEqual([
				expect.objectContaining({ id: candidacyId, contest, election_date: '2012-11-25', district: '№4', status: 'on_ballot', votes: 640, elected: true, took_seat: null, party: null, list_position: null })
			]);
		}
	});

	it('deletes a candidacy softly, restores it, and undoes a change', async () => {
		await t.db.transaction().execute((trx) => deleteCandidacy(trx, context, candidacyId, 2));
		expect(await getCandidacy(t.db, candidacyId, 'en')).toBeUndefined();
		expect(await candidaciesOfPerson(t.db, aigul, 'en')).toEqual([]);
		await t.db.transaction().execute((trx) => restoreRecord(trx, context, 'candidacies', candidacyId, { details: { person_id: aigul } }));
		const update = (await recordHistory(t.db, 'candidacies', candidacyId)).find((h) => h.action === 'update')!;
		await t.db.transaction().execute((trx) => revertChange(trx, context, update.id));
		expect(await getCandidacy(t.db, candidacyId, 'en')).toMatchObject({ status: 'registered', votes: null, elected: null, version: 5 });
		// With the result undone, a new candidacy in the same race is still refused: she has one.
		expect(await refusal(create({ person_id: aigul, contest_id: aiyl }))).toMatchObject({ field: 'contest_id' });
	});
});
