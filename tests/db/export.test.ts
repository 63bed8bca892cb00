import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import type { z } from 'zod';
import { toCsv } from '../../src/lib/domain/csv';
import type { Actor } from '../../src/lib/server/auth/permissions';
import type { Db } from '../../src/lib/server/db';
import { listElections } from '../../src/lib/server/elections/queries';
import { exportImpact } from '../../src/lib/server/export/impact';
import { ELECTIONS_EXPORT, exportList, ORGANIZATIONS_EXPORT, PEOPLE_EXPORT, TRAININGS_EXPORT, type ListExport } from '../../src/lib/server/export/lists';
import { XLSX_TYPE } from '../../src/lib/server/export/xlsx';
import { impactDashboard } from '../../src/lib/server/impact/figures';
import { dashboardFor } from '../../src/lib/server/impact/figures-view';
import type { ImpactPageData } from '../../src/lib/server/impact/page';
import { isFunderView } from '../../src/lib/server/impact/view';
import { listOrganizations } from '../../src/lib/server/organizations/queries';
import { organizationListSchema } from '../../src/lib/server/organizations/schema';
import { createPerson } from '../../src/lib/server/people/actions';
import { listPeople, peopleQuerySchema } from '../../src/lib/server/people/queries';
import { personSchema } from '../../src/lib/server/people/schema';
import { createRecord } from '../../src/lib/server/records/changes';
import { listTrainings } from '../../src/lib/server/trainings/queries';
import { trainingListSchema } from '../../src/lib/server/trainings/schema';
import { describeEachDatabase } from '../helpers/databases';

const admin: Actor = { kind: 'user', userId: null, shareLinkId: null, role: 'admin', displayName: 'Test admin', email: null, regionScope: null, sessionId: null, locale: null };
const funder: Actor = { ...admin, role: 'funder', displayName: 'Test funder' };
const ctx = {};

const regionId = async (db: Db, code: string) => (await db.selectFrom('regions').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;

type Value = string | number | boolean | null;
interface Workbook {
	names: string[];
	/** Each sheet's rows, header first; a date cell as 2012-11-25 (as the CSV writes it). */
	sheets: Map<string, Value[][]>;
	book: ExcelJS.Workbook;
}

/** An XLSX file read back with exceljs, cell by cell. */
async function readXlsx(bytes: ArrayBuffer): Promise<Workbook> {
	const book = new ExcelJS.Workbook();
	await book.xlsx.load(bytes);
	const sheets = new Map<string, Value[][]>();
	for (const sheet of book.worksheets) {
		const rows: Value[][] = [];
		sheet.eachRow({ includeEmpty: true }, (row) => {
			const cells: Value[] = [];
			for (let c = 1; c <= sheet.columnCount; c++) {
				const v = row.getCell(c).value;
				cells.push(v instanceof Date ? v.toISOString().slice(0, 10) : (v as Value) ?? null);
			}
			rows.push(cells);
		});
		sheets.set(sheet.name, rows);
	}
	return { names: book.worksheets.map((s) => s.name), sheets, book };
}

/** The CSV a sheet's cells make: what the CSV of the same export must be, byte for byte. */
const csvOf = ([header, ...rows]: Value[][]) => toCsv(rows, header.map((h, i) => ({ header: String(h), value: (r: Value[]) => r[i] })));

/** A response's text as sent, the byte-order mark kept (Response.text() drops it). */
const textOf = async (response: Response) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());

const params = (query: Record<string, string | number> = {}) => new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));

/** A list exported in both formats: the CSV text and the workbook's one sheet. */
async function exportBoth<S extends z.ZodType, R>(db: Db, list: ListExport<S, R>, query: Record<string, string | number>, actor = admin) {
	const csv = await exportList(db, actor, '127.0.0.1', list, params(query), 'csv', 'en');
	const xlsx = await exportList(db, actor, '127.0.0.1', list, params(query), 'xlsx', 'en');
	expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
	expect(xlsx.headers.get('content-type')).toBe(XLSX_TYPE);
	expect(xlsx.headers.get('content-disposition')).toBe(`attachment; filename="${list.entity}.xlsx"`);
	expect(xlsx.headers.get('cache-control')).toBe('private, no-store');
	const book = await readXlsx(await xlsx.arrayBuffer());
	expect(book.names).toHaveLength(1);
	return { csv: await textOf(csv), rows: book.sheets.get(book.names[0])!, book };
}

/** Every page of a list as the screen pages through it. */
async function everyScreenPage<R>(page: (n: number) => Promise<{ rows: R[]; total: number; pageSize: number }>): Promise<R[]> {
	const all: R[] = [];
	for (let n = 1; ; n++) {
		const { rows, total, pageSize } = await page(n);
		all.push(...rows);
		if (n * pageSize >= total) return all;
	}
}

