import { sql } from 'kysely';
import { expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db';
import { DEMO_TABLES, demoCounts, generateDemo, type DemoCounts, type DemoDataset } from '../../src/lib/server/demo/generate';
import { hasDemo, insertDemo, loadDemo, removeDemo } from '../../src/lib/server/demo/load';
import { DEMO_ACCOUNTS } from '../../src/lib/server/demo/accounts';
import { describeEachDatabase } from '../helpers/databases';

async function demoRowsInDatabase(db: Db): Promise<DemoCounts> {
	const counts: Partial<DemoCounts> = {};
	for (const table of DEMO_TABLES) {
		const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} where is_demo`.execute(db);
		counts[table] = rows[0].n;
	}
	return counts as DemoCounts;
}

function zero(): DemoCounts {
	return Object.fromEntries(DEMO_TABLES.map((t) => [t, 0])) as DemoCounts;
}

/** Counts of the reference data that must survive loading and removing the demo. */
async function referenceData(db: Db) {
	const count = async (query: ReturnType<typeof sql<{ n: number }>>) => (await query.execute(db)).rows[0].n;
	return {
		raions: await count(sql`select count(*)::int as n from regions where level = 'raion'`),
		regions: await count(sql`select count(*)::int as n from regions`),
		elections: await count(sql`select count(*)::int as n from elections where not is_demo`),
		contests: await count(sql`select count(*)::int as n from contests where not is_demo`),
		bishkekPartyResults: await count(sql`
			select count(*)::int as n from party_results pr join contests c on c.id = pr.contest_id
			where c.name_en = 'Bishkek City Kenesh' and not pr.is_demo`),
		indicators: await count(sql`select count(*)::int as n from context_indicators`),
		organizations: await count(sql`select count(*)::int as n from organizations where not is_demo`),
		organizationNames: await count(sql`select count(*)::int as n from organization_names where not is_demo`)
	};
}

describeEachDatabase('demo data: load and remove', (t) => {
	const expected = { ...demoCounts(generateDemo()), users: DEMO_ACCOUNTS.length };
	let realPersonId: number;
	let realTrainingId: number;
	let reference: Awaited<ReturnType<typeof referenceData>>;

	it('starts with reference data only, plus one real person and training made before the demo', async () => {
		reference = await referenceData(t.db);
		expect(reference).toMatchObject({ raions: 40, elections: 2, bishkekPartyResults: 4, indicators: 7, organizations: 9, organizationNames: 2 });
		const region = await t.db.selectFrom('regions').select('id').where('code', '=', 'KG-T').executeTakeFirstOrThrow();
		realPersonId = (
			await t.db
				.insertInto('people')
				.values({ full_name: 'Реальная Тестовая', name_latin: 'Realnaya Testovaya', search_key: 'realnaia testovaia', sort_key: 'realnaya testovaya', region_id: region.id })
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
		realTrainingId = (
			await t.db
				.insertInto('trainings')
				.values({ title: 'Real workshop', kind: 'workshop', start_date: '2012-06-01', end_date: '2012-06-02', region_id: region.id })
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
		expect(await hasDemo(t.db)).toBe(false);
	});

	it('leaves no demo row when the within callback fails after the insert', async () => {
		let sawRows = 0;
		await expect(
			loadDemo(t.db, {
				within: async (trx) => {
					sawRows = (await demoRowsInDatabase(trx)).people;
					throw new Error('first-start record failed');
				}
			})
		).rejects.toThrow('first-start record failed');
		expect(sawRows).toBe(expected.people);
		expect(await demoRowsInDatabase(t.db)).toEqual(zero());
	});

	it('leaves no demo row when a bad row near the end fails', async () => {
		const bad: DemoDataset = structuredClone(generateDemo());
		bad.campaign_activities[bad.campaign_activities.length - 1].people_reached = -1; // violates a CHECK
		await expect(t.db.transaction().execute((trx) => insertDemo(trx, bad))).rejects.toThrow(/people_reached|check/i);
		expect(await demoRowsInDatabase(t.db)).toEqual(zero());
	});

	it('refuses a dataset that names an unknown reference code, with a clear message', async () => {
		const bad: DemoDataset = structuredClone(generateDemo());
		bad.contests[bad.contests.length - 1].region = 'KG-X-NOPE';
		await expect(t.db.transaction().execute((trx) => insertDemo(trx, bad))).rejects.toThrow("region code 'KG-X-NOPE'");
		bad.contests[bad.contests.length - 1].region = 'KG-N';
		bad.candidacies[0].party = { reference: 'No Such Party' };
		await expect(t.db.transaction().execute((trx) => insertDemo(trx, bad))).rejects.toThrow("organization 'No Such Party'");
		expect(await hasDemo(t.db)).toBe(false);
	});

	it('loads the dataset in one go: the rows in the database are the generator’s, per table', async () => {
		const { counts, accounts } = await loadDemo(t.db, { password: 'demo password for tests' });
		expect(counts).toEqual(expected);
		expect(accounts.map((a) => a.role).sort()).toEqual(['admin', 'funder', 'organizer', 'organizer', 'viewer']);
		expect(await demoRowsInDatabase(t.db)).toEqual(expected);
		expect(await hasDemo(t.db)).toBe(true);
		// Ids came from the identity sequences: an ordinary insert afterwards gets a fresh id.
		const next = await t.db
			.insertInto('organizations')
			.values({ name: 'Real NGO added after the demo', kind: 'ngo' })
			.returning('id')
			.executeTakeFirstOrThrow();
		const max = await t.db.selectFrom('organizations').select((eb) => eb.fn.max('id').as('id')).executeTakeFirstOrThrow();
		expect(next.id).toBe(max.id);
		await t.db.deleteFrom('organizations').where('id', '=', next.id).execute();
	});

	it('links the demo rows to the reference data and to each other', async () => {
		const dataset = generateDemo();
		const tot = await t.db
			.selectFrom('trainings as t')
			.innerJoin('organizations as o', 'o.id', 't.organizer_id')
			.innerJoin('regions as r', 'r.id', 't.region_id')
			.select(['t.id', 'o.name as organizer', 'r.code as region', 'o.is_demo as organizer_is_demo'])
			.where('t.kind', '=', 'tot')
			.where('t.is_demo', '=', true)
			.executeTakeFirstOrThrow();
		expect(tot).toMatchObject({ organizer: 'Bir Duino Kyrgyzstan', region: 'KG-GB', organizer_is_demo: false });
		const children = await t.db.selectFrom('trainings').select((eb) => eb.fn.countAll<number>().as('n')).where('parent_training_id', '=', tot.id).executeTakeFirstOrThrow();
		expect(children.n).toBe(dataset.trainings.filter((x) => x.parent === dataset.trainings[0].key).length);
		const bishkek = await t.db
			.selectFrom('candidacies as c')
			.innerJoin('contests as k', 'k.id', 'c.contest_id')
			.innerJoin('organizations as p', 'p.id', 'c.party_id')
			.select(['k.is_demo as contest_is_demo', 'p.kind as party_kind'])
			.where('k.name_en', '=', 'Bishkek City Kenesh')
			.execute();
		expect(bishkek.length).toBe(dataset.candidacies.filter((c) => 'reference' in c.contest).length);
		expect(bishkek.length).toBeGreaterThan(0);
		for (const row of bishkek) expect(row).toEqual({ contest_is_demo: false, party_kind: 'party' });
		const mentors = await sql<{ n: number }>`
			select count(*)::int as n from relationships r
			where r.kind = 'mentor' and r.is_demo and exists (
				select 1 from training_participants f join training_participants p on p.training_id = f.training_id
				where f.person_id = r.person_id and f.role = 'facilitator' and p.person_id = r.other_person_id and p.role = 'participant')
		`.execute(t.db);
		expect(mentors.rows[0].n).toBe(dataset.relationships.filter((r) => r.kind === 'mentor').length);
		const aigul = await t.db.selectFrom('people').select('languages').where('is_demo', '=', true).limit(1).executeTakeFirstOrThrow();
		expect(Array.isArray(aigul.languages)).toBe(true);
	});

	it('refuses to load a second time and changes nothing', async () => {
		await expect(loadDemo(t.db)).rejects.toThrow(/already loaded/);
		expect(await demoRowsInDatabase(t.db)).toEqual(expected);
	});

	it('will not remove demo rows that a real row still refers to, and says so', async () => {
		const contest = await t.db.selectFrom('contests').select('id').where('is_demo', '=', true).limit(1).executeTakeFirstOrThrow();
		const candidacy = await t.db
			.insertInto('candidacies')
			.values({ person_id: realPersonId, contest_id: contest.id, status: 'intending' })
			.returning('id')
			.executeTakeFirstOrThrow();
		await expect(removeDemo(t.db)).rejects.toThrow(/not demo data still refers to it/);
		expect(await demoRowsInDatabase(t.db)).toEqual(expected);
		await t.db.deleteFrom('candidacies').where('id', '=', candidacy.id).execute();
	});

	it('removes exactly the demo rows, soft-deleted ones included, and keeps reference and real data', async () => {
		await t.db.updateTable('people').set({ deleted_at: new Date() }).where('is_demo', '=', true).where('id', '=', (eb) => eb.selectFrom('people').select((e) => e.fn.max('id').as('id')).where('is_demo', '=', true)).execute();
		const removed = await removeDemo(t.db);
		expect(removed).toEqual(expected);
		expect(await demoRowsInDatabase(t.db)).toEqual(zero());
		expect(await hasDemo(t.db)).toBe(false);
		expect(await referenceData(t.db)).toEqual(reference);
		expect(await t.db.selectFrom('people').select('full_name').where('id', '=', realPersonId).executeTakeFirst()).toEqual({ full_name: 'Реальная Тестовая' });
		expect(await t.db.selectFrom('trainings').select('title').where('id', '=', realTrainingId).executeTakeFirst()).toEqual({ title: 'Real workshop' });
		expect(await removeDemo(t.db)).toEqual(zero());
	});

	it('loads again after removal, running within in the same transaction', async () => {
		const { counts } = await loadDemo(t.db, {
			within: async (trx) => {
				await trx.insertInto('app_settings').values({ key: 'demo_test_first_start', value: JSON.stringify({ at: '2012-11-25' }) }).execute();
			}
		});
		expect(counts).toEqual(expected);
		expect(await demoRowsInDatabase(t.db)).toEqual(expected);
		const setting = await t.db.selectFrom('app_settings').select('value').where('key', '=', 'demo_test_first_start').executeTakeFirst();
		expect(setting?.value).toEqual({ at: '2012-11-25' });
		expect(await removeDemo(t.db)).toEqual(expected);
	});
});
