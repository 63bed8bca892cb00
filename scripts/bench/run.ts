// `npm run bench [-- --runs 20] [--only search,cascade] [--statements] [--out bench-results/results.json]` times the server's
// own data functions for the heaviest pages against the database `npm run bench:data` filled, and
// beside each the SQL for the same answer run directly. Prints p50/p95 (ms) and app ÷ direct, and
// writes them as JSON.
//
// "Direct" is hand-written SQL where one statement gives the answer (search, list, cascade reach,
// import). For pages assembled from many queries (person, impact, network) it is the very statements
// the app sent, recorded once and replayed all at once: the floor the database sets, so that the
// ratio shows what the app adds (round trips in sequence, work in JavaScript).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { CompiledQuery, sql } from 'kysely';
import pg from 'pg';
import type { RequestEvent } from '@sveltejs/kit';
import type { Actor } from '../../src/lib/server/auth/permissions';
import { closeAppDatabase, openAppDatabase, type Db } from '../../src/lib/server/db';
import { bumpDataVersion } from '../../src/lib/server/db/data-version';
import { listPeople, peopleQuerySchema, searchPeople } from '../../src/lib/server/people/queries';
import { loadPersonPage } from '../../src/lib/server/people/page';
import { impactPageData } from '../../src/lib/server/impact/page';
import { networkView } from '../../src/lib/server/network/graph';
import { cascadeFromTraining } from '../../src/lib/server/network/cascade';
import { searchKey } from '../../src/lib/domain/names';
import { runScript } from '../lib/run';
import { BENCH_MARKER, benchDatabaseUrl, option } from './options';
import { benchImport, directImport, importSheet, removeImports } from './import';

const TARGETS: Record<string, number> = { search: 100, list: 100, person: 100, impact: 300, impact_filtered: 300, impact_cold: 300, impact_filtered_cold: 300, cascade: 300 };
const RATIO_TARGET = 1.5;

interface Case {
	name: string;
	what: string;
	app: () => Promise<unknown>;
	direct: () => Promise<unknown>;
	directKind: 'hand-written' | 'replayed';
	/** Before each timed call (not timed): e.g. empty a cache. */
	before?: () => Promise<void>;
	/** Fewer runs (and one warm-up, or `warmup`) for a case that takes seconds. */
	runs?: number;
	warmup?: number;
}

// Every statement node-pg sends while `recording` is set (Kysely's PostgresDialect calls client.query(text, values)).
let recording: { text: string; values: unknown[] }[] | null = null;
const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
	if (recording && typeof args[0] === 'string') recording.push({ text: args[0], values: (args[1] as unknown[]) ?? [] });
	return query.apply(this, args);
} as typeof pg.Client.prototype.query;

/**
 * The statements `run` sends, as a function that sends them again all at once. With --statements,
 * each is also timed alone and the slowest are printed (where to look with EXPLAIN ANALYZE).
 */
async function recorded(db: Db, run: () => Promise<unknown>) {
	recording = [];
	await run();
	const statements = recording.filter((s) => !/^(begin|commit|rollback)/i.test(s.text));
	recording = null;
	const send = (s: (typeof statements)[number]) => db.executeQuery(CompiledQuery.raw(s.text, s.values));
	if (process.argv.includes('--statements')) {
		const timed: { ms: number; text: string }[] = [];
		for (const s of statements) {
			const start = performance.now();
			await send(s);
			timed.push({ ms: round(performance.now() - start), text: s.text.replace(/\s+/g, ' ').slice(0, 160) });
		}
		for (const t of timed.sort((a, b) => b.ms - a.ms).slice(0, 4)) console.log(`      ${t.ms} ms  ${t.text}`);
	}
	return () => Promise.all(statements.map(send));
}

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function time(run: () => Promise<unknown>, runs: number, warmup: number, before?: () => Promise<void>) {
	const times: number[] = [];
	for (let i = 0; i < warmup + runs; i++) {
		await before?.();
		const start = performance.now();
		await run();
		if (i >= warmup) times.push(performance.now() - start);
	}
	times.sort((a, b) => a - b);
	return { p50: percentile(times, 50), p95: percentile(times, 95), runs };
}

/** The people, trainings and filters the cases use: the heaviest of each kind in the data. */
async function subjects(db: Db) {
	const { rows: [person] } = await sql<{ id: number }>`
		select person_id as id from (
			select person_id from training_participants where deleted_at is null
			union all select person_id from relationships union all select other_person_id from relationships
		) t group by person_id order by count(*) desc, person_id limit 1`.execute(db);
	// The TOT with the most trainings descending from it.
	const { rows: [tot] } = await sql<{ id: number }>`
		with recursive below(root, id) as (
			select id, id from trainings where kind = 'tot' and deleted_at is null
			union all select b.root, t.id from below b join trainings t on t.parent_training_id = b.id
		) select root as id from below group by root order by count(*) desc, root limit 1`.execute(db);
	const chuy = await db.selectFrom('regions').select('id').where('code', '=', 'KG-C').executeTakeFirstOrThrow();
	const election = await db.selectFrom('elections').select('id').where('name_en', 'like', 'Local elections 2021%').orderBy('id').executeTakeFirstOrThrow();
	return { person: person.id, tot: tot.id, region: chuy.id, election: election.id };
}

