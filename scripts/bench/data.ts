// `npm run bench:data -- --people 300000 [--seed 1] [--force]` fills a PostgreSQL database
// (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/ct_bench, created if missing) with the
// benchmark's fictional network (scripts/bench/network.ts). A database holding other data is refused
// unless --force, which empties it; a database the benchmark filled before is emptied and refilled.
import { sql } from 'kysely';
import { connect } from '../../src/lib/server/db/connect';
import type { Db } from '../../src/lib/server/db';
import { bumpDataVersion } from '../../src/lib/server/db/data-version';
import { migrateToLatest } from '../../src/lib/server/db/migrate';
import { runScript } from '../lib/run';
import { generateNetwork, type Columns, type CountryRegions } from './network';
import { BENCH_MARKER, benchDatabaseUrl, ensureDatabase, option } from './options';

/** Rows per INSERT … SELECT FROM unnest(…): one round trip each, well within the protocol's limits. */
const CHUNK = 20_000;
/** Generated countries (codes BX01 …), each with 8 oblasts of 3 raions, besides Kyrgyzstan's real ones. */
const COUNTRIES = 50;

// What the benchmark writes (and empties before writing again); regions and context indicators of the
// reference migration stay.
const DATA_TABLES = [
	'campaign_activities', 'candidacies', 'party_list_entries', 'party_results', 'contest_totals', 'contests', 'elections',
	'relationships', 'training_participants', 'training_events', 'trainings', 'memberships', 'organization_names',
	'organizations', 'people', 'audit_log', 'import_jobs', 'share_links', 'user_tokens', 'sessions', 'user_regions', 'users', 'login_throttle'
];

async function insertColumns(db: Db, table: string, columns: Columns): Promise<number> {
	const names = Object.keys(columns);
	const length = columns[names[0]][1].length;
	for (let start = 0; start < length; start += CHUNK) {
		// Arrays of text are sent as one text each ("ky,ru"): unnest cannot take a column of arrays.
		const arrays = names.map((name) => {
			const [type, values] = columns[name];
			const chunk = values.slice(start, start + CHUNK);
			return name === 'languages' ? sql`string_to_array(unnest(${chunk}::text[]), ',')` : sql`unnest(${chunk}::${sql.raw(type)}[])`;
		});
		await sql`insert into ${sql.table(table)} (${sql.join(names.map((n) => sql.id(n)))}) select ${sql.join(arrays)}`.execute(db);
	}
	return length;
}

/** Empties what an earlier run wrote, or refuses a database that holds anything else (unless forced). */
async function prepare(db: Db, force: boolean) {
	const marker = await db.selectFrom('app_settings').select('value').where('key', '=', BENCH_MARKER).executeTakeFirst();
	const { rows } = await sql<{ n: number }>`select (select count(*) from people) + (select count(*) from trainings) + (select count(*) from users) as n`.execute(db);
	if (Number(rows[0].n) > 0 && !marker && !force) {
		throw new Error('This database holds data that the benchmark did not write. Use another DATABASE_URL, or --force to empty it.');
	}
	await sql`truncate ${sql.join(DATA_TABLES.map((t) => sql.table(t)))} restart identity cascade`.execute(db);
	for (const level of ['raion', 'oblast', 'country'] as const) {
		await db.deleteFrom('regions').where('code', 'like', 'BX%').where('level', '=', level).execute();
	}
}

/** Kyrgyzstan's regions from the reference migration, and COUNTRIES generated countries. */
async function regions(db: Db): Promise<CountryRegions[]> {
	const kg = await db.selectFrom('regions').select(['id', 'level', 'parent_id', 'code']).execute();
	const kyrgyzstan = kg.find((r) => r.code === 'KG')!;
	const countries: CountryRegions[] = [
		{ countryId: kyrgyzstan.id, tops: kg.filter((r) => r.parent_id === kyrgyzstan.id).map((r) => r.id), raions: kg.filter((r) => r.level === 'raion').map((r) => r.id), kyrgyzstan: true }
	];
	for (let c = 1; c <= COUNTRIES; c++) {
		const code = `BX${String(c).padStart(2, '0')}`;
		const insert = (values: { level: 'country' | 'oblast' | 'raion'; code: string; parent_id: number | null; en: string; ru: string; ky: string }[]) =>
			db
				.insertInto('regions')
				.values(values.map((v) => ({ level: v.level, code: v.code, parent_id: v.parent_id, name_en: v.en, name_ru: v.ru, name_ky: v.ky })))
				.returning('id')
				.execute();
		const [country] = await insert([{ level: 'country', code, parent_id: null, en: `Country ${c}`, ru: `Страна ${c}`, ky: `Өлкө ${c}` }]);
		const tops = await insert(Array.from({ length: 8 }, (_, o) => ({ level: 'oblast' as const, code: `${code}-${o + 1}`, parent_id: country.id, en: `Region ${c}-${o + 1}`, ru: `Область ${c}-${o + 1}`, ky: `Облус ${c}-${o + 1}` })));
		const raions = await insert(
			tops.flatMap((top, o) => Array.from({ length: 3 }, (_, r) => ({ level: 'raion' as const, code: `${code}-${o + 1}-${r + 1}`, parent_id: top.id, en: `District ${c}-${o + 1}-${r + 1}`, ru: `Район ${c}-${o + 1}-${r + 1}`, ky: `Район ${c}-${o + 1}-${r + 1}` })))
		);
		countries.push({ countryId: country.id, tops: tops.map((t) => t.id), raions: raions.map((r) => r.id), kyrgyzstan: false });
	}
	return countries;
}

