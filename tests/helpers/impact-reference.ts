import type { Locale } from '../../src/lib/domain/enums';
import { wilson } from '../../src/lib/domain/stats';
import type { Db } from '../../src/lib/server/db';
import type { FunnelStage, ImpactDashboard, ImpactFilter } from '../../src/lib/server/impact/dashboard-types';

/**
 * The impact dashboard computed a second way, to check impact/figures.ts: whole tables read with plain
 * selects, every figure worked out in TypeScript from the definitions in DESIGN.md §4 and
 * dashboard-types.ts, sharing no code with the SQL. Only the Wilson interval is the app's own
 * (tests/unit/stats.test.ts checks it against published values); here it turns the k and n that this
 * file counts into a Rate.
 */

const STAGES: FunnelStage[] = ['trained', 'intending', 'nominated', 'registered', 'on_ballot', 'elected'];
const BACKGROUND_ORDER = ['youth_activist', 'ngo', 'government', 'media', 'expert', 'university', 'party', 'other', 'unknown'];
const AGE_ORDER = ['<25', '25–34', '35–44', '45–54', '55+', 'unknown'];
const DEEPEST = 30;

async function tables(db: Db) {
	const [people, regions, trainings, participations, elections, contests, totals, candidacies, organizations, partyResults, indicators] = await Promise.all([
		db.selectFrom('people').selectAll().execute(),
		db.selectFrom('regions').selectAll().execute(),
		db.selectFrom('trainings').selectAll().execute(),
		db.selectFrom('training_participants').selectAll().execute(),
		db.selectFrom('elections').selectAll().execute(),
		db.selectFrom('contests').selectAll().execute(),
		db.selectFrom('contest_totals').selectAll().execute(),
		db.selectFrom('candidacies').selectAll().execute(),
		db.selectFrom('organizations').selectAll().execute(),
		db.selectFrom('party_results').selectAll().execute(),
		db.selectFrom('context_indicators').selectAll().execute()
	]);
	return { people, regions, trainings, participations, elections, contests, totals, candidacies, organizations, partyResults, indicators };
}

const live = <T extends { deleted_at: Date | null }>(rows: T[]) => rows.filter((r) => r.deleted_at === null);
const count = <T>(rows: T[], test: (row: T) => boolean) => rows.reduce((n, row) => n + (test(row) ? 1 : 0), 0);
const total = <T>(rows: T[], value: (row: T) => number) => rows.reduce((n, row) => n + value(row), 0);

function groupBy<T, K>(rows: T[], key: (row: T) => K): Map<K, T[]> {
	const groups = new Map<K, T[]>();
	for (const row of rows) {
		const k = key(row);
		groups.set(k, [...(groups.get(k) ?? []), row]);
	}
	return groups;
}

/** Breadth-first from `start`: each person with the fewest steps it takes to reach her (first step = 1). */
function breadthFirst(start: Iterable<number>, trainees: Map<number, Set<number>>): Map<number, number> {
	const level = new Map<number, number>();
	let frontier = [...new Set(start)];
	for (const p of frontier) level.set(p, 1);
	for (let depth = 2; frontier.length && depth <= DEEPEST; depth++) {
		const next: number[] = [];
		for (const trainer of frontier) {
			for (const trainee of trainees.get(trainer) ?? []) {
				if (!level.has(trainee)) {
					level.set(trainee, depth);
					next.push(trainee);
				}
			}
		}
		frontier = next;
	}
	return level;
}

function ageBand(birthYear: number | null, year: number): string {
	if (birthYear === null) return 'unknown';
	const age = year - birthYear;
	if (age >= 55) return '55+';
	if (age >= 45) return '45–54';
	if (age >= 35) return '35–44';
	if (age >= 25) return '25–34';
	return '<25';
}