const admin: Actor = { kind: 'user', userId: null, shareLinkId: null, role: 'admin', displayName: 'Benchmark', email: null, regionScope: null, sessionId: null, locale: 'en' };
const impactEvent = (params: string) => ({ url: new URL(`http://bench/impact?${params}`), locals: { locale: 'en' } }) as unknown as RequestEvent;

function cases(db: Db, s: Awaited<ReturnType<typeof subjects>>): Case[] {
	const term = 'осмон';
	const listQuery = peopleQuerySchema.parse({ q: 'Айгүл' });
	const like = (q: string) => `%${searchKey(q)}%`;
	return [
		{
			name: 'search',
			what: `searchPeople("${term}"), 20 by name`,
			app: () => searchPeople(db, term, null, 'en'),
			direct: () => sql`
				select p.id, p.full_name, p.name_latin, p.birth_year, r.name_en as region from people p left join regions r on r.id = p.region_id
				where p.deleted_at is null and p.search_key like ${like(term)} order by p.sort_key collate "C", p.id limit 20`.execute(db),
			directKind: 'hand-written'
		},
		{
			name: 'list',
			what: `listPeople(q="${listQuery.q}"), page 1 of 50 + total`,
			app: () => listPeople(db, listQuery, null, 'en'),
			direct: () => sql`
				with matches as materialized (select id, full_name, name_latin, background, birth_year, updated_at, region_id, sort_key from people
					where deleted_at is null and search_key like ${like(listQuery.q)})
				select m.id, m.full_name, m.name_latin, m.background, m.birth_year, m.updated_at, r.name_en as region,
					(select count(*) from candidacies c where c.person_id = m.id and c.deleted_at is null) as candidacies,
					(select count(*) from candidacies c where c.person_id = m.id and c.deleted_at is null and c.elected) as elected,
					(select count(*) from matches) as total
				from (select * from matches order by sort_key collate "C", id limit 50) m left join regions r on r.id = m.region_id
				order by m.sort_key collate "C", m.id`.execute(db),
			directKind: 'hand-written'
		},
		{ name: 'person', what: `loadPersonPage(${s.person}), the most connected person`, app: () => loadPersonPage(db, s.person, 'en', true), direct: async () => {}, directKind: 'replayed', runs: 3 },
		// The dashboard is cached until a record changes: "cold" is the first request after a change.
		{ name: 'impact', what: 'impactPageData(), no filter, cached', app: () => impactPageData(impactEvent(''), admin), direct: async () => {}, directKind: 'replayed' },
		{
			name: 'impact_filtered',
			what: `impactPageData(region=${s.region} Chüy, election=${s.election}), cached`,
			app: () => impactPageData(impactEvent(`region=${s.region}&election=${s.election}`), admin),
			direct: async () => {},
			directKind: 'replayed'
		},
		{
			name: 'impact_cold',
			what: 'impactPageData(), no filter, cache emptied (data version bumped) before each run',
			app: () => impactPageData(impactEvent(''), admin),
			direct: async () => {},
			directKind: 'replayed',
			before: () => bumpDataVersion(db),
			runs: 3
		},
		{
			name: 'impact_filtered_cold',
			what: `impactPageData(region=${s.region} Chüy, election=${s.election}), cache emptied before each run`,
			app: () => impactPageData(impactEvent(`region=${s.region}&election=${s.election}`), admin),
			direct: async () => {},
			directKind: 'replayed',
			before: () => bumpDataVersion(db),
			runs: 3
		},
		{
			name: 'cascade',
			what: `cascadeFromTraining(${s.tot}), the largest TOT`,
			app: () => cascadeFromTraining(db, s.tot),
			// The same reach, walking trainer → trainee through the indexes instead of building every edge first.
			direct: () => sql`
				with recursive reach(person_id, level) as (
					select p.person_id, 1 from training_participants p join people x on x.id = p.person_id and x.deleted_at is null
					where p.training_id = ${s.tot} and p.role = 'participant' and p.completed and p.deleted_at is null
					union
					select p.person_id, r.level + 1 from reach r
					join training_participants f on f.person_id = r.person_id and f.role = 'facilitator' and f.deleted_at is null
					join trainings t on t.id = f.training_id and t.deleted_at is null
					join training_participants p on p.training_id = f.training_id and p.role = 'participant' and p.completed and p.deleted_at is null and p.person_id <> f.person_id
					join people b on b.id = p.person_id and b.deleted_at is null
					where r.level < 30
				)
				select level, count(*) from (
					select person_id, min(level) as level from reach
					where person_id not in (select person_id from training_participants where training_id = ${s.tot} and role = 'facilitator' and deleted_at is null)
					group by person_id
				) f group by level order by level`.execute(db),
			directKind: 'hand-written'
		},
		{ name: 'network_warm', what: 'networkView({}), whole network, cached', app: () => networkView(db, {}, null), direct: async () => {}, directKind: 'replayed' },
		{
			name: 'network_cold',
			what: 'networkView({}), whole network, cache emptied (data version bumped) before each run',
			app: () => networkView(db, {}, null),
			direct: async () => {},
			directKind: 'replayed',
			before: () => bumpDataVersion(db),
			runs: 1
		},
		{
			name: 'network_region_cold',
			what: `networkView({ region: ${s.region} Chüy }), cache emptied before each run`,
			app: () => networkView(db, { region: s.region }, null),
			direct: async () => {},
			directKind: 'replayed',
			before: () => bumpDataVersion(db),
			runs: 5
		}
	];
}

