import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { CANDIDACY_STATUSES, EXIT_STAGES, type Background, type CandidacyStatus, type ExitStage, type Locale, type TrainingKind } from '../../src/lib/domain/enums';
import type { Db } from '../../src/lib/server/db';
import { loadDemo } from '../../src/lib/server/demo/load';
import { totReach } from '../../src/lib/server/impact/cascade';
import type { ImpactDashboard, ImpactFilter } from '../../src/lib/server/impact/dashboard-types';
import { cachedImpactDashboard, impactDashboard } from '../../src/lib/server/impact/figures';
import { updateRecord } from '../../src/lib/server/records/changes';
import { headlineTotals } from '../../src/lib/server/impact/queries';
import { describeEachDatabase } from '../helpers/databases';
import { referenceDashboard } from '../helpers/impact-reference';

const regionId = async (db: Db, code: string) => (await db.selectFrom('regions').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
const electionId = async (db: Db, date: string) => (await db.selectFrom('elections').select('id').where('date', '=', date).executeTakeFirstOrThrow()).id;
const november = (db: Db) => electionId(db, '2012-11-25');
/** A step-down whose trainees led step-downs of their own: a cohort two levels deep. */
const stepDown = async (db: Db) =>
	(
		await db
			.selectFrom('trainings as t')
			.innerJoin('trainings as child', 'child.parent_training_id', 't.id')
			.select('t.id')
			.where('t.kind', '=', 'step_down')
			.orderBy('t.id')
			.executeTakeFirstOrThrow()
	).id;

/** Each filter kind on the demo data, alone and combined; Bishkek's names in Russian. */
const DEMO_FILTERS: [name: string, filterOf: (db: Db) => Promise<ImpactFilter>, locale?: Locale][] = [
	['no filter', async () => ({})],
	['the November 2012 election', async (db) => ({ election: await november(db) })],
	['the March 2012 election (no tracked candidacy)', async (db) => ({ election: await electionId(db, '2012-03-04') })],
	['Naryn Region with its raions', async (db) => ({ region: await regionId(db, 'KG-N') })],
	['a raion', async (db) => ({ region: (await db.selectFrom('people').innerJoin('regions as r', 'r.id', 'people.region_id').select('r.id').where('r.level', '=', 'raion').orderBy('r.id').executeTakeFirstOrThrow()).id })],
	['Bishkek', async (db) => ({ region: await regionId(db, 'KG-GB') }), 'ru'],
	['the TOT cohort', async (db) => ({ training: (await db.selectFrom('trainings').select('id').where('kind', '=', 'tot').executeTakeFirstOrThrow()).id })],
	['a step-down cohort', async (db) => ({ training: await stepDown(db) })],
	['NGO workers', async () => ({ background: 'ngo' })],
	['party members in the November election in Naryn', async (db) => ({ background: 'party', election: await november(db), region: await regionId(db, 'KG-N') }), 'ky'],
	['youth activists of a step-down cohort', async (db) => ({ training: await stepDown(db), background: 'youth_activist' })]
];

describeEachDatabase('impact dashboard: the demo data, every figure against an independent computation', (t) => {
	beforeAll(async () => {
		await loadDemo(t.db);
	}, 120_000);

	for (const [name, filterOf, locale = 'en'] of DEMO_FILTERS) {
		it(`agrees with the reference for ${name}`, async () => {
			const filter = await filterOf(t.db);
			expect(await impactDashboard(t.db, filter, locale)).toEqual(await referenceDashboard(t.db, filter, locale));
		});
	}

	it('agrees with the home page, the TOT page and itself', async () => {
		const all = await impactDashboard(t.db, {}, 'en');
		const home = await headlineTotals(t.db);
		// Every demo candidacy is a trained woman's, so the home page's counts are the dashboard's.
		expect(all.headline).toMatchObject({ trained: home.trained, ran: home.ran, won: home.elected });
		expect(all.headline.trained).toBeGreaterThan(300);
		expect(all.headline.won).toBeGreaterThan(0);
		expect(all.headline.pending).toBeGreaterThan(0);
		expect(all.funnel[0]).toEqual({ stage: 'trained', people: all.headline.trained });
		expect(all.funnel.find((s) => s.stage === 'registered')!.people).toBe(all.headline.ran);

		const reach = await totReach(t.db, 'en');
		expect(all.reachPerTot).toEqual(reach.map(({ trainingId, title, startDate, direct, total, levels, multiplier }) => ({ trainingId, title, startDate, direct, total, levels, multiplier })));
		// The TOT's cohort is everyone its cascade reached.
		const cohort = await impactDashboard(t.db, { training: reach[0].trainingId }, 'en');
		expect(cohort.headline.trained).toBe(reach[0].total);
		const lastMonth = cohort.cascadeGrowth.at(-1)!.month;
		expect(cohort.cascadeGrowth.filter((g) => g.month === lastMonth).map((g) => g.cumulative)).toEqual(reach[0].perLevel);

		// The regions and the profile's groups add up to the whole.
		expect(all.byRegion.reduce((n, r) => n + r.trained, 0)).toBe(all.headline.trained);
		for (const dimension of ['background', 'age_band', 'region'] as const) {
			expect(all.profile.filter((p) => p.dimension === dimension).reduce((n, p) => n + p.won, 0)).toBe(all.headline.won);
		}
		expect(all.seatShare.national.find((n) => n.year === 2012)).toMatchObject({ share: 12 });
	});

	it('caches the figures until a record changes, per filter and language', async () => {
		const first = await cachedImpactDashboard(t.db, {}, 'en');
		expect(await cachedImpactDashboard(t.db, {}, 'en')).toBe(first);
		expect(await cachedImpactDashboard(t.db, {}, 'ru')).not.toBe(first);
		expect(await cachedImpactDashboard(t.db, { background: 'ngo' }, 'en')).toEqual(await impactDashboard(t.db, { background: 'ngo' }, 'en'));

		// A winner's result withdrawn through the records layer: the next request sees one win fewer.
		const won = await t.db.selectFrom('candidacies').select(['id', 'version']).where('elected', '=', true).where('deleted_at', 'is', null).orderBy('id').executeTakeFirstOrThrow();
		await updateRecord(t.db, {}, 'candidacies', won.id, won.version, { elected: null, took_seat: null });
		const after = await cachedImpactDashboard(t.db, {}, 'en');
		expect(after).not.toBe(first);
		expect(after.headline.won).toBe(first.headline.won - 1);
		expect(after).toEqual(await impactDashboard(t.db, {}, 'en'));
	});
});

// ---------------------------------------------------------------------------------------------------
// Random small datasets. Rows refer to each other by index; insert() turns them into rows and ids.

/** `trainedAt`: the training she attended as a participant (completed or not); more come as `participations`. */
interface PersonSpec { region: number | null; background: Background | null; birthYear: number | null; deleted: boolean; mergedInto: number | null; trainedAt: number | null; completed: boolean }
interface TrainingSpec { kind: TrainingKind; day: number; days: number; deleted: boolean; facilitators: number[] }
interface ParticipationSpec { training: number; person: number; facilitator: boolean; completed: boolean; deleted: boolean }
interface TotalsSpec { candidates: number | null; women: number | null; womenElected: number | null; womenBefore: number | null; deleted: boolean }
/** A party's result in the contest; `deletedTwin`: a deleted row beside it, with other figures. */
interface PartyResultSpec { seatsWon: number | null; deleted: boolean; deletedTwin: boolean }
/** `results`: one per party, or null where none is recorded. */
interface ContestSpec { election: number; region: number; partyList: boolean; seats: number | null; deleted: boolean; totals: TotalsSpec | null; deletedTotals: boolean; results: (PartyResultSpec | null)[] }
interface CandidacySpec { person: number; contest: number; party: number | null; position: number | null; status: CandidacyStatus; exitStage: ExitStage; elected: boolean | null; deleted: boolean }
interface FilterSpec { election?: number; region?: number; training?: number; background?: Background }
interface DatasetSpec {
	people: PersonSpec[];
	trainings: TrainingSpec[];
	participations: ParticipationSpec[];
	elections: { year: number; deleted: boolean }[];
	contests: ContestSpec[];
	candidacies: CandidacySpec[];
	filter: FilterSpec;
	locale: Locale;
}

/** Oblasts with raions, a city, the country and a country abroad: a few places, so that filters hit. */
const REGION_CODES = ['KG-N', 'KG-C', 'KG-GB', 'KG', 'KZ'];
const PARTIES = 4;
/** Three of the backgrounds (all eight are in the demo): enough for the filter to find someone. */
const FEW_BACKGROUNDS: Background[] = ['ngo', 'youth_activist', 'party'];

function datasetArbitrary(regions: number): fc.Arbitrary<DatasetSpec> {
	// Without fast-check's bias towards small values, which would pile every reference on row 0.
	const index = (n: number) => fc.noBias(fc.nat({ max: n - 1 }));
	/** null one time in `freq`. */
	const orNull = <T>(arb: fc.Arbitrary<T>, freq = 3) => fc.option(arb, { freq });
	/** Set one time in six. */
	const maybe = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ weight: 5, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });
	const oneIn = (n: number) => index(n).map((k) => k === 0);
	const oneOf = <T>(...values: T[]) => fc.noBias(fc.constantFrom(...values));
	const deleted = oneIn(10);
	return fc
		.record({
			// Uniform sizes: fast-check would otherwise favour the smallest, where most figures are 0.
			people: fc.noBias(fc.integer({ min: 3, max: 12 })),
			trainings: fc.noBias(fc.integer({ min: 1, max: 5 })),
			participations: fc.noBias(fc.integer({ min: 0, max: 12 })),
			elections: fc.integer({ min: 1, max: 2 }),
			contests: fc.noBias(fc.integer({ min: 1, max: 3 })),
			candidacies: fc.noBias(fc.integer({ min: 6, max: 24 }))
		})
		.chain((size) =>
			fc.record({
				people: fc.array(
					fc.record({
						region: orNull(index(regions), 6),
						background: orNull(oneOf(...FEW_BACKGROUNDS), 6),
						birthYear: orNull(fc.integer({ min: 1940, max: 1995 }), 6),
						deleted,
						mergedInto: fc.oneof({ weight: 9, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: index(size.people) }),
						trainedAt: orNull(index(size.trainings), 5),
						completed: oneIn(6).map((no) => !no)
					}),
					{ minLength: size.people, maxLength: size.people }
				),
				trainings: fc.array(
					fc.record({
						kind: oneOf<TrainingKind>('step_down', 'step_down', 'workshop', 'tot'),
						day: fc.integer({ min: 0, max: 330 }),
						days: fc.integer({ min: 0, max: 40 }),
						deleted,
						facilitators: fc.array(index(size.people), { minLength: 1, maxLength: 2 })
					}),
					{ minLength: size.trainings, maxLength: size.trainings }
				),
				participations: fc.array(
					fc.record({ training: index(size.trainings), person: index(size.people), facilitator: oneIn(4), completed: oneIn(5).map((no) => !no), deleted }),
					{ minLength: size.participations, maxLength: size.participations }
				),
				elections: fc.array(fc.record({ year: fc.integer({ min: 2000, max: 2024 }), deleted }), { minLength: size.elections, maxLength: size.elections }),
				contests: fc.array(
					fc.record({
						election: index(size.elections),
						region: index(regions),
						partyList: fc.boolean(),
						seats: orNull(fc.integer({ min: 1, max: 12 }), 8),
						deleted,
						totals: orNull(
							fc.record({
								candidates: orNull(fc.integer({ min: 0, max: 40 }), 12),
								women: orNull(fc.integer({ min: 0, max: 20 }), 12),
								womenElected: orNull(fc.integer({ min: 0, max: 12 }), 12),
								womenBefore: orNull(fc.integer({ min: 0, max: 8 }), 12),
								deleted
							}),
							6
						),
						deletedTotals: deleted,
						results: fc.array(orNull(fc.record({ seatsWon: orNull(fc.integer({ min: 0, max: 10 }), 6), deleted, deletedTwin: oneIn(3) }), 4), {
							minLength: PARTIES,
							maxLength: PARTIES
						})
					}),
					{ minLength: size.contests, maxLength: size.contests }
				),
				candidacies: fc.array(
					fc.record({
						person: index(size.people),
						contest: index(size.contests),
						party: orNull(index(PARTIES), 5),
						position: orNull(fc.integer({ min: 1, max: 15 }), 5),
						status: oneOf<CandidacyStatus>(...CANDIDACY_STATUSES, 'on_ballot', 'on_ballot', 'on_ballot', 'on_ballot'),
						exitStage: oneOf(...EXIT_STAGES),
						elected: oneOf(null, true, false),
						deleted
					}),
					{ minLength: size.candidacies, maxLength: size.candidacies }
				),
				filter: fc.record({
					election: maybe(index(size.elections)),
					region: maybe(index(regions)),
					training: maybe(index(size.trainings)),
					background: maybe(oneOf(...FEW_BACKGROUNDS))
				}),
				locale: oneOf<Locale>('en', 'ru', 'ky')
			})
		);
}

