import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db';
import type { AuditContext } from '../../src/lib/server/audit/log';
import { ConflictError, restoreRecord, revertChange } from '../../src/lib/server/records/changes';
import { recordHistory } from '../../src/lib/server/records/history';
import { addEvent, createTraining, deleteTraining, removeEvent, updateTraining } from '../../src/lib/server/trainings/actions';
import { addParticipant, removeParticipant, setCompleted, setRole } from '../../src/lib/server/trainings/attendance';
import { parentChoices } from '../../src/lib/server/trainings/choices';
import { InputError, isUniqueViolation } from '../../src/lib/server/trainings/errors';
import { getTraining, listTrainings, trainingsOfPerson } from '../../src/lib/server/trainings/queries';
import { trainingListSchema, trainingSchema, type TrainingInput } from '../../src/lib/server/trainings/schema';
import { describeEachDatabase } from '../helpers/databases';

const regionId = async (db: Db, code: string) => (await db.selectFrom('regions').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;

async function newPerson(db: Db, fullName: string, latin: string, region: number) {
	const row = await db
		.insertInto('people')
		.values({ full_name: fullName, name_latin: latin, search_key: latin.toLowerCase(), sort_key: latin.toLowerCase(), region_id: region })
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

function training(overrides: Partial<TrainingInput> = {}): TrainingInput {
	return {
		title: 'Лидерство и участие женщин в политике — Нарын',
		kind: 'step_down',
		start_date: '2012-05-14',
		end_date: '2012-05-15',
		region_id: null,
		location: 'Нарын, городская библиотека',
		organizer_id: null,
		curriculum: null,
		language: 'ky',
		parent_training_id: null,
		notes: null,
		source: 'Sign-in sheet, 15.05.2012',
		...overrides
	};
}

/** The audit entries of one record, oldest first. */
async function auditOf(db: Db, entity: string, id: number) {
	return db.selectFrom('audit_log').select(['action', 'before', 'after', 'source', 'user_id', 'details']).where('entity', '=', entity).where('entity_id', '=', id).orderBy('id').execute();
}

describeEachDatabase('trainings: recording, editing, attendance and the cascade', (t) => {
	let context: AuditContext;
	let naryn: number;
	let kochkor: number;
	let bishkek: number;
	let aigul: number;
	let nurgul: number;
	const change = <T>(fn: (trx: Db) => Promise<T>) => t.db.transaction().execute(fn);

	beforeAll(async () => {
		const user = await t.db.insertInto('users').values({ email: 'organizer@example.org', display_name: 'Организатор', role: 'organizer' }).returning('id').executeTakeFirstOrThrow();
		context = { actor: { userId: user.id, shareLinkId: null }, ip: '127.0.0.1' };
		naryn = await regionId(t.db, 'KG-N');
		kochkor = (await t.db.selectFrom('regions').select('id').where('parent_id', '=', naryn).where('name_en', '=', 'Kochkor District').executeTakeFirstOrThrow()).id;
		bishkek = await regionId(t.db, 'KG-GB');
		aigul = await newPerson(t.db, 'Айгүл Осмонова', 'Aigül Osmonova', kochkor);
		nurgul = await newPerson(t.db, 'Нургүл Токтогулова', 'Nurgül Toktogulova', naryn);
	});

	let trainingId: number;

	it('creates a training with an audit row carrying what was stored, who and the source', async () => {
		const row = await change((trx) => createTraining(trx, context, training({ region_id: naryn })));
		trainingId = row.id as number;
		expect(row).toMatchObject({ title: training().title, kind: 'step_down', region_id: naryn, version: 1, source: 'Sign-in sheet, 15.05.2012' });
		const [created] = await auditOf(t.db, 'trainings', trainingId);
		expect(created).toMatchObject({ action: 'create', source: 'Sign-in sheet, 15.05.2012', user_id: context.actor!.userId });
		expect(created.after).toMatchObject({ title: training().title, start_date: '2012-05-14', version: 1 });
	});

	it('edits it at the version it was loaded with, recording before and after', async () => {
		const { row, changed } = await change((trx) => updateTraining(trx, context, trainingId, 1, training({ region_id: naryn, end_date: '2012-05-16', source: 'Report of the trainer' })));
		expect(changed.sort()).toEqual(['end_date', 'source']);
		expect(row.version).toBe(2);
		const entries = await auditOf(t.db, 'trainings', trainingId);
		expect(entries.at(-1)).toMatchObject({
			action: 'update',
			source: 'Report of the trainer',
			before: { end_date: '2012-05-15', version: 1 },
			after: { end_date: '2012-05-16', version: 2 }
		});
	});

	it('refuses a stale save (the version it was loaded with is gone) and writes nothing', async () => {
		const auditBefore = (await auditOf(t.db, 'trainings', trainingId)).length;
		const attempt = change((trx) => updateTraining(trx, context, trainingId, 1, training({ region_id: naryn, title: 'Stale title' })));
		await expect(attempt).rejects.toBeInstanceOf(ConflictError);
		const error = (await attempt.catch((e) => e)) as ConflictError;
		expect(error.meanwhile.map((c) => c.after.end_date)).toEqual(['2012-05-16']);
		const stored = await t.db.selectFrom('trainings').select(['title', 'version']).where('id', '=', trainingId).executeTakeFirstOrThrow();
		expect(stored).toEqual({ title: training().title, version: 2 });
		expect((await auditOf(t.db, 'trainings', trainingId)).length).toBe(auditBefore);
	});

	it('refuses an end before the start with a message at the end date', () => {
		const parsed = trainingSchema.safeParse({ title: 'Семинар', kind: 'workshop', start_date: '2012-05-15', end_date: '2012-05-14' });
		expect(parsed.success).toBe(false);
		expect(parsed.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['end_date', 'The end cannot be before the start.']]);
	});

	it('refuses markup and SQL punctuation in a title, keeping ordinary titles', () => {
		const title = (value: string) => trainingSchema.safeParse({ title: value, kind: 'workshop', start_date: '2012-05-15', end_date: '2012-05-15' });
		expect(title('<script>alert(1)</script>').error?.issues[0]).toMatchObject({ path: ['title'], message: 'Use plain text, without < or >.' });
		expect(title("x'); DROP TABLE people;--").error?.issues[0].path).toEqual(['title']);
		expect(title("Leadership and Women's Political Participation — Training №2 (Naryn)").success).toBe(true);
	});

	it('keeps the cascade a tree: a training cannot descend from itself or its own descendants', async () => {
		const child = await change((trx) => createTraining(trx, context, training({ region_id: kochkor, parent_training_id: trainingId, title: 'Кочкор, каскад' })));
		const refused = change((trx) => updateTraining(trx, context, trainingId, 2, training({ region_id: naryn, end_date: '2012-05-16', source: 'Report of the trainer', parent_training_id: child.id as number })));
		await expect(refused).rejects.toMatchObject({ field: 'parent_training_id' });
		await expect(refused).rejects.toBeInstanceOf(InputError);
		const choices = await parentChoices(t.db, null, trainingId);
		expect(choices.map((c) => c.value)).not.toContain(trainingId);
		expect(choices.map((c) => c.value)).not.toContain(child.id);
		const page = await getTraining(t.db, trainingId, 'ru');
		expect(page?.children.map((c) => c.title)).toEqual(['Кочкор, каскад']);
		expect(page?.training.region).toBe('Нарынская область');
		expect((await getTraining(t.db, child.id as number, 'en'))?.training.parent_title).toBe(training().title);
	});

	it('refuses an organizer or region that does not exist at its field', async () => {
		await expect(change((trx) => createTraining(trx, context, training({ organizer_id: 999_999 })))).rejects.toMatchObject({ field: 'organizer_id' });
		await expect(change((trx) => createTraining(trx, context, training({ region_id: 999_999 })))).rejects.toMatchObject({ field: 'region_id' });
	});

	describe('attendance', () => {
		let participation: number;

		it('lists a participant and a facilitator, each change in her own history', async () => {
			const row = await change((trx) => addParticipant(trx, context, trainingId, { person_id: aigul, role: 'participant', source: 'Sign-in sheet' }));
			participation = row.id as number;
			await change((trx) => addParticipant(trx, context, trainingId, { person_id: nurgul, role: 'facilitator', source: null }));
			const page = await getTraining(t.db, trainingId, 'en');
			expect(page?.participants.map((p) => [p.full_name, p.role, p.completed])).toEqual([
				['Нургүл Токтогулова', 'facilitator', false],
				['Айгүл Осмонова', 'participant', false]
			]);
			const [created] = await auditOf(t.db, 'training_participants', participation);
			expect(created).toMatchObject({ action: 'create', source: 'Sign-in sheet', details: { person_id: aigul, training_id: trainingId } });
			expect((await recordHistory(t.db, 'people', aigul)).map((e) => e.entity)).toContain('training_participants');
		});

		it('refuses listing her twice with a clear message, and the unique index backs it up', async () => {
			const twice = change((trx) => addParticipant(trx, context, trainingId, { person_id: aigul, role: 'facilitator', source: null }));
			await expect(twice).rejects.toMatchObject({ field: 'person_id', message: 'This person is already listed in this training.' });
			const direct = await t.db
				.insertInto('training_participants')
				.values({ training_id: trainingId, person_id: aigul, role: 'participant' })
				.execute()
				.catch((e: unknown) => e);
			expect(isUniqueViolation(direct)).toBe(true);
		});

		it('marks her completed and changes a role, versioned and audited', async () => {
			await change((trx) => setCompleted(trx, context, trainingId, { id: participation, version: 1, completed: true, source: 'Certificate list' }));
			const entries = await auditOf(t.db, 'training_participants', participation);
			expect(entries.at(-1)).toMatchObject({ action: 'update', source: 'Certificate list', before: { completed: false }, after: { completed: true }, details: { person_id: aigul } });
			await expect(change((trx) => setRole(trx, context, trainingId, { id: participation, version: 1, role: 'facilitator', source: null }))).rejects.toBeInstanceOf(ConflictError);
			const list = await listTrainings(t.db, trainingListSchema.parse({ kind: 'step_down' }), null, 'en');
			const listed = list.rows.find((r) => r.id === trainingId);
			expect(listed).toMatchObject({ participants: 1, completed: 1, facilitators: 'Нургүл Токтогулова' });
		});

		it('gives her trainings for her page, attended and led', async () => {
			expect((await trainingsOfPerson(t.db, aigul)).map((r) => [r.id, r.role, r.completed])).toEqual([[trainingId, 'participant', true]]);
			expect((await trainingsOfPerson(t.db, nurgul)).map((r) => [r.id, r.role])).toEqual([[trainingId, 'facilitator']]);
		});

		it('removes her (soft, audited) and lists her again afterwards', async () => {
			await change((trx) => removeParticipant(trx, context, trainingId, { id: participation, version: 2, source: 'Duplicate entry' }));
			expect((await getTraining(t.db, trainingId, 'en'))?.participants.map((p) => p.person_id)).toEqual([nurgul]);
			const removed = (await auditOf(t.db, 'training_participants', participation)).at(-1);
			expect(removed).toMatchObject({ action: 'delete', source: 'Duplicate entry', details: { person_id: aigul } });
			expect((removed?.after as { deleted_at: string | null }).deleted_at).not.toBeNull();
			expect(await trainingsOfPerson(t.db, aigul)).toEqual([]);
			const again = await change((trx) => addParticipant(trx, context, trainingId, { person_id: aigul, role: 'participant', source: null }));
			expect(again.id).not.toBe(participation);
		});

		it('refuses a change to a participation through another training', async () => {
			const other = await change((trx) => createTraining(trx, context, training({ region_id: naryn, title: 'Другой тренинг' })));
			const own = await t.db.selectFrom('training_participants').select(['id', 'version']).where('training_id', '=', trainingId).where('person_id', '=', nurgul).executeTakeFirstOrThrow();
			await expect(change((trx) => setCompleted(trx, context, other.id as number, { id: own.id, version: own.version, completed: true, source: null }))).rejects.toThrow(/does not exist/);
		});
	});

	it('adds and removes events, audited', async () => {
		const event = await change((trx) => addEvent(trx, context, trainingId, { kind: 'meeting', date: '2012-05-15', title: 'Встреча с главой айыл окмоту', description: null, source: 'Photo report' }));
		expect((await getTraining(t.db, trainingId, 'en'))?.events.map((e) => e.title)).toEqual(['Встреча с главой айыл окмоту']);
		await change((trx) => removeEvent(trx, context, trainingId, event.id as number, 1, null));
		expect((await getTraining(t.db, trainingId, 'en'))?.events).toEqual([]);
		expect((await auditOf(t.db, 'training_events', event.id as number)).map((e) => [e.action, e.source])).toEqual([['create', 'Photo report'], ['delete', null]]);
	});

	it('deletes softly, restores, and reverts an edit from its history', async () => {
		await change((trx) => deleteTraining(trx, context, trainingId, 2, 'Entered twice'));
		expect(await getTraining(t.db, trainingId, 'en')).toBeUndefined();
		const listed = await listTrainings(t.db, trainingListSchema.parse({}), null, 'en');
		expect(listed.rows.map((r) => r.id)).not.toContain(trainingId);
		const deleted = (await auditOf(t.db, 'trainings', trainingId)).at(-1);
		expect(deleted).toMatchObject({ action: 'delete', source: 'Entered twice' });

		await change((trx) => restoreRecord(trx, context, 'trainings', trainingId));
		expect((await getTraining(t.db, trainingId, 'en'))?.participants.length).toBe(2);

		const edit = await t.db.selectFrom('audit_log').select('id').where('entity', '=', 'trainings').where('entity_id', '=', trainingId).where('action', '=', 'update').executeTakeFirstOrThrow();
		await change((trx) => revertChange(trx, context, edit.id));
		const reverted = await t.db.selectFrom('trainings').select(['end_date', 'source']).where('id', '=', trainingId).executeTakeFirstOrThrow();
		expect(reverted).toEqual({ end_date: '2012-05-15', source: 'Sign-in sheet, 15.05.2012' });
		expect((await auditOf(t.db, 'trainings', trainingId)).at(-1)).toMatchObject({ action: 'revert', before: { end_date: '2012-05-16' }, after: { end_date: '2012-05-15' } });
	});

	it('every change of this suite left an audit row with before or after', async () => {
		const { rows } = await sql<{ n: number }>`select count(*)::int as n from audit_log
			where entity in ('trainings', 'training_participants', 'training_events') and before is null and after is null`.execute(t.db);
		expect(rows[0].n).toBe(0);
	});

	describe('the list', () => {
		it('narrows to a region-limited organizer’s regions, and filters a region with its raions', async () => {
			await change((trx) => createTraining(trx, context, training({ region_id: bishkek, title: 'Бишкек, семинар', kind: 'workshop', start_date: '2013-02-01', end_date: '2013-02-01' })));
			const narynScope = (await t.db.selectFrom('regions').select('id').where((eb) => eb.or([eb('id', '=', naryn), eb('parent_id', '=', naryn)])).execute()).map((r) => r.id);
			const all = await listTrainings(t.db, trainingListSchema.parse({}), null, 'en');
			const limited = await listTrainings(t.db, trainingListSchema.parse({}), narynScope, 'en');
			expect(all.rows.map((r) => r.title)).toContain('Бишкек, семинар');
			expect(limited.rows.map((r) => r.title)).not.toContain('Бишкек, семинар');
			expect(limited.total).toBe(all.total - 1);

			const inNaryn = await listTrainings(t.db, trainingListSchema.parse({ region: String(naryn) }), null, 'ky');
			expect(inNaryn.rows.map((r) => r.title)).toContain('Кочкор, каскад');
			expect(inNaryn.rows.find((r) => r.title === 'Кочкор, каскад')?.region).toBe('Кочкор району');
			const in2013 = await listTrainings(t.db, trainingListSchema.parse({ year: '2013' }), null, 'en');
			expect(in2013.rows.map((r) => r.title)).toEqual(['Бишкек, семинар']);
			const byTitle = await listTrainings(t.db, trainingListSchema.parse({ sort: 'title', dir: 'asc' }), null, 'en');
			expect(byTitle.rows.map((r) => r.title)).toEqual(['Бишкек, семинар', 'Другой тренинг', 'Кочкор, каскад', training().title]);
		});
	});
});