await runScript(async () => {
	const runs = Number(option('--runs') ?? 20);
	const warmup = Number(option('--warmup') ?? 2);
	const only = option('--only')?.split(',');
	const out = resolve(option('--out') ?? 'bench-results/results.json'); // bench-results/ is in .gitignore
	const url = benchDatabaseUrl();
	const handle = await openAppDatabase({ kind: 'postgres', url });
	try {
		const db = handle.db;
		const marker = await db.selectFrom('app_settings').select('value').where('key', '=', BENCH_MARKER).executeTakeFirst();
		if (!marker) throw new Error(`${handle.location} was not filled by the benchmark: run npm run bench:data first.`);
		const counts = await sql<Record<string, number>>`select (select count(*) from people) as people, (select count(*) from relationships) + (select count(*) from training_participants) as ties,
			(select count(*) from trainings) as trainings, (select count(*) from candidacies) as candidacies`.execute(db);
		const s = await subjects(db);
		console.log(`Benchmark on ${handle.location}:`, counts.rows[0], `— ${runs} runs after ${warmup} warm-up`);
		const results: Record<string, unknown>[] = [];
		const all = [...cases(db, s), importCase(db)];
		for (const c of all.filter((c) => !only || only.includes(c.name))) {
			const runsHere = Math.min(runs, c.runs ?? runs);
			// Recorded once the app is warm (a cached page sends only its cache check), or right after `before`.
			if (c.warmup !== 0) await (c.before ?? c.app)();
			const direct = c.directKind === 'replayed' ? await recorded(db, c.app) : c.direct;
			const warmupHere = c.warmup ?? (c.runs ? 1 : warmup);
			const app = await time(c.app, runsHere, warmupHere, c.before);
			const sqlTimes = await time(direct, runsHere, warmupHere);
			const target = TARGETS[c.name] ?? null;
			const row = {
				name: c.name, what: c.what, direct: c.directKind, runs: runsHere,
				app_p50: round(app.p50), app_p95: round(app.p95), sql_p50: round(sqlTimes.p50), sql_p95: round(sqlTimes.p95),
				ratio: round(app.p95 / sqlTimes.p95, 2), target_p95: target,
				meets: target === null ? null : app.p95 <= target && app.p95 / sqlTimes.p95 <= RATIO_TARGET
			};
			results.push(row);
			console.log(`  ${c.name}: app p50 ${row.app_p50} / p95 ${row.app_p95} ms; SQL p50 ${row.sql_p50} / p95 ${row.sql_p95} ms; ratio ${row.ratio}`);
		}
		await removeImports(db);
		console.table(results.map(({ what: _, ...r }) => r));
		mkdirSync(dirname(out), { recursive: true });
		writeFileSync(out, JSON.stringify({ at: new Date().toISOString(), database: handle.location, data: { ...counts.rows[0], ...(marker.value as object) }, runs, warmup, results }, null, '\t') + '\n');
		console.log(`Written to ${out}`);
	} finally {
		await closeAppDatabase();
	}
});

/** 10,000 rows through the import's steps, each run's rows removed afterwards; directly: one bulk insert, rolled back. */
function importCase(db: Db): Case {
	const sheet = importSheet(10_000);
	return {
		name: 'import',
		what: 'import of 10,000 rows: upload, preview steps, decisions, commit (removed again between runs, not timed)',
		app: () => benchImport(db, sheet),
		direct: () => directImport(db, sheet),
		directKind: 'hand-written',
		before: () => removeImports(db),
		runs: 3
	};
}