const DAY = 86_400_000;
const dayOf2012 = (day: number) => new Date(Date.UTC(2012, 0, 1) + day * DAY).toISOString().slice(0, 10);
const when = (deleted: boolean) => (deleted ? new Date() : null);

/** Every deleted row, and the first live row per key: the unique indexes cover live rows only. */
function oneLivePer<T extends { deleted: boolean }>(rows: T[], key: (row: T) => string): T[] {
	const seen = new Set<string>();
	return rows.filter((row) => {
		if (row.deleted) return true;
		if (seen.has(key(row))) return false;
		seen.add(key(row));
		return true;
	});
}

/**
 * Inserts the dataset (normalized to what the schema allows: one live row per unique key, a result only
 * on the ballot, an exit stage only out of the race, totals within each other) and returns the filter
 * with ids.
 */
async function insert(trx: Db, spec: DatasetSpec, regionIds: number[], partyIds: number[]): Promise<ImpactFilter> {
	const people = await trx
		.insertInto('people')
		.values(spec.people.map((p, i) => ({ full_name: `Random ${i}`, name_latin: `Random ${i}`, search_key: `random ${i}`, sort_key: `random ${i}`, region_id: p.region === null ? null : regionIds[p.region], background: p.background, birth_year: p.birthYear, deleted_at: when(p.deleted) })))
		.returning('id')
		.execute();
	const personId = (i: number) => people[i].id;
	for (const [i, p] of spec.people.entries()) {
		if (p.mergedInto !== null && p.mergedInto !== i) await trx.updateTable('people').set({ merged_into_id: personId(p.mergedInto) }).where('id', '=', personId(i)).execute();
	}
	const trainings = await trx
		.insertInto('trainings')
		// The first is always a TOT, so that there is a cascade to walk.
		.values(spec.trainings.map((t, i) => ({ title: `Random training ${i}`, kind: i === 0 ? 'tot' : t.kind, start_date: dayOf2012(t.day), end_date: dayOf2012(t.day + t.days), deleted_at: when(t.deleted) })))
		.returning('id')
		.execute();
	const participations = oneLivePer(
		[
			...spec.people.flatMap((p, person) => (p.trainedAt === null ? [] : [{ training: p.trainedAt, person, facilitator: false, completed: p.completed, deleted: false }])),
			...spec.trainings.flatMap((t, training) => t.facilitators.map((person) => ({ training, person, facilitator: true, completed: true, deleted: false }))),
			...spec.participations
		],
		(p) => `${p.training}/${p.person}`
	);
	if (participations.length) {
		await trx
			.insertInto('training_participants')
			.values(participations.map((p) => ({ training_id: trainings[p.training].id, person_id: personId(p.person), role: p.facilitator ? 'facilitator' : 'participant', completed: p.completed, deleted_at: when(p.deleted) })))
			.execute();
	}
	const elections = await trx
		.insertInto('elections')
		.values(spec.elections.map((e, i) => ({ name_en: `Election ${i}`, name_ru: `Выборы ${i}`, name_ky: `Шайлоо ${i}`, date: `${e.year}-11-25`, level: 'local', kind: 'regular', deleted_at: when(e.deleted) })))
		.returning('id')
		.execute();
	const contests = await trx
		.insertInto('contests')
		.values(
			spec.contests.map((c, i) => ({
				election_id: elections[c.election].id,
				region_id: regionIds[c.region],
				council_kind: c.partyList ? 'city_kenesh' : 'aiyl_kenesh',
				electoral_system: c.partyList ? 'party_list' : 'majoritarian',
				name_en: `Kenesh ${i}`,
				name_ru: `Кенеш ${i}`,
				name_ky: `Кеңеш ${i}`,
				seats: c.seats,
				deleted_at: when(c.deleted)
			}))
		)
		.returning('id')
		.execute();
	for (const [i, c] of spec.contests.entries()) {
		const rows = [];
		if (c.totals) {
			const { candidates, deleted } = c.totals;
			const women = c.totals.women === null || candidates === null ? c.totals.women : Math.min(c.totals.women, candidates);
			const womenElected = c.totals.womenElected === null || women === null ? c.totals.womenElected : Math.min(c.totals.womenElected, women);
			rows.push({ contest_id: contests[i].id, candidates, women_candidates: women, women_elected: womenElected, women_seats_before: c.totals.womenBefore, deleted_at: when(deleted) });
		}
		// A deleted row with other figures must change nothing.
		if (c.deletedTotals) rows.push({ contest_id: contests[i].id, candidates: 99, women_candidates: 50, women_elected: 40, women_seats_before: 30, deleted_at: new Date() });
		if (rows.length) await trx.insertInto('contest_totals').values(rows).execute();
	}
	const results = spec.contests.flatMap((c, i) =>
		c.results.flatMap((r, party) => {
			if (!r) return [];
			const row = { contest_id: contests[i].id, party_id: partyIds[party], seats_won: r.seatsWon, deleted_at: when(r.deleted) };
			return r.deletedTwin ? [row, { ...row, seats_won: 99, deleted_at: new Date() }] : [row];
		})
	);
	if (results.length) await trx.insertInto('party_results').values(results).execute();
	const candidacies = oneLivePer(spec.candidacies, (c) => `${c.person}/${c.contest}`);
	if (candidacies.length) {
		await trx
			.insertInto('candidacies')
			.values(
				candidacies.map((c) => ({
					person_id: personId(c.person),
					contest_id: contests[c.contest].id,
					party_id: c.party === null ? null : partyIds[c.party],
					list_position: c.position,
					status: c.status,
					exit_stage: c.status === 'withdrawn' || c.status === 'rejected' ? c.exitStage : null,
					elected: c.status === 'on_ballot' ? c.elected : null,
					deleted_at: when(c.deleted)
				}))
			)
			.execute();
	}
	const f = spec.filter;
	return {
		...(f.election !== undefined && { election: elections[f.election].id }),
		...(f.region !== undefined && { region: regionIds[f.region] }),
		...(f.training !== undefined && { training: trainings[f.training].id }),
		...(f.background !== undefined && { background: f.background })
	};
}