/** Explicit ids were inserted: move each identity on past them. */
async function resetIdentity(db: Db, table: string) {
	await sql`select setval(pg_get_serial_sequence(${table}, 'id'), coalesce((select max(id) from ${sql.table(table)}), 0) + 1, false)`.execute(db);
}

await runScript(async () => {
	const size = Number(option('--people') ?? 300_000);
	const seed = Number(option('--seed') ?? 1);
	if (!Number.isInteger(size) || size < 1000) throw new Error('--people must be a whole number of at least 1000.');
	const url = benchDatabaseUrl();
	const began = performance.now();
	const elapsed = () => `${((performance.now() - began) / 1000).toFixed(1)} s`;
	await ensureDatabase(url);
	const handle = await connect({ kind: 'postgres', url, poolSize: 2 });
	try {
		const db = handle.db;
		await migrateToLatest(db);
		await prepare(db, process.argv.includes('--force'));
		const countries = await regions(db);
		const network = generateNetwork(size, seed, countries);
		console.log(`Generated ${size} people in memory (${elapsed()}); inserting into ${handle.location} …`);
		const counts: Record<string, number> = {};
		// Ids are the rows' positions (1, 2, 3 …), as the generator links them; parents before children.
		const withIds = (columns: Columns): Columns => ({ id: ['int4', columns[Object.keys(columns)[0]][1].map((_, i) => i + 1)], ...columns });
		await db.transaction().execute(async (trx) => {
			for (const [table, columns, ids] of [
				['people', network.people, true],
				['organizations', network.organizations, true],
				['memberships', network.memberships, false],
				['trainings', network.trainings, true],
				['training_participants', network.participants, false],
				['relationships', network.relationships, false],
				['elections', network.elections, true],
				['contests', network.contests, true],
				['candidacies', network.candidacies, false]
			] as const) {
				counts[table] = await insertColumns(trx, table, ids ? withIds(columns) : columns);
				if (ids) await resetIdentity(trx, table);
				console.log(`  ${table}: ${counts[table]} (${elapsed()})`);
			}
			// Official totals for nine contests in ten, consistent with the tracked candidacies in them.
			const totals = await sql`
				insert into contest_totals (contest_id, candidates, women_candidates, women_elected, women_seats_before, source)
				select k.id, k.seats * 3 + count(c.id), count(c.id) filter (where c.status = 'on_ballot') + k.seats * 4 / 5,
					count(c.id) filter (where c.elected) + k.seats / 10, k.seats / 5, 'bench'
				from contests k left join candidacies c on c.contest_id = k.id
				where k.id % 10 <> 0 group by k.id`.execute(trx);
			counts.contest_totals = Number(totals.numAffectedRows ?? 0);
			const results = await sql`
				insert into party_results (contest_id, party_id, seats_won, list_size, source)
				select c.contest_id, c.party_id, count(*) filter (where c.elected), count(*), 'bench'
				from candidacies c join contests k on k.id = c.contest_id and k.electoral_system = 'party_list'
				where c.party_id is not null group by c.contest_id, c.party_id`.execute(trx);
			counts.party_results = Number(results.numAffectedRows ?? 0);
			await trx.insertInto('users').values({ email: 'bench@example.org', display_name: 'Benchmark', role: 'admin' }).execute();
			await trx
				.insertInto('app_settings')
				.values({ key: BENCH_MARKER, value: JSON.stringify({ people: size, seed, generatedAt: new Date().toISOString() }) })
				.onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ value: eb.ref('excluded.value'), updated_at: new Date() })))
				.execute();
			// The network page caches its figures until the data changes: say that it did.
			await bumpDataVersion(trx);
		});
		await sql`vacuum analyze`.execute(db);
		const ties = counts.relationships + counts.training_participants;
		console.log(`Done in ${elapsed()} (after VACUUM ANALYZE). Ties (relationships + participations): ${ties}.`);
		console.table(counts);
	} finally {
		await handle.close();
	}
});
