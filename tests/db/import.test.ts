import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import iconv from 'iconv-lite';
import { beforeAll, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db';
import type { AuditContext } from '../../src/lib/server/audit/log';
import { readSpreadsheet } from '../../src/lib/server/import/read';
import {
	commitImport,
	createImportJob,
	ImportStateError,
	loadImportJob,
	outcome,
	previewStep,
	saveDecisions,
	saveMapping,
	undoImport
} from '../../src/lib/server/import/jobs';
import { guessMapping } from '../../src/lib/server/import/fields';
import { updateRecord, RevertConflictError } from '../../src/lib/server/records/changes';
import { describeEachDatabase } from '../helpers/databases';
import { sharedDataFile } from '../helpers/shared-data';

const EVERYPOLITICIAN = sharedDataFile('everypolitician-kyrgyzstan-term5.csv');

/** What a test compares before and after: every live row of the tables an import writes. */
async function snapshot(db: Db) {
	const { rows } = await sql<{ t: string; n: string }>`
		select 'people' as t, count(*)::text as n from people where deleted_at is null
		union all select 'organizations', count(*)::text from organizations where deleted_at is null
		union all select 'memberships', count(*)::text from memberships where deleted_at is null
		union all select 'training_participants', count(*)::text from training_participants where deleted_at is null`.execute(db);
	const people = await db.selectFrom('people').select(['id', 'full_name', 'birth_year', 'phone', 'version']).where('deleted_at', 'is', null).orderBy('id').execute();
	return { counts: Object.fromEntries(rows.map((r) => [r.t, Number(r.n)])), people };
}

/** Uploads, confirms the mapping, and works the preview out step by step, as the page does. */
async function previewed(db: Db, bytes: Uint8Array, fileName: string, adjust: (mapping: Record<string, string | undefined>) => void = () => {}) {
	const sheet = await readSpreadsheet(bytes, fileName);
	const id = await createImportJob(db, null, fileName, sheet);
	const job = (await loadImportJob(db, id))!;
	const mapping = { ...job.mapping };
	adjust(mapping);
	await saveMapping(db, id, mapping as never);
	let steps = 0;
	while (!(await previewStep(db, id)).done) steps++;
	return { id, steps, job: (await loadImportJob(db, id))! };
}

describeEachDatabase('importing spreadsheets: preview, one-transaction commit, undo', (t) => {
	let context: AuditContext;
	let naryn: number;

	beforeAll(async () => {
		const user = await t.db.insertInto('users').values({ email: 'organizer@example.org', display_name: 'Организатор', role: 'organizer' }).returning('id').executeTakeFirstOrThrow();
		context = { actor: { userId: user.id, shareLinkId: null }, ip: null };
		naryn = (await t.db.selectFrom('regions').select('id').where('code', '=', 'KG-N').executeTakeFirstOrThrow()).id;
	});

	it('imports the EveryPolitician members of the 5th Jogorku Kenesh: a person each, her party once, nothing twice on a second import', async () => {
		const bytes = new Uint8Array(readFileSync(EVERYPOLITICIAN));
		const before = await snapshot(t.db);
		const first = await previewed(t.db, bytes, 'term-5.csv');
		// The guess from EveryPolitician's headers.
		expect(guessMapping(first.job.headers)).toMatchObject({ '0': 'identifier', '1': 'full_name', '2': 'name_latin', '3': 'email', '6': 'party', '15': 'gender' });
		expect(first.job.totalRows).toBe(120);
		const counts = outcome((await loadPreview(t.db, first.id)).preview, {});
		expect(counts).toMatchObject({ create: 120, update: 0, errors: 0, unresolved: 0 });
		// Missing fields are reported on their rows, not dropped: most rows have no gender, none an e-mail.
		const preview = (await loadPreview(t.db, first.id)).preview;
		expect(preview.filter((r) => r.notes?.some((n) => n.column === 'gender')).length).toBeGreaterThan(50);
		expect(preview.find((r) => r.name === 'ABDYRAXMANOV Omurbek')?.notes?.map((n) => n.column)).toContain('group');

		const summary = await commitImport(t.db, context, first.id);
		expect(summary).toMatchObject({ created: 120, updated: 0, skipped: 0 });
		const after = await snapshot(t.db);
		expect(after.counts.people - before.counts.people).toBe(120);

		// Parties: one organization per party, "Ata Meken" and "AtaMeken" being one; "unknown" is no party.
		const parties = await t.db
			.selectFrom('organizations as o')
			.innerJoin('memberships as ms', 'ms.organization_id', 'o.id')
			.select(['o.name', (eb) => eb.fn.countAll<string>().as('members')])
			.where('o.kind', '=', 'party')
			.where('ms.deleted_at', 'is', null)
			.groupBy('o.name')
			.orderBy('o.name')
			.execute();
		// Parties already in the app are found under the file's spelling (Ar-Namys, Ata-Jurt, SDPK as a short name).
		expect(parties.map((p) => [p.name, Number(p.members)])).toEqual([
			['Ar-Namys', 25],
			['Ata-Jurt', 24],
			['Ata-Meken', 16],
			['Onuguu', 4],
			['Reforma uchun', 3],
			['Respublika', 16],
			['Social Democratic Party of Kyrgyzstan', 26],
			['Yntymak', 4]
		]);
		expect(summary.memberships).toBe(118);
		const aknazarova = await t.db.selectFrom('people').select(['full_name', 'name_latin', 'gender', 'identifiers']).where('full_name', 'like', 'AKNAZAROVA%').executeTakeFirstOrThrow();
		expect(aknazarova.identifiers).toEqual([{ scheme: 'everypolitician', identifier: expect.stringMatching(/^[0-9a-f-]{36}$/) }]);

		// The same file again: the mapping is remembered, every row matches by its identifier, nothing is created.
		const second = await previewed(t.db, bytes, 'term-5 (again).csv');
		expect(second.job.mapping).toEqual(first.job.mapping);
		expect(outcome((await loadPreview(t.db, second.id)).preview, {})).toMatchObject({ create: 0, update: 120 });
		expect(await commitImport(t.db, context, second.id)).toMatchObject({ created: 0, updated: 120, memberships: 0 });
		expect((await snapshot(t.db)).counts).toEqual(after.counts);
	});

	it('names the one bad row among 1,000 and stores nothing until it is skipped; undo then removes exactly the imported rows', async () => {
		const lines = ['ФИО;Год рождения;Регион;Телефон'];
		for (let i = 0; i < 1000; i++) lines.push(`Тестова Айгуль ${numberWord(i)};${i === 600 ? '19x5' : 1960 + (i % 40)};Нарынская область;`);
		const bytes = iconv.encode(lines.join('\r\n'), 'win1251');
		const before = await snapshot(t.db);
		const { id, steps, job } = await previewed(t.db, bytes, 'thousand.csv');
		expect(job.totalRows).toBe(1000);
		expect(steps).toBeGreaterThanOrEqual(0);
		const preview = (await loadPreview(t.db, id)).preview;
		const bad = preview.filter((r) => r.action === 'error');
		// Line 602: the header is line 1, data row 600 (from 0) is line 602.
		expect(bad).toEqual([{ row: 602, name: `Тестова Айгуль ${numberWord(600)}`, action: 'error', problems: [{ column: 'Год рождения', message: expect.any(String) }] }]);

		await expect(commitImport(t.db, context, id)).rejects.toEqual(new ImportStateError('unresolved_rows'));
		expect(await snapshot(t.db)).toEqual(before);
		expect((await loadImportJob(t.db, id))!.status).toBe('previewed');

		await saveDecisions(t.db, id, { 602: 'skip' });
		expect(await commitImport(t.db, context, id)).toMatchObject({ created: 999, skipped: 1 });
		const imported = await snapshot(t.db);
		expect(imported.counts.people - before.counts.people).toBe(999);
		const inNaryn = await t.db.selectFrom('people').select((eb) => eb.fn.countAll<string>().as('n')).where('full_name', 'like', 'Тестова Айгуль%').where('region_id', '=', naryn).executeTakeFirstOrThrow();
		expect(Number(inNaryn.n)).toBe(999);

		await undoImport(t.db, context, id);
		expect(await snapshot(t.db)).toEqual(before);
		expect((await loadImportJob(t.db, id))!.status).toBe('undone');
		// History keeps both: 999 creations and 999 deletions under the job.
		const entries = await t.db.selectFrom('audit_log').select(['action', (eb) => eb.fn.countAll<string>().as('n')]).where('import_job_id', '=', id).groupBy('action').orderBy('action').execute();
		expect(Object.fromEntries(entries.map((e) => [e.action, Number(e.n)]))).toMatchObject({ create: 999, revert: 999, import: 1, import_undo: 1 });
		await expect(undoImport(t.db, context, id)).rejects.toEqual(new ImportStateError('wrong_status'));
	});

	it('rolls the whole commit back when a row fails while it is being stored', async () => {
		const training = await t.db
			.insertInto('trainings')
			.values({ title: 'Школа лидерства', kind: 'workshop', start_date: '2012-04-01', end_date: '2012-04-03' })
			.returning('id')
			.executeTakeFirstOrThrow();
		const rows = ['ФИО;Тренинг', 'Бекова Нурия;Школа лидерства', 'Осмонова Жылдыз;Школа лидерства'];
		const { id } = await previewed(t.db, new TextEncoder().encode(rows.join('\n')), 'training.csv');
		expect(outcome((await loadPreview(t.db, id)).preview, {})).toMatchObject({ create: 2, errors: 0 });
		// The training disappears between the preview and the commit: the rows no longer hold.
		await t.db.updateTable('trainings').set({ deleted_at: new Date() }).where('id', '=', training.id).execute();
		const before = await snapshot(t.db);
		await expect(commitImport(t.db, context, id)).rejects.toBeInstanceOf(ImportStateError);
		expect(await snapshot(t.db)).toEqual(before);
		expect((await loadImportJob(t.db, id))!.status).toBe('previewed');

		await t.db.updateTable('trainings').set({ deleted_at: null }).where('id', '=', training.id).execute();
		expect(await commitImport(t.db, context, id)).toMatchObject({ created: 2, attendance: 2 });
	});

	it('updates a matched person only where the file has a value, lets the user choose on an uncertain match, and undoes updates', async () => {
		const existing = await t.db
			.insertInto('people')
			.values({ full_name: 'Садыкова Алтынай', name_latin: 'Sadykova Altynai', search_key: 'sadikova altinai', sort_key: 'x', birth_year: 1975, phone: '+996 555 123 456', notes: 'Заметка' })
			.returningAll()
			.executeTakeFirstOrThrow();
		const rows = ['ФИО;Год рождения;Телефон;Примечание', 'Садыкова Алтынай;1975;+996 700 000 001;', 'Sadykova Altynai;1975;;Из файла'];
		const { id } = await previewed(t.db, new TextEncoder().encode(rows.join('\n')), 'match.csv');
		const preview = (await loadPreview(t.db, id)).preview;
		// Both rows meet the duplicate rules (same name in either script, same birth year): the user decides.
		expect(preview.map((r) => [r.action, r.candidates?.map((c) => [c.id, c.reason])])).toEqual([
			['choose', [[existing.id, 'name_and_birth_year']]],
			['choose', [[existing.id, 'name_and_birth_year']]]
		]);
		await expect(commitImport(t.db, context, id)).rejects.toEqual(new ImportStateError('unresolved_rows'));
		await saveDecisions(t.db, id, { 2: existing.id, 3: 'skip' });
		expect(await commitImport(t.db, context, id)).toMatchObject({ created: 0, updated: 1, skipped: 1 });
		const updated = await t.db.selectFrom('people').selectAll().where('id', '=', existing.id).executeTakeFirstOrThrow();
		// The phone is replaced, the empty notes cell erases nothing, the name stays as written here.
		expect(updated).toMatchObject({ full_name: 'Садыкова Алтынай', phone: '+996 700 000 001', notes: 'Заметка', version: existing.version + 1 });

		// A later edit of what the import wrote blocks the undo, which then changes nothing.
		await t.db.transaction().execute((trx) => updateRecord(trx, context, 'people', existing.id, updated.version, { phone: '+996 700 000 002' }));
		await expect(undoImport(t.db, context, id)).rejects.toBeInstanceOf(RevertConflictError);
		expect((await loadImportJob(t.db, id))!.status).toBe('committed');
		const edited = await t.db.selectFrom('people').selectAll().where('id', '=', existing.id).executeTakeFirstOrThrow();
		await t.db.transaction().execute((trx) => updateRecord(trx, context, 'people', existing.id, edited.version, { phone: '+996 700 000 001' }));
		await undoImport(t.db, context, id);
		expect(await t.db.selectFrom('people').select(['phone', 'notes']).where('id', '=', existing.id).executeTakeFirstOrThrow()).toEqual({ phone: '+996 555 123 456', notes: 'Заметка' });
	});

	it('remembers a mapping the user changed for the next file with the same headers', async () => {
		const file = new TextEncoder().encode('Участница,Откуда\nКасымова Бермет,Нарын\n');
		const first = await previewed(t.db, file, 'a.csv', (mapping) => {
			mapping['0'] = 'full_name';
			mapping['1'] = 'region';
		});
		expect(first.job.mapping).toEqual({ '0': 'full_name', '1': 'region' });
		const sheet = await readSpreadsheet(new TextEncoder().encode('участница ; ОТКУДА\nАлиева Нуриза;Талас\n'), 'b.csv');
		const next = (await loadImportJob(t.db, await createImportJob(t.db, null, 'b.csv', sheet)))!;
		expect(next.mapping).toEqual({ '0': 'full_name', '1': 'region' });
	});
});

/** The preview rows of a job (the page shows them a page at a time). */
async function loadPreview(db: Db, id: number) {
	const job = await loadImportJob(db, id);
	return { preview: job!.preview };
}

/** Distinct names for generated rows without digits (names may not hold digits): 0 → "а", 27 → "бб"… */
function numberWord(n: number): string {
	const letters = 'абвгдежзиклмнопрстуфхцчшэюя';
	let word = '';
	do {
		word = letters[n % letters.length] + word;
		n = Math.floor(n / letters.length);
	} while (n > 0);
	return word.charAt(0).toUpperCase() + word.slice(1);
}
