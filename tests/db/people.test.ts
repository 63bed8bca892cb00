import { beforeAll, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db';
import { createPerson, findDuplicates, updatePerson } from '../../src/lib/server/people/actions';
import { mergePeople } from '../../src/lib/server/people/merge';
import { cascadeOfPerson, tiesOfPerson } from '../../src/lib/server/people/person';
import { listPeople, peopleQuerySchema } from '../../src/lib/server/people/queries';
import { personSchema, type PersonInput } from '../../src/lib/server/people/schema';
import { addTie } from '../../src/lib/server/people/ties';
import { ConflictError, createRecord, deleteRecord, restoreRecord, revertChange, RevertConflictError } from '../../src/lib/server/records/changes';
import { recordHistory } from '../../src/lib/server/records/history';
import { describeEachDatabase } from '../helpers/databases';

const ctx = {};

function input(fields: Partial<Record<keyof PersonInput, unknown>>): PersonInput {
	return personSchema().parse({ gender: 'female', ...fields });
}

async function person(db: Db, fields: Partial<Record<keyof PersonInput, unknown>>): Promise<number> {
	const row = await db.transaction().execute((trx) => createPerson(trx, ctx, input(fields)));
	return row.id as number;
}

async function regionId(db: Db, code: string) {
	return (await db.selectFrom('regions').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
}

const ids = (rows: Array<{ id: number }>) => rows.map((r) => r.id).sort((a, b) => a - b);
const list = (db: Db, query: Record<string, unknown>, scope: number[] | null = null) => listPeople(db, peopleQuerySchema.parse(query), scope, 'en');

describeEachDatabase('people: search across scripts', (t) => {
	let aigul: number, latin: number, omurbekova: number, chong: number, nurgul: number;
	beforeAll(async () => {
		aigul = await person(t.db, { full_name: 'Айгүл Осмонова' });
		latin = await person(t.db, { full_name: 'Aigul Smith' });
		omurbekova = await person(t.db, { full_name: 'Өмүрбекова Жылдыз' });
		chong = await person(t.db, { full_name: 'Чоңбаева Бермет' });
		nurgul = await person(t.db, { full_name: 'Нургүл Жумабаева' });
	});

	it('finds a Cyrillic name from its Latin spelling and a Latin name from a Cyrillic spelling', async () => {
		expect(ids((await list(t.db, { q: 'Aigul' })).rows)).toEqual([aigul, latin].sort((a, b) => a - b));
		expect(ids((await list(t.db, { q: 'Айгуль' })).rows)).toEqual([aigul, latin].sort((a, b) => a - b));
		expect(ids((await list(t.db, { q: 'smith' })).rows)).toEqual([latin]);
	});

	it('folds the Kyrgyz letters ң ө ү, case and diacritics', async () => {
		expect(ids((await list(t.db, { q: 'omurbekova' })).rows)).toEqual([omurbekova]);
		expect(ids((await list(t.db, { q: 'ӨМҮРБЕКОВА' })).rows)).toEqual([omurbekova]);
		expect(ids((await list(t.db, { q: 'Чонбаева' })).rows)).toEqual([chong]);
		expect(ids((await list(t.db, { q: 'CHONGBAEVA' })).rows)).toEqual([chong]);
		expect(ids((await list(t.db, { q: 'Zhyldyz' })).rows)).toEqual([omurbekova]);
		expect(ids((await list(t.db, { q: 'nurgül' })).rows)).toEqual([nurgul]);
	});

	it('treats search text as text, not as a pattern or SQL', async () => {
		expect((await list(t.db, { q: '%' })).total).toBe(0);
		expect((await list(t.db, { q: "x'); drop table people;--" })).total).toBe(0);
		expect((await list(t.db, {})).total).toBe(5);
	});
});

describeEachDatabase('people: every filter and every sort', (t) => {
	const p: Record<string, number> = {};
	beforeAll(async () => {
		const db = t.db;
		const naryn = await regionId(db, 'KG-N');
		const kochkor = await regionId(db, 'KG-N-KOC');
		const osh = await regionId(db, 'KG-GO');
		p.a = await person(db, { full_name: 'Асанова Айзада', region_id: kochkor, background: 'ngo', birth_year: 1980, consent_stored_at: '2012-04-01', consent_public_name: 'on' });
		p.b = await person(db, { full_name: 'Бекова Бермет', region_id: naryn, background: 'media', birth_year: 1990, consent_stored_at: '2012-04-02' });
		p.c = await person(db, { full_name: 'Васильева Вера', region_id: osh, background: 'ngo', birth_year: 1970 });
		p.d = await person(db, { full_name: 'Гуляева Гулмира', background: 'expert' });
		const training = await createRecord(db, ctx, 'trainings', { title: 'Step-down', kind: 'step_down', start_date: '2012-05-01', end_date: '2012-05-02' });
		await createRecord(db, ctx, 'training_participants', { training_id: training.id, person_id: p.a, role: 'participant', completed: true });
		await createRecord(db, ctx, 'training_participants', { training_id: training.id, person_id: p.c, role: 'facilitator', completed: true });
		p.training = training.id as number;
		const november = await db.selectFrom('elections').select('id').where('date', '=', '2012-11-25').executeTakeFirstOrThrow();
		const march = await db.selectFrom('elections').select('id').where('date', '=', '2012-03-04').executeTakeFirstOrThrow();
		const bishkek = await db.selectFrom('contests').select('id').where('name_en', '=', 'Bishkek City Kenesh').executeTakeFirstOrThrow();
		const oshCity = await db.selectFrom('contests').select('id').where('name_en', '=', 'Osh City Kenesh').executeTakeFirstOrThrow();
		const sdpk = await db.selectFrom('organizations').select('id').where('short_name', '=', 'SDPK').executeTakeFirstOrThrow();
		const respublika = await db.selectFrom('organizations').select('id').where('name', '=', 'Respublika').executeTakeFirstOrThrow();
		p.november = november.id;
		p.march = march.id;
		p.sdpk = sdpk.id;
		p.respublika = respublika.id;
		await createRecord(db, ctx, 'candidacies', { person_id: p.a, contest_id: bishkek.id, party_id: sdpk.id, list_position: 3, status: 'on_ballot', elected: true });
		await createRecord(db, ctx, 'candidacies', { person_id: p.b, contest_id: bishkek.id, party_id: respublika.id, list_position: 20, status: 'on_ballot', elected: false });
		await createRecord(db, ctx, 'candidacies', { person_id: p.c, contest_id: bishkek.id, party_id: sdpk.id, list_position: 9, status: 'on_ballot', elected: null });
		await createRecord(db, ctx, 'candidacies', { person_id: p.c, contest_id: oshCity.id, party_id: respublika.id, status: 'withdrawn', exit_stage: 'registered' });
	});

	it('filters by region including its raions, by training and by background', async () => {
		const naryn = await regionId(t.db, 'KG-N');
		expect(ids((await list(t.db, { region: naryn })).rows)).toEqual([p.a, p.b]);
		expect(ids((await list(t.db, { region: await regionId(t.db, 'KG-N-KOC') })).rows)).toEqual([p.a]);
		expect(ids((await list(t.db, { region: await regionId(t.db, 'KG') })).rows)).toEqual([p.a, p.b, p.c]);
		expect(ids((await list(t.db, { training: p.training })).rows)).toEqual([p.a, p.c]);
		expect(ids((await list(t.db, { background: 'ngo' })).rows)).toEqual([p.a, p.c]);
	});

	it('filters by candidacy status, election, party and outcome, within one candidacy', async () => {
		expect(ids((await list(t.db, { status: 'withdrawn' })).rows)).toEqual([p.c]);
		expect(ids((await list(t.db, { election: p.november })).rows)).toEqual([p.a, p.b, p.c]);
		expect(ids((await list(t.db, { election: p.march })).rows)).toEqual([p.c]);
		expect(ids((await list(t.db, { party: p.sdpk })).rows)).toEqual([p.a, p.c]);
		expect(ids((await list(t.db, { outcome: 'elected' })).rows)).toEqual([p.a]);
		expect(ids((await list(t.db, { outcome: 'not_elected' })).rows)).toEqual([p.b]);
		expect(ids((await list(t.db, { outcome: 'pending' })).rows)).toEqual([p.c]);
		// Withdrawn in March and pending on the SDPK list in November: not "withdrawn on the SDPK list".
		expect(ids((await list(t.db, { status: 'withdrawn', party: p.sdpk })).rows)).toEqual([]);
		expect(ids((await list(t.db, { party: p.respublika, election: p.march })).rows)).toEqual([p.c]);
	});

	it('filters by consent', async () => {
		expect(ids((await list(t.db, { consent: 'stored' })).rows)).toEqual([p.a, p.b]);
		expect(ids((await list(t.db, { consent: 'not_stored' })).rows)).toEqual([p.c, p.d]);
		expect(ids((await list(t.db, { consent: 'public' })).rows)).toEqual([p.a]);
		expect(ids((await list(t.db, { consent: 'not_public' })).rows)).toEqual([p.b, p.c, p.d]);
	});

	it('sorts by every column, both ways, and counts the matches', async () => {
		const order = async (sort: string, dir = 'asc') => (await list(t.db, { sort, dir })).rows.map((r) => r.id);
		expect(await order('name')).toEqual([p.a, p.b, p.c, p.d]);
		expect(await order('name', 'desc')).toEqual([p.d, p.c, p.b, p.a]);
		expect(await order('birth_year')).toEqual([p.c, p.a, p.b, p.d]);
		expect(await order('birth_year', 'desc')).toEqual([p.b, p.a, p.c, p.d]);
		expect(await order('candidacies', 'desc')).toEqual([p.c, p.a, p.b, p.d]);
		expect((await order('elected', 'desc'))[0]).toBe(p.a);
		expect(await order('background')).toEqual([p.d, p.b, p.a, p.c]);
		expect((await order('region')).slice(-1)).toEqual([p.d]);
		const all = await list(t.db, {});
		expect(all.total).toBe(4);
	});

	it('narrows to the regions of a limited organizer', async () => {
		const naryn = await regionId(t.db, 'KG-N');
		const kochkor = await regionId(t.db, 'KG-N-KOC');
		expect(ids((await list(t.db, {}, [naryn, kochkor])).rows)).toEqual([p.a, p.b]);
		expect((await list(t.db, {}, [])).total).toBe(0);
	});
});

describeEachDatabase('people: versions, history, undo, delete and restore', (t) => {
	it('refuses a stale save, says what changed meanwhile, and writes nothing', async () => {
		const id = await person(t.db, { full_name: 'Токтогулова Нуриза', phone: '+996 000 111 222' });
		await t.db.transaction().execute((trx) => updatePerson(trx, { actor: null }, id, 1, input({ full_name: 'Токтогулова Нуриза', phone: '+996 000 333 444' })));
		const stale = t.db.transaction().execute((trx) => updatePerson(trx, ctx, id, 1, input({ full_name: 'Токтогулова Нуриза', phone: '+996 000 999 999', notes: 'mine' })));
		await expect(stale).rejects.toBeInstanceOf(ConflictError);
		const error = (await stale.catch((e) => e)) as ConflictError;
		expect(error.meanwhile.map((c) => c.after.phone)).toEqual(['+996 000 333 444']);
		const row = await t.db.selectFrom('people').select(['phone', 'notes', 'version']).where('id', '=', id).executeTakeFirstOrThrow();
		expect(row).toEqual({ phone: '+996 000 333 444', notes: null, version: 2 });
		// Re-applied over the current version, her values win.
		await t.db.transaction().execute((trx) => updatePerson(trx, ctx, id, 2, input({ full_name: 'Токтогулова Нуриза', phone: '+996 000 999 999', notes: 'mine' })));
		expect((await t.db.selectFrom('people').select('phone').where('id', '=', id).executeTakeFirstOrThrow()).phone).toBe('+996 000 999 999');
	});

	it('keeps every change with before/after and source, and undoes one as a new change', async () => {
		const id = await person(t.db, { full_name: 'Садыкова Чолпон', phone: '+996 000 100 100' });
		await t.db.transaction().execute((trx) => updatePerson(trx, ctx, id, 1, input({ full_name: 'Садыкова Чолпон', phone: '+996 000 200 200', source: 'call 12.05.2012' })));
		const history = await recordHistory(t.db, 'people', id);
		const change = history.find((e) => e.action === 'update')!;
		expect(change).toMatchObject({ before: { phone: '+996 000 100 100' }, after: { phone: '+996 000 200 200' }, source: 'call 12.05.2012' });
		await t.db.transaction().execute((trx) => revertChange(trx, ctx, change.id));
		const row = await t.db.selectFrom('people').select(['phone', 'version']).where('id', '=', id).executeTakeFirstOrThrow();
		expect(row).toEqual({ phone: '+996 000 100 100', version: 3 });
		expect((await recordHistory(t.db, 'people', id))[0]).toMatchObject({ action: 'revert', after: { phone: '+996 000 100 100' } });
	});

	it('refuses to undo a change whose fields were changed again later', async () => {
		const id = await person(t.db, { full_name: 'Абдылдаева Гүлнара', phone: '+996 000 1' + '11 111' });
		await t.db.transaction().execute((trx) => updatePerson(trx, ctx, id, 1, input({ full_name: 'Абдылдаева Гүлнара', phone: '+996 000 222 222' })));
		const first = (await recordHistory(t.db, 'people', id)).find((e) => e.action === 'update')!;
		await t.db.transaction().execute((trx) => updatePerson(trx, ctx, id, 2, input({ full_name: 'Абдылдаева Гүлнара', phone: '+996 000 333 333' })));
		await expect(t.db.transaction().execute((trx) => revertChange(trx, ctx, first.id))).rejects.toBeInstanceOf(RevertConflictError);
		expect((await t.db.selectFrom('people').select('phone').where('id', '=', id).executeTakeFirstOrThrow()).phone).toBe('+996 000 333 333');
	});

	it('deletes softly and restores, with both in the history; a name change keeps search working after undo', async () => {
		const id = await person(t.db, { full_name: 'Иманалиева Мээрим' });
		await t.db.transaction().execute((trx) => deleteRecord(trx, ctx, 'people', id, 1));
		expect((await list(t.db, { q: 'Meerim' })).total).toBe(0);
		expect(await t.db.selectFrom('people').select('id').where('id', '=', id).executeTakeFirst()).toEqual({ id });
		await t.db.transaction().execute((trx) => restoreRecord(trx, ctx, 'people', id));
		expect((await list(t.db, { q: 'Meerim' })).total).toBe(1);
		expect((await recordHistory(t.db, 'people', id)).map((e) => e.action)).toEqual(['restore', 'delete', 'create']);

		await t.db.transaction().execute((trx) => updatePerson(trx, ctx, id, 3, input({ full_name: 'Иманалиева Алтынай' })));
		expect((await list(t.db, { q: 'Altynai' })).total).toBe(1);
		const rename = (await recordHistory(t.db, 'people', id))[0];
		await t.db.transaction().execute((trx) => revertChange(trx, ctx, rename.id));
		expect((await list(t.db, { q: 'Meerim' })).total).toBe(1);
		expect((await list(t.db, { q: 'Altynai' })).total).toBe(0);
	});
});

describeEachDatabase('people: duplicates and merging', (t) => {
	it('suggests duplicates by name in any script with the same birth year or phone', async () => {
		await person(t.db, { full_name: 'Жумабаева Динара', birth_year: 1985, phone: '+996 000 555 111' });
		const sameNameYear = await findDuplicates(t.db, input({ full_name: 'Zhumabaeva Dinara', birth_year: 1985 }));
		expect(sameNameYear.map((d) => d.reason)).toEqual(['name_and_birth_year']);
		const samePhone = await findDuplicates(t.db, input({ full_name: 'Someone Else', phone: '(996) 000-555-111' }));
		expect(samePhone.map((d) => d.reason)).toEqual(['phone']);
		expect(await findDuplicates(t.db, input({ full_name: 'Жумабаева Динара', birth_year: 1990 }))).toEqual([]);
	});

	it('moves trainings, ties, memberships and candidacies to the survivor; nothing live points at the merged person', async () => {
		const db = t.db;
		const keep = await person(db, { full_name: 'Кадырова Асель', birth_year: 1982 });
		const gone = await person(db, { full_name: 'Kadyrova Asel', phone: '+996 000 777 888', languages: ['en'] });
		const friend = await person(db, { full_name: 'Исакова Бактыгүл' });
		const training = await createRecord(db, ctx, 'trainings', { title: 'T', kind: 'workshop', start_date: '2012-06-01', end_date: '2012-06-01' });
		const other = await createRecord(db, ctx, 'trainings', { title: 'U', kind: 'workshop', start_date: '2012-07-01', end_date: '2012-07-01' });
		await createRecord(db, ctx, 'training_participants', { training_id: training.id, person_id: keep, role: 'participant', completed: false });
		await createRecord(db, ctx, 'training_participants', { training_id: training.id, person_id: gone, role: 'participant', completed: true });
		await createRecord(db, ctx, 'training_participants', { training_id: other.id, person_id: gone, role: 'facilitator', completed: true });
		await db.transaction().execute((trx) => addTie(trx, ctx, gone, { other_person_id: friend, kind: 'colleague', start_date: null, note: null, source: null }));
		await db.transaction().execute((trx) => addTie(trx, ctx, keep, { other_person_id: gone, kind: 'collaborator', start_date: null, note: null, source: null }));
		const ngo = await createRecord(db, ctx, 'organizations', { name: 'NGO', kind: 'ngo' });
		await createRecord(db, ctx, 'memberships', { person_id: gone, organization_id: ngo.id, role: 'member' });
		const contest = await db.selectFrom('contests').select('id').where('name_en', '=', 'Bishkek City Kenesh').executeTakeFirstOrThrow();
		await createRecord(db, ctx, 'candidacies', { person_id: gone, contest_id: contest.id, status: 'registered' });

		const summary = await db.transaction().execute((trx) => mergePeople(trx, ctx, { id: keep, version: 1 }, { id: gone, version: 1 }, 'same woman, two spellings'));
		expect(summary).toMatchObject({ participations: 1, relationships: 1, memberships: 1, candidacies: 1, duplicatesDeleted: 2 });

		for (const [table, column] of [
			['training_participants', 'person_id'],
			['memberships', 'person_id'],
			['candidacies', 'person_id'],
			['relationships', 'person_id'],
			['relationships', 'other_person_id'],
			['party_list_entries', 'person_id']
		] as const) {
			const left = await db.selectFrom(table).select('id').where(column, '=', gone).where('deleted_at', 'is', null).execute();
			expect(left, `${table}.${column}`).toEqual([]);
		}
		const kept = await db.selectFrom('training_participants').selectAll().where('person_id', '=', keep).where('deleted_at', 'is', null).orderBy('training_id').execute();
		expect(kept.map((k) => [k.training_id, k.role, k.completed])).toEqual([
			[training.id, 'participant', true],
			[other.id, 'facilitator', true]
		]);
		expect((await tiesOfPerson(db, keep)).map((x) => x.otherId)).toEqual([friend]);
		const survivor = await db.selectFrom('people').select(['phone', 'birth_year', 'languages']).where('id', '=', keep).executeTakeFirstOrThrow();
		expect(survivor).toEqual({ phone: '+996 000 777 888', birth_year: 1982, languages: ['en'] });
		const merged = await db.selectFrom('people').select(['merged_into_id', 'deleted_at']).where('id', '=', gone).executeTakeFirstOrThrow();
		expect(merged.merged_into_id).toBe(keep);
		expect(merged.deleted_at).not.toBeNull();
		expect((await recordHistory(db, 'people', keep)).some((e) => e.action === 'merge' && e.source === 'same woman, two spellings')).toBe(true);
	});

	it('refuses a merge from a stale page', async () => {
		const a = await person(t.db, { full_name: 'Орозбаева Айнура' });
		const b = await person(t.db, { full_name: 'Orozbaeva Ainura' });
		await t.db.transaction().execute((trx) => updatePerson(trx, ctx, b, 1, input({ full_name: 'Orozbaeva Ainura', birth_year: 1979 })));
		await expect(t.db.transaction().execute((trx) => mergePeople(trx, ctx, { id: a, version: 1 }, { id: b, version: 1 }, null))).rejects.toBeInstanceOf(ConflictError);
		expect((await t.db.selectFrom('people').select('deleted_at').where('id', '=', b).executeTakeFirstOrThrow()).deleted_at).toBeNull();
	});
});

describeEachDatabase('people: the cascade around a woman', (t) => {
	it('names who trained her and whom she trained', async () => {
		const db = t.db;
		const trainer = await person(db, { full_name: 'Тренер Айгүл' });
		const her = await person(db, { full_name: 'Ученица Нургүл' });
		const hers = await person(db, { full_name: 'Слушательница Бермет' });
		const first = await createRecord(db, ctx, 'trainings', { title: 'A', kind: 'tot', start_date: '2012-03-23', end_date: '2012-03-27' });
		const second = await createRecord(db, ctx, 'trainings', { title: 'B', kind: 'step_down', start_date: '2012-05-01', end_date: '2012-05-02' });
		await createRecord(db, ctx, 'training_participants', { training_id: first.id, person_id: trainer, role: 'facilitator', completed: true });
		await createRecord(db, ctx, 'training_participants', { training_id: first.id, person_id: her, role: 'participant', completed: true });
		await createRecord(db, ctx, 'training_participants', { training_id: second.id, person_id: her, role: 'facilitator', completed: true });
		await createRecord(db, ctx, 'training_participants', { training_id: second.id, person_id: hers, role: 'participant', completed: false });
		const cascade = await cascadeOfPerson(db, her);
		expect(cascade.trainedBy.map((x) => x.id)).toEqual([trainer]);
		expect(cascade.trained.map((x) => [x.id, x.completed])).toEqual([[hers, false]]);
	});
});

describeEachDatabase('people: name keys written by older code are refreshed once', (t) => {
	it('recomputes stale search and sort keys and then leaves them alone', async () => {
		const { refreshNameKeys } = await import('../../src/lib/server/people/maintenance');
		const id = await person(t.db, { full_name: 'Өмүрбекова Айгүл' });
		await t.db.updateTable('people').set({ sort_key: 'stale', search_key: 'stale' }).where('id', '=', id).execute();
		await t.db.deleteFrom('app_settings').where('key', '=', 'name_keys_version').execute();
		expect(await refreshNameKeys(t.db)).toBeGreaterThanOrEqual(1);
		const row = await t.db.selectFrom('people').select(['sort_key', 'search_key']).where('id', '=', id).executeTakeFirstOrThrow();
		expect(row.search_key).toBe('omurbekova aigul');
		expect(row.sort_key).not.toBe('stale');
		expect(await refreshNameKeys(t.db)).toBe(0);
	});
});