export async function referenceDashboard(db: Db, filter: ImpactFilter, locale: Locale): Promise<ImpactDashboard> {
	const t = await tables(db);
	const personById = new Map(t.people.map((p) => [p.id, p]));
	const regionById = new Map(t.regions.map((r) => [r.id, r]));
	const liveTrainings = new Map(live(t.trainings).map((tr) => [tr.id, tr]));
	const notDeleted = (personId: number) => personById.get(personId)!.deleted_at === null;
	const counted = (personId: number) => notDeleted(personId) && personById.get(personId)!.merged_into_id === null;
	const participations = live(t.participations).filter((p) => liveTrainings.has(p.training_id));
	const completions = participations.filter((p) => p.role === 'participant' && p.completed);
	const completersOf = (trainingId: number) => completions.filter((p) => p.training_id === trainingId && notDeleted(p.person_id)).map((p) => p.person_id);

	// Who trained whom: a facilitator of a training trained each of its participants who completed it.
	const trainees = new Map<number, Set<number>>();
	for (const f of participations.filter((p) => p.role === 'facilitator' && notDeleted(p.person_id))) {
		for (const trainee of completersOf(f.training_id)) {
			if (trainee !== f.person_id) trainees.set(f.person_id, (trainees.get(f.person_id) ?? new Set()).add(trainee));
		}
	}
	/** A training's cascade, as its page shows it: the women it reached, without its own facilitators. */
	const reachOf = (trainingId: number) => {
		const reached = breadthFirst(completersOf(trainingId), trainees);
		for (const f of live(t.participations)) if (f.training_id === trainingId && f.role === 'facilitator') reached.delete(f.person_id);
		return reached;
	};
	const tots = [...liveTrainings.values()].filter((tr) => tr.kind === 'tot').sort((a, b) => (a.start_date < b.start_date ? -1 : a.start_date > b.start_date ? 1 : a.id - b.id));
	const cascadeLevel = breadthFirst(tots.flatMap((tot) => completersOf(tot.id)), trainees);

	// Trained: every counted woman with a completed participation, and the month she first completed one.
	const firstTrained = new Map<number, string>();
	for (const c of completions) {
		if (!counted(c.person_id)) continue;
		const end = liveTrainings.get(c.training_id)!.end_date;
		const before = firstTrained.get(c.person_id);
		if (before === undefined || end < before) firstTrained.set(c.person_id, end);
	}
	const allTrained = new Set(firstTrained.keys());
	const inRegion = (regionId: number | null) => {
		for (let r = regionId === null ? undefined : regionById.get(regionId), steps = 0; r && steps < 3; r = r.parent_id === null ? undefined : regionById.get(r.parent_id), steps++) {
			if (r.id === filter.region) return true;
		}
		return false;
	};
	const cohort = filter.training !== undefined && liveTrainings.has(filter.training) ? reachOf(filter.training) : new Map<number, number>();
	const trained = [...allTrained].filter((id) => {
		const p = personById.get(id)!;
		return (
			(filter.region === undefined || inRegion(p.region_id)) &&
			(filter.background === undefined || p.background === filter.background) &&
			(filter.training === undefined || cohort.has(id))
		);
	});
	const inScope = new Set(trained);

	const electionById = new Map(live(t.elections).map((e) => [e.id, e]));
	const contestById = new Map(live(t.contests).filter((k) => electionById.has(k.election_id)).map((k) => [k.id, k]));
	const partyById = new Map(live(t.organizations).map((o) => [o.id, o]));
	const candidacies = live(t.candidacies)
		.filter((c) => inScope.has(c.person_id) && contestById.has(c.contest_id))
		.filter((c) => filter.election === undefined || contestById.get(c.contest_id)!.election_id === filter.election)
		.map((c) => {
			const reached = c.elected === true ? 'elected' : c.status === 'withdrawn' || c.status === 'rejected' ? c.exit_stage! : c.status;
			return { ...c, stage: STAGES.indexOf(reached as FunnelStage), party: c.party_id === null ? undefined : partyById.get(c.party_id) };
		});
	const won = (c: { elected: boolean | null }) => c.elected === true;
	const decided = (c: { elected: boolean | null }) => c.elected !== null;
	const pending = (c: { status: string; elected: boolean | null }) => c.status === 'on_ballot' && c.elected === null;

	const election = filter.election === undefined ? undefined : electionById.get(filter.election);
	const year = election ? Number(election.date.slice(0, 4)) : 2012;
	const candidaciesOf = groupBy(candidacies, (c) => c.person_id);
	const people = trained.map((id) => {
		const p = personById.get(id)!;
		const own = candidaciesOf.get(id) ?? [];
		const region = p.region_id === null ? undefined : regionById.get(p.region_id);
		const top = region?.level === 'raion' ? regionById.get(region.parent_id!) : region;
		return {
			id,
			background: p.background ?? 'unknown',
			age: ageBand(p.birth_year, year),
			top,
			stage: Math.max(0, ...own.map((c) => c.stage)),
			won: count(own, won),
			decided: count(own, decided),
			pending: count(own, pending)
		};
	});
	type Person = (typeof people)[number];
	const tally = (group: Person[]) => ({
		trained: group.length,
		ran: count(group, (p) => p.stage >= 3),
		won: total(group, (p) => p.won),
		decided: total(group, (p) => p.decided),
		pending: total(group, (p) => p.pending)
	});
	const headline = tally(people);

	const regionGroups = [...groupBy(people, (p) => p.top?.id ?? null).values()].sort((a, b) => {
		const [x, y] = [a[0].top?.code, b[0].top?.code];
		return x === y ? 0 : x === undefined ? 1 : y === undefined ? -1 : x < y ? -1 : 1;
	});

	// Baselines: the contests where trainees in scope were on the ballot, minus every tracked trainee there.
	const ballotContests = [...new Set(candidacies.filter((c) => c.status === 'on_ballot').map((c) => c.contest_id))];
	let otherWomen = 0, otherWomenWon = 0, candidates = 0, seatsOfAll = 0, withoutTotals = 0;
	let councils = 0, seats = 0, womenBefore = 0, womenAfter = 0;
	for (const contestId of ballotContests) {
		const contest = contestById.get(contestId)!;
		const official = live(t.totals).find((x) => x.contest_id === contestId);
		const tracked = live(t.candidacies).filter((c) => c.contest_id === contestId && c.status === 'on_ballot' && allTrained.has(c.person_id));
		const trackedElected = count(tracked, won);
		if (official && official.candidates !== null && official.women_candidates !== null && official.women_elected !== null && contest.seats !== null) {
			const others = Math.max(0, official.women_candidates - tracked.length);
			otherWomen += others;
			otherWomenWon += Math.min(others, Math.max(0, official.women_elected - trackedElected));
			candidates += official.candidates;
			seatsOfAll += Math.min(contest.seats, official.candidates);
		} else withoutTotals++;
		if (official && contest.seats !== null && official.women_seats_before !== null && official.women_elected !== null) {
			councils++;
			seats += contest.seats;
			womenBefore += Math.min(official.women_seats_before, contest.seats);
			womenAfter += Math.min(official.women_elected, contest.seats);
		}
	}
	const kyrgyzstan = t.regions.find((r) => r.code === 'KG')!;

	// Cascade growth: cumulative people per level, every month from the first to the last.
	const growth = people.filter((p) => cascadeLevel.has(p.id)).map((p) => ({ month: firstTrained.get(p.id)!.slice(0, 7), level: cascadeLevel.get(p.id)! }));
	const cascadeGrowth: ImpactDashboard['cascadeGrowth'] = [];
	if (growth.length) {
		const months = growth.map((g) => g.month).sort();
		const levels = [...new Set(growth.map((g) => g.level))].sort((a, b) => a - b);
		let [y, m] = months[0].split('-').map(Number);
		for (let month = months[0]; month <= months.at(-1)!; month = `${y}-${String(m).padStart(2, '0')}`) {
			for (const level of levels) cascadeGrowth.push({ month, level, cumulative: count(growth, (g) => g.level === level && g.month <= month) });
			[y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
		}
	}

	const profileOf = (dimension: 'background' | 'age_band' | 'region', key: (p: Person) => string, order: (key: string) => number | string) =>
		[...groupBy(people, key)]
			.sort(([a], [b]) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0))
			.map(([k, group]) => {
				const { pending: _, ...rest } = tally(group);
				return { dimension, key: k, ...rest };
			});

	const partyGroups = [...groupBy(candidacies, (c) => c.party?.id ?? null).entries()].sort(
		([a, x], [b, y]) => y.length - x.length || (a === null ? 1 : b === null ? -1 : a - b)
	);
	const candidacyTally = (group: typeof candidacies) => ({ candidacies: group.length, won: count(group, won), decided: count(group, decided) });
	const nameOf = (row: { name_en: string; name_ru: string; name_ky: string }) => ({ en: row.name_en, ru: row.name_ru, ky: row.name_ky })[locale];

	return {
		filter,
		headline: { ...headline, winRate: wilson(headline.won, headline.decided) },
		funnel: STAGES.map((stage, i) => ({ stage, people: count(people, (p) => p.stage >= i) })),
		byRegion: regionGroups.map((group) => ({ regionId: group[0].top?.id ?? null, code: group[0].top?.code ?? null, region: group[0].top ? nameOf(group[0].top) : null, ...tally(group) })),
		comparison: [
			{ group: 'trainees', rate: wilson(headline.won, headline.decided) },
			{ group: 'other_women', rate: wilson(otherWomenWon, otherWomen) },
			{ group: 'all_candidates', rate: wilson(seatsOfAll, candidates) }
		],
		contestsWithoutTotals: withoutTotals,
		seatShare: {
			councils,
			seats,
			before: wilson(womenBefore, seats),
			after: wilson(womenAfter, seats),
			national: t.indicators
				.filter((i) => i.code === 'women_local_council_share' && i.region_id === kyrgyzstan.id)
				.sort((a, b) => a.year - b.year)
				.map((i) => ({ year: i.year, share: i.value, source: i.source, sourceUrl: i.source_url }))
		},
		cascadeGrowth,
		reachPerTot: tots.map((tot) => {
			const levels = [...reachOf(tot.id).values()];
			const direct = count(levels, (l) => l === 1);
			return { trainingId: tot.id, title: tot.title, startDate: tot.start_date, direct, total: levels.length, levels: Math.max(0, ...levels), multiplier: direct > 0 ? levels.length / direct : null };
		}),
		profile: [
			...profileOf('background', (p) => p.background, (k) => BACKGROUND_ORDER.indexOf(k)),
			...profileOf('age_band', (p) => p.age, (k) => AGE_ORDER.indexOf(k)),
			...profileOf('region', (p) => p.top?.code ?? 'unknown', (k) => (k === 'unknown' ? '\uffff' : k))
		],
		byParty: partyGroups.map(([partyId, group]) => ({ partyId, party: group[0].party ? (group[0].party.short_name ?? group[0].party.name) : null, ...candidacyTally(group) })),
		bySystem: (['party_list', 'majoritarian'] as const)
			.map((system) => ({ system, group: candidacies.filter((c) => contestById.get(c.contest_id)!.electoral_system === system) }))
			.filter(({ group }) => group.length > 0)
			.map(({ system, group }) => ({ system, ...candidacyTally(group) })),
		listPositions: candidacies
			.filter((c) => contestById.get(c.contest_id)!.electoral_system === 'party_list' && c.status === 'on_ballot' && c.list_position !== null && c.party)
			.sort((a, b) => a.contest_id - b.contest_id || a.party!.id - b.party!.id || a.list_position! - b.list_position! || a.id - b.id)
			.map((c) => ({
				contest: nameOf(contestById.get(c.contest_id)!),
				party: c.party!.short_name ?? c.party!.name,
				position: c.list_position!,
				seatsWon: live(t.partyResults).find((r) => r.contest_id === c.contest_id && r.party_id === c.party!.id)?.seats_won ?? null,
				elected: c.elected
			}))
	};
}