class Rollback extends Error {}

describeEachDatabase('impact dashboard: random datasets, every figure against an independent computation', (t) => {
	let regionIds: number[];
	let partyIds: number[];

	beforeAll(async () => {
		const regions = await t.db.selectFrom('regions').select(['id', 'code', 'parent_id']).execute();
		const top = REGION_CODES.map((code) => regions.find((r) => r.code === code)!);
		// Each oblast with two of its raions: people and contests below a region the filter names.
		const raions = top.flatMap((r) => regions.filter((x) => x.parent_id === r.id && !REGION_CODES.includes(x.code)).slice(0, r.code === 'KG' ? 0 : 2));
		regionIds = [...top, ...raions].map((r) => r.id);
		const parties = await t.db.selectFrom('organizations').select('id').where('kind', '=', 'party').orderBy('id').limit(PARTIES - 1).execute();
		// The last party is soft-deleted: its candidacies count as without a party.
		const gone = await t.db.insertInto('organizations').values({ name: 'Dissolved party', kind: 'party', deleted_at: new Date() }).returning('id').executeTakeFirstOrThrow();
		partyIds = [...parties.map((p) => p.id), gone.id];
	});

	it('computes in SQL what the reference computes from the rows', async () => {
		await fc.assert(
			fc.asyncProperty(datasetArbitrary(regionIds.length), async (spec) => {
				let sqlResult: ImpactDashboard | undefined;
				let reference: ImpactDashboard | undefined;
				// Each run in a transaction rolled back: a fresh dataset every time. PGlite has one
				// connection, so everything inside uses trx, never t.db.
				await t.db
					.transaction()
					.execute(async (trx) => {
						const filter = await insert(trx, spec, regionIds, partyIds);
						sqlResult = await impactDashboard(trx, filter, spec.locale);
						reference = await referenceDashboard(trx, filter, spec.locale);
						throw new Rollback();
					})
					.catch((e) => {
						if (!(e instanceof Rollback)) throw e;
					});
				expect(sqlResult).toEqual(reference);
			}),
			{ numRuns: t.kind === 'pglite' ? 40 : 25, seed: 20120323, endOnFailure: false }
		);
	}, 300_000);
});
