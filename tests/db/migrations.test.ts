import { readdirSync } from 'node:fs';
import { Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../../migrations/index';
import { migrateToLatest } from '../../src/lib/server/db/migrate';
import type { DatabaseHandle } from '../../src/lib/server/db/connect';
import * as enums from '../../src/lib/domain/enums';
import { freshDatabase } from '../helpers/databases';

describe('migrations/index.ts', () => {
	it('lists every migration file, in date order', () => {
		const files = readdirSync('migrations')
			.filter((f) => /^\d{4}-\d{2}-\d{2}_\d{3}_.+\.ts$/.test(f))
			.map((f) => f.replace(/\.ts$/, ''))
			.sort();
		expect(Object.keys(migrations)).toEqual(files);
	});
});

for (const kind of ['pglite', 'postgres'] as const) {
	const skip = kind === 'postgres' && !process.env.TEST_DATABASE_URL;
	const title = `migrations from an empty database [${kind === 'pglite' ? 'PGlite' : 'PostgreSQL'}]`;
	describe.skipIf(skip)(skip ? `${title} — skipped: TEST_DATABASE_URL is not set` : title, () => {
		let handle: DatabaseHandle;
		beforeAll(async () => {
			handle = await freshDatabase(kind, { migrated: false });
		});
		afterAll(() => handle?.close());

		it('migrate up creates every table of the data model', async () => {
			const result = await migrateToLatest(handle.db);
			expect(result.results?.map((r) => r.status)).toEqual(Object.keys(migrations).map(() => 'Success'));
			const tables = await handle.db
				.selectFrom(sql<{ table_name: string }>`information_schema.tables`.as('t'))
				.select('table_name')
				.where(sql.ref('table_schema'), '=', 'public')
				.execute();
			const names = tables.map((t) => t.table_name);
			for (const table of [
				'regions', 'people', 'organizations', 'organization_names', 'memberships', 'trainings',
				'training_participants', 'relationships', 'elections', 'contests', 'candidacies',
				'campaign_activities', 'users', 'sessions', 'share_links', 'import_jobs', 'audit_log',
				'context_indicators'
			]) {
				expect(names).toContain(table);
			}
		});

		it('loads Kyrgyzstan: 2 cities, 7 oblasts with ISO codes, 40 raions, names in three languages', async () => {
			const db = handle.db;
			const kg = await db.selectFrom('regions').selectAll().where('iso_code', '=', 'KG').executeTakeFirstOrThrow();
			const children = await db.selectFrom('regions').selectAll().where('parent_id', '=', kg.id).execute();
			expect(children.filter((r) => r.level === 'oblast').map((r) => r.iso_code).sort()).toEqual(
				['KG-B', 'KG-C', 'KG-J', 'KG-N', 'KG-O', 'KG-T', 'KG-Y']
			);
			expect(children.filter((r) => r.level === 'city').map((r) => r.iso_code).sort()).toEqual(['KG-GB', 'KG-GO']);
			const raions = await db
				.selectFrom('regions as r')
				.innerJoin('regions as o', 'o.id', 'r.parent_id')
				.select(['r.name_en', 'r.name_ru', 'r.name_ky'])
				.where('r.level', '=', 'raion')
				.where('o.parent_id', '=', kg.id)
				.execute();
			expect(raions).toHaveLength(40);
			for (const r of raions) {
				expect(r.name_ru).toMatch(/район$/);
				expect(r.name_ky).toMatch(/району$/);
			}
			const chuy = children.find((r) => r.iso_code === 'KG-C')!;
			expect([chuy.name_en, chuy.name_ru, chuy.name_ky]).toEqual(['Chüy Region', 'Чуйская область', 'Чүй облусу']);
		});

		it('loads the 2012 elections, the Bishkek seat allocation and the national series', async () => {
			const db = handle.db;
			const elections = await db.selectFrom('elections').select(['date', 'called_on']).orderBy('date').execute();
			expect(elections).toEqual([
				{ date: '2012-03-04', called_on: null },
				{ date: '2012-11-25', called_on: '2012-09-24' }
			]);
			const bishkek = await db
				.selectFrom('contests')
				.select(['id', 'seats', 'electoral_system'])
				.where('name_en', '=', 'Bishkek City Kenesh')
				.executeTakeFirstOrThrow();
			expect(bishkek).toMatchObject({ seats: 45, electoral_system: 'party_list' });
			const seats = await db
				.selectFrom('party_results as pr')
				.innerJoin('organizations as o', 'o.id', 'pr.party_id')
				.select(['o.name', 'pr.seats_won'])
				.where('pr.contest_id', '=', bishkek.id)
				.orderBy('pr.seats_won', 'desc')
				.execute();
			expect(seats.map((s) => s.seats_won)).toEqual([21, 11, 7, 6]);
			const osh = await db.selectFrom('contests').select('seats').where('name_en', '=', 'Osh City Kenesh').executeTakeFirstOrThrow();
			expect(osh.seats).toBe(45);
			const series = await db.selectFrom('context_indicators').select(['year', 'value']).orderBy('year').execute();
			expect(series).toEqual([
				{ year: 2004, value: 19 }, { year: 2008, value: 17 }, { year: 2012, value: 12 }, { year: 2017, value: 10 },
				{ year: 2019, value: 9 }, { year: 2021, value: 38 }, { year: 2024, value: 42 }
			]);
		});

		it('has a CHECK constraint for every enumerated column, agreeing with src/lib/domain/enums.ts', async () => {
			const rows = await sql<{ def: string }>`
				select pg_get_constraintdef(oid) as def from pg_constraint where contype = 'c'
			`.execute(handle.db);
			const defs = rows.rows.map((r) => r.def).join('\n');
			const enumerations = [
				enums.BACKGROUNDS, enums.GENDERS, enums.ORGANIZATION_KINDS, enums.TRAINING_KINDS, enums.PARTICIPANT_ROLES,
				enums.RELATIONSHIP_KINDS, enums.CANDIDACY_STATUSES, enums.ACTIVITY_KINDS, enums.ROLES, enums.COUNCIL_KINDS,
				enums.ELECTORAL_SYSTEMS, enums.ELECTION_KINDS, enums.IMPORT_STATUSES, enums.REGION_LEVELS
			];
			for (const values of enumerations) {
				for (const v of values) expect(defs).toContain(`'${v}'::text`);
			}
		});

		it('migrates down to empty and up again', async () => {
			const migrator = new Migrator({ db: handle.db, provider: { getMigrations: async () => migrations } });
			for (let i = 0; i < Object.keys(migrations).length; i++) {
				const { error } = await migrator.migrateDown();
				expect(error).toBeUndefined();
			}
			const left = await sql<{ n: number }>`select count(*)::int as n from information_schema.tables where table_schema = 'public' and table_name = 'people'`.execute(handle.db);
			expect(left.rows[0].n).toBe(0);
			await migrateToLatest(handle.db);
			const raions = await handle.db.selectFrom('regions').select(sql<number>`count(*)`.as('n')).where('level', '=', 'raion').executeTakeFirstOrThrow();
			expect(raions.n).toBe(40);
		});
		it('rejects a second participation and a second candidacy for the same person', async () => {
			const db = handle.db;
			const region = await db.selectFrom('regions').select('id').where('iso_code', '=', 'KG-N').executeTakeFirstOrThrow();
			const person = await db
				.insertInto('people')
				.values({ full_name: 'Тест', name_latin: 'Test', search_key: 'test', sort_key: 'test', region_id: region.id })
				.returning('id')
				.executeTakeFirstOrThrow();
			const training = await db
				.insertInto('trainings')
				.values({ title: 'T', kind: 'workshop', start_date: '2012-05-01', end_date: '2012-05-02' })
				.returning('id')
				.executeTakeFirstOrThrow();
			const participation = { training_id: training.id, person_id: person.id, role: 'participant' as const };
			await db.insertInto('training_participants').values(participation).execute();
			await expect(db.insertInto('training_participants').values(participation).execute()).rejects.toThrow(/training_participants_once/);
			const contest = await db.selectFrom('contests').select('id').limit(1).executeTakeFirstOrThrow();
			const candidacy = { person_id: person.id, contest_id: contest.id, status: 'registered' as const };
			await db.insertInto('candidacies').values(candidacy).execute();
			await expect(db.insertInto('candidacies').values(candidacy).execute()).rejects.toThrow(/candidacies_once/);
			await expect(
				db.insertInto('candidacies').values({ ...candidacy, contest_id: contest.id + 1, status: 'withdrawn' }).execute()
			).rejects.toThrow(/candidacies_exit_stage/);
		});

	});
}