async function exportsLogged(db: Db) {
	return db.selectFrom('audit_log').select(['entity', 'details', 'ip']).where('action', '=', 'export').orderBy('id').execute();
}

describeEachDatabase('exports: every list as on screen, in CSV and XLSX', (t) => {
	let naryn: number, osh: number, talas: number;
	beforeAll(async () => {
		const db = t.db;
		[naryn, osh, talas] = [await regionId(db, 'KG-N'), await regionId(db, 'KG-GO'), await regionId(db, 'KG-T')];
		// More rows than one screen holds (25 trainings, 50 organizations a page).
		for (let i = 1; i <= 32; i++) {
			const region = i % 3 === 0 ? osh : i % 3 === 1 ? naryn : talas;
			await createRecord(db, ctx, 'trainings', { title: `Step-down ${String(i).padStart(2, '0')}`, kind: i % 4 ? 'step_down' : 'workshop', region_id: region, start_date: `${2011 + (i % 2)}-0${1 + (i % 9)}-1${i % 10}`, end_date: `${2011 + (i % 2)}-0${1 + (i % 9)}-2${i % 10}` });
		}
		for (let i = 1; i <= 56; i++) await createRecord(db, ctx, 'organizations', { name: `Коалиция ${String(i).padStart(2, '0')}`, kind: i % 2 ? 'ngo' : 'media', region_id: naryn });
		await createRecord(db, ctx, 'organizations', { name: '=1+1', kind: 'ngo' });
		for (const [name, region, year] of [['Асанова Айзада', naryn, 1980], ['Бекова Бермет', naryn, 1990], ['Васильева Вера', osh, 1970], ['Гуляева Гулмира', naryn, 1985]] as const) {
			await db.transaction().execute((trx) => createPerson(trx, ctx, personSchema().parse({ full_name: name, gender: 'female', region_id: region, birth_year: year, background: 'ngo' })));
		}
	});

	it('exports the people list with its filter and order, the XLSX holding what the CSV holds', async () => {
		const query = { region: naryn, sort: 'birth_year', dir: 'desc' };
		// As the list's form sends it: the filters left at "all" empty.
		const { csv, rows, book } = await exportBoth(t.db, PEOPLE_EXPORT, { ...query, q: '', status: '', training: '', outcome: '' });
		const screen = await everyScreenPage((page) => listPeople(t.db, peopleQuerySchema.parse({ ...query, page }), null, 'en'));
		expect(rows.slice(1).map((r) => r[0])).toEqual(screen.map((p) => p.full_name));
		expect(rows.slice(1).map((r) => r[0])).toEqual(['Бекова Бермет', 'Гуляева Гулмира', 'Асанова Айзада']);
		expect(rows[0]).toEqual(['Name', 'Name in Latin letters', 'Region', 'Background', 'Born', 'Candidacies', 'Elected']);
		expect(csv).toBe(csvOf(rows));
		// Numbers stay numbers; the header is bold and stays in view.
		expect(rows[1][4]).toBe(1990);
		const sheet = book.book.worksheets[0];
		expect(sheet.getRow(1).font?.bold).toBe(true);
		expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
	});

	it('exports every page of the organizations list, and "=1+1" stays text in XLSX and is defused in CSV', async () => {
		const { csv, rows, book } = await exportBoth(t.db, ORGANIZATIONS_EXPORT, {});
		const screen = await everyScreenPage((page) => listOrganizations(t.db, organizationListSchema.parse({ page }), 'en'));
		const stored = await t.db.selectFrom('organizations').select((eb) => eb.fn.countAll<number>().as('n')).where('deleted_at', 'is', null).executeTakeFirstOrThrow();
		// More than one page (50), the reference data's parties among them.
		expect(screen.length).toBe(Number(stored.n));
		expect(screen.length).toBeGreaterThan(57);
		expect(rows.slice(1).map((r) => r[0])).toEqual(screen.map((o) => o.name));
		expect(csv).toBe(csvOf(rows));
		const formula = book.book.worksheets[0].getColumn(1).values.indexOf('=1+1');
		expect(formula).toBeGreaterThan(1);
		const cell = book.book.worksheets[0].getCell(formula, 1);
		expect(cell.type).toBe(ExcelJS.ValueType.String);
		expect(cell.formula).toBeUndefined();
		expect(csv).toContain("\r\n'=1+1,");
		expect(csv).not.toContain('\r\n=1+1');

		const media = await exportBoth(t.db, ORGANIZATIONS_EXPORT, { kind: 'media', q: 'коалиция' });
		expect(media.rows.length - 1).toBe(28);
		expect(media.rows.slice(1).every((r) => r[3] === 'Media')).toBe(true);
	});

	it('exports every page of the trainings list in its order, dates as dates, within a limited organizer\'s regions', async () => {
		const query = { sort: 'title', dir: 'asc' };
		const all = await exportBoth(t.db, TRAININGS_EXPORT, query);
		expect(all.rows.length - 1).toBe(32);
		expect(all.csv).toBe(csvOf(all.rows));
		const screen = await everyScreenPage((page) => listTrainings(t.db, trainingListSchema.parse({ ...query, page }), null, 'en'));
		expect(all.rows.slice(1).map((r) => r[0])).toEqual(screen.map((tr) => tr.title));
		const dated = all.book.book.worksheets[0].getCell(2, 3);
		expect(dated.value).toBeInstanceOf(Date);
		expect(dated.numFmt).toBe('yyyy-mm-dd');
		expect(all.csv.split('\r\n')[1]).toContain(`,${screen[0].start_date},`);

		const limited: Actor = { ...admin, role: 'organizer', regionScope: [naryn] };
		const mine = await exportBoth(t.db, TRAININGS_EXPORT, { year: 2012, sort: 'date', dir: 'desc' }, limited);
		const mineOnScreen = await everyScreenPage((page) => listTrainings(t.db, trainingListSchema.parse({ year: 2012, sort: 'date', dir: 'desc', page }), [naryn], 'en'));
		expect(mineOnScreen.length).toBeGreaterThan(0);
		expect(mine.rows.slice(1).map((r) => r[0])).toEqual(mineOnScreen.map((tr) => tr.title));
		expect(mine.rows.slice(1).every((r) => r[4] === 'Naryn Region')).toBe(true);
	});

	it('exports the elections list', async () => {
		const { csv, rows } = await exportBoth(t.db, ELECTIONS_EXPORT, {});
		const screen = await listElections(t.db, null, 'en');
		expect(screen.length).toBeGreaterThan(0);
		expect(rows.slice(1).map((r) => [r[0], r[1]])).toEqual(screen.map((e) => [e.name, e.date]));
		expect(csv).toBe(csvOf(rows));
	});

	it('refuses a wrong query value with a 400 naming the field, and exports nothing', async () => {
		const before = (await exportsLogged(t.db)).length;
		await expect(exportList(t.db, admin, null, PEOPLE_EXPORT, params({ sort: 'sideways' }), 'csv', 'en')).rejects.toMatchObject({ status: 400, body: { message: expect.stringContaining('“sort”') } });
		await expect(exportList(t.db, admin, null, TRAININGS_EXPORT, params({ year: 'last' }), 'xlsx', 'en')).rejects.toMatchObject({ status: 400, body: { message: expect.stringContaining('“year”') } });
		expect((await exportsLogged(t.db)).length).toBe(before);
	});

	it('logs every export with its list, format, row count and filters', async () => {
		const before = (await exportsLogged(t.db)).length;
		await exportList(t.db, admin, '127.0.0.9', TRAININGS_EXPORT, params({ region: osh, page: 2 }), 'xlsx', 'en');
		await exportList(t.db, admin, '127.0.0.9', PEOPLE_EXPORT, params({ region: naryn }), 'csv', 'en');
		const logged = (await exportsLogged(t.db)).slice(before);
		expect(logged.map((l) => ({ ...l, details: typeof l.details === 'string' ? JSON.parse(l.details) : l.details }))).toEqual([
			{ entity: 'trainings', ip: '127.0.0.9', details: { format: 'xlsx', rows: 10, filters: { region: osh, sort: 'date', dir: 'desc' } } },
			{ entity: 'people', ip: '127.0.0.9', details: { format: 'csv', rows: 3, filters: { region: naryn, sort: 'name', dir: 'asc' } } }
		]);
	});
});

