// The import case of scripts/bench/run.ts: a spreadsheet of fictional people, imported through the
// app's steps (as the import page drives them) or stored by one hand-written bulk insert.
import { sql } from 'kysely';
import type { Db } from '../../src/lib/server/db';
import type { Sheet } from '../../src/lib/server/import/read';
import { commitImport, createImportJob, loadImportJob, previewStep, saveDecisions, saveMapping, type Decision } from '../../src/lib/server/import/jobs';
import { personColumns } from '../../src/lib/server/people/actions';
import type { PersonInput } from '../../src/lib/server/people/schema';
import { createRandom } from '../../src/lib/server/demo/random';
import { FAMILY_NAMES, GIVEN_NAMES } from '../../src/lib/server/demo/names';

const HEADERS = ['ФИО', 'Год рождения', 'Область', 'Телефон', 'Партия'];
const OBLASTS = ['Чуйская область', 'Нарынская область', 'Ошская область', 'Баткенская область', 'Таласская область'];
const PARTIES = ['СДПК', 'Ата Мекен', 'Республика', ''];

/** `rows` people with names from the same pools as the data (so some look like people already stored). */
export function importSheet(rows: number): Sheet {
	const random = createRandom(2026);
	return {
		format: 'csv',
		encoding: 'utf-8',
		separator: ',',
		headers: HEADERS,
		rows: Array.from({ length: rows }, () => [
			`${random.pick(FAMILY_NAMES.kyrgyz)} ${random.pick(GIVEN_NAMES.kyrgyz)}`,
			String(random.int(1960, 2004)),
			random.pick(OBLASTS),
			`+996 ${random.int(500, 799)} ${String(random.int(0, 999_999)).padStart(6, '0')}`,
			random.pick(PARTIES)
		])
	};
}

async function benchUser(db: Db) {
	return (await db.selectFrom('users').select('id').where('email', '=', 'bench@example.org').executeTakeFirstOrThrow()).id;
}

/** Upload, mapping as guessed, the preview step by step, "create" for every row with possible matches, commit. */
export async function benchImport(db: Db, sheet: Sheet): Promise<number> {
	const userId = await benchUser(db);
	const id = await createImportJob(db, userId, 'bench.csv', sheet);
	await saveMapping(db, id, (await loadImportJob(db, id))!.mapping);
	while (!(await previewStep(db, id)).done);
	const { preview } = (await loadImportJob(db, id, { sampleRows: 0 }))!;
	const decisions: Record<string, Decision> = {};
	for (const row of preview) if (row.action === 'choose') decisions[row.row] = 'create';
	await saveDecisions(db, id, decisions);
	await commitImport(db, { actor: { userId, shareLinkId: null }, ip: null }, id);
	return id;
}

/** Removes everything the benchmark's imports wrote (found through their audit rows), and the jobs. */
export async function removeImports(db: Db) {
	await db.transaction().execute(async (trx) => {
		const jobs = trx.selectFrom('import_jobs').select('id').where('file_name', '=', 'bench.csv');
		const written = (entity: string) => trx.selectFrom('audit_log').select('entity_id').where('import_job_id', 'in', jobs).where('entity', '=', entity).where('action', '=', 'create');
		for (const table of ['training_participants', 'memberships', 'people', 'organizations'] as const) {
			await trx.deleteFrom(table).where('id', 'in', written(table)).execute();
		}
		await trx.deleteFrom('audit_log').where('import_job_id', 'in', jobs).execute();
		await trx.deleteFrom('import_jobs').where('file_name', '=', 'bench.csv').execute();
	});
}

class RollBack extends Error {}

/**
 * The same people stored by hand: keys derived in JavaScript as the app derives them, one INSERT …
 * SELECT FROM unnest for the people, their audit rows and party memberships; then rolled back.
 */
export async function directImport(db: Db, sheet: Sheet) {
	const userId = await benchUser(db);
	const keyed = sheet.rows.map(([name, year, , phone]) => {
		const derived = personColumns({ full_name: name, source: null } as unknown as PersonInput);
		return { full_name: name, name_latin: String(derived.name_latin), search_key: String(derived.search_key), sort_key: String(derived.sort_key), year: Number(year), phone };
	});
	try {
		await db.transaction().execute(async (trx) => {
			await sql`
				with party as (select id, name from organizations where kind = 'party' and deleted_at is null),
				rows as (
					select * from unnest(${keyed.map((k) => k.full_name)}::text[], ${keyed.map((k) => k.name_latin)}::text[], ${keyed.map((k) => k.search_key)}::text[],
						${keyed.map((k) => k.sort_key)}::text[], ${keyed.map((k) => k.year)}::int[], ${keyed.map((k) => k.phone)}::text[],
						${sheet.rows.map((r) => r[2])}::text[], ${sheet.rows.map((r) => r[4])}::text[])
						as r(full_name, name_latin, search_key, sort_key, birth_year, phone, region, party)
				),
				people as (
					insert into people (full_name, name_latin, search_key, sort_key, birth_year, phone, region_id)
					select r.full_name, r.name_latin, r.search_key, r.sort_key, r.birth_year, r.phone, g.id from rows r left join regions g on g.name_ru = r.region
					returning id, full_name, search_key, birth_year, phone
				),
				members as (
					insert into memberships (person_id, organization_id, source)
					select p.id, party.id, 'import' from people p join rows r on r.search_key = p.search_key and r.birth_year = p.birth_year and r.phone = p.phone
					join party on party.name = r.party
					returning id
				)
				insert into audit_log (user_id, action, entity, entity_id, after, source)
				select ${userId}::int, 'create', 'people', id, to_jsonb(p), 'import' from people p
				union all select ${userId}::int, 'create', 'memberships', id, null, 'import' from members`.execute(trx);
			throw new RollBack();
		});
	} catch (e) {
		if (!(e instanceof RollBack)) throw e;
	}
}