describeEachDatabase('exports: the impact tables, suppressed for a funder', (t) => {
	const women = [
		{ full_name: 'Тестова Айгүл', phone: '+996 555 000 001', email: 'aigul@example.org' },
		{ full_name: 'Тестова Бермет', phone: '+996 555 000 002', email: 'bermet@example.org' },
		{ full_name: 'Тестова Чолпон', phone: '+996 555 000 003', email: 'cholpon@example.org' }
	];
	let private_: string[] = [];

	beforeAll(async () => {
		const db = t.db;
		const naryn = await regionId(db, 'KG-N');
		const training = await createRecord(db, ctx, 'trainings', { title: 'Step-down in Naryn', kind: 'step_down', region_id: naryn, start_date: '2012-05-01', end_date: '2012-05-03' });
		const contest = await db.selectFrom('contests').select('id').where('name_en', '=', 'Bishkek City Kenesh').executeTakeFirstOrThrow();
		const party = await db.selectFrom('organizations').select('id').where('kind', '=', 'party').orderBy('id').executeTakeFirstOrThrow();
		for (const [i, woman] of women.entries()) {
			const person = await db.transaction().execute((trx) => createPerson(trx, ctx, personSchema().parse({ ...woman, gender: 'female', region_id: naryn, background: 'ngo', birth_year: 1980 + i })));
			await createRecord(db, ctx, 'training_participants', { training_id: training.id, person_id: person.id, role: 'participant', completed: true });
			if (i === 0) await createRecord(db, ctx, 'candidacies', { person_id: person.id, contest_id: contest.id, party_id: party.id, list_position: 2, status: 'on_ballot', elected: true });
		}
		const stored = await db.selectFrom('people').select(['full_name', 'name_latin', 'phone', 'email']).where('consent_public_name', '=', false).execute();
		private_ = stored.flatMap((p) => [p.full_name, p.name_latin, p.phone, p.email]).filter((v): v is string => Boolean(v));
	});

	/** What /impact loads for `actor` without filters. */
	async function pageData(actor: Actor): Promise<ImpactPageData> {
		const query = { election: null, region: null, training: null, background: null };
		return { query, errors: {}, choices: { election: [], region: [], training: [] }, dashboard: dashboardFor(actor, await impactDashboard(t.db, {}, 'en')), funderView: isFunderView(actor), generatedAt: new Date().toISOString() };
	}

	const trainedCell = (book: Workbook) => book.sheets.get(book.names[1])!.find((r) => r[0] === 'Trained')?.[1];

	it('gives a funder one sheet per chart after the sheet about them, "<5" for counts of 1–4, and no name or contact', async () => {
		const response = await exportImpact(t.db, { actor: funder }, await pageData(funder), null, 'xlsx');
		const book = await readXlsx(await response.arrayBuffer());
		expect(book.names).toHaveLength(12);
		expect(book.names[0]).toBe('About these tables');
		expect(book.names.every((n) => n.length <= 31 && !/[\\/?*[\]:]/.test(n))).toBe(true);
		expect(trainedCell(book)).toBe('<5');
		const cells = [...book.sheets.values()].flat(2).filter((c): c is string => typeof c === 'string');
		expect(private_.length).toBe(12);
		for (const secret of private_) expect(cells.filter((c) => c.includes(secret))).toEqual([]);
		const about = book.sheets.get(book.names[0])!.map((r) => r[1]);
		expect(about).toContain('None: every record');
		expect(about.some((v) => typeof v === 'string' && v.includes('<5'))).toBe(true);
	});

	it('gives staff the exact counts, and one table as CSV equal to its sheet', async () => {
		const data = await pageData(admin);
		const book = await readXlsx(await (await exportImpact(t.db, { actor: admin }, data, null, 'xlsx')).arrayBuffer());
		expect(trainedCell(book)).toBe(3);
		const csv = await exportImpact(t.db, { actor: admin }, data, 'funnel', 'csv');
		expect(csv.headers.get('content-disposition')).toBe('attachment; filename="impact-funnel.csv"');
		expect(await textOf(csv)).toBe(csvOf(book.sheets.get(book.names[1])!));
		await expect(exportImpact(t.db, { actor: admin }, data, 'pie', 'csv')).rejects.toMatchObject({ status: 400, body: { message: expect.stringContaining('“table”') } });
		await expect(exportImpact(t.db, { actor: admin }, data, null, 'csv')).rejects.toMatchObject({ status: 400 });
	});

	it('logs each impact export with the table, format, rows and filters', async () => {
		const before = (await exportsLogged(t.db)).length;
		await exportImpact(t.db, { actor: funder, ip: '10.0.0.1' }, await pageData(funder), 'regions', 'csv');
		await exportImpact(t.db, { actor: funder, ip: '10.0.0.1' }, await pageData(funder), null, 'xlsx');
		const logged = (await exportsLogged(t.db)).slice(before).map((l) => ({ ...l, details: typeof l.details === 'string' ? JSON.parse(l.details) : l.details }));
		expect(logged).toHaveLength(2);
		expect(logged[0]).toMatchObject({ entity: 'impact', ip: '10.0.0.1', details: { format: 'csv', table: 'regions', filters: {} } });
		expect(logged[1]).toMatchObject({ entity: 'impact', details: { format: 'xlsx', tables: 11, filters: {} } });
		expect(logged[1].details.rows).toBeGreaterThan(0);
	});
});
