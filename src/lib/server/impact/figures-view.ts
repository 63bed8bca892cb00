import { suppressCount, suppressRate, type SuppressedCount } from '../../domain/privacy';
import type { Rate } from '../../domain/stats';
import type { Actor } from '../auth/permissions';
import type { ImpactDashboard } from './dashboard-types';
import { isFunderView } from './view';

/** Some fields of a row as a funder sees them: a count of 1–4 as "<5". */
type WithCounts<T, K extends keyof T> = Omit<T, K> & { [P in K]: SuppressedCount };

/** A rate as a funder sees it: k and n suppressed, and the rate with its interval hidden when built on a small cell. */
export interface ShownRate {
	k: SuppressedCount;
	n: SuppressedCount;
	rate: number | null;
	low: number | null;
	high: number | null;
}

type D = ImpactDashboard;
type Tallies = 'trained' | 'ran' | 'won' | 'decided' | 'pending';

/**
 * The dashboard as it may leave the server: exact for staff (an ImpactDashboard is one), suppressed
 * for funders and share links. Counts of contests and of seats, cascade levels and the national series
 * are not counts of people and are shown as they are.
 */
export interface ShownDashboard extends Omit<D, 'headline' | 'funnel' | 'byRegion' | 'comparison' | 'seatShare' | 'cascadeGrowth' | 'reachPerTot' | 'profile' | 'byParty' | 'bySystem' | 'listPositions'> {
	headline: WithCounts<Omit<D['headline'], 'winRate'>, Tallies> & { winRate: ShownRate };
	funnel: WithCounts<D['funnel'][number], 'people'>[];
	byRegion: WithCounts<D['byRegion'][number], Tallies>[];
	comparison: { group: D['comparison'][number]['group']; rate: ShownRate }[];
	seatShare: Omit<D['seatShare'], 'before' | 'after'> & { before: ShownRate; after: ShownRate };
	cascadeGrowth: WithCounts<D['cascadeGrowth'][number], 'cumulative'>[];
	reachPerTot: WithCounts<D['reachPerTot'][number], 'direct' | 'total'>[];
	profile: WithCounts<D['profile'][number], Exclude<Tallies, 'pending'>>[];
	byParty: WithCounts<D['byParty'][number], 'candidacies' | 'won' | 'decided'>[];
	bySystem: WithCounts<D['bySystem'][number], 'candidacies' | 'won' | 'decided'>[];
	/** For funders, without the contest and party (with them, a list position names the woman), or none at all when there are 1–4. */
	listPositions: (Omit<D['listPositions'][number], 'contest' | 'party'> & { contest: string | null; party: string | null })[];
}

function withCounts<T extends object, K extends keyof T>(row: T, keys: readonly K[]): WithCounts<T, K> {
	const counts = Object.fromEntries(keys.map((key) => [key, suppressCount(row[key] as number)]));
	return { ...row, ...counts } as WithCounts<T, K>;
}

export function shownRate(r: Rate): ShownRate {
	const hidden = suppressRate(r.k, r.n) === null;
	return { k: suppressCount(r.k), n: suppressCount(r.n), rate: hidden ? null : r.rate, low: hidden ? null : r.low, high: hidden ? null : r.high };
}

const TALLIES = ['trained', 'ran', 'won', 'decided', 'pending'] as const;
const CANDIDACY_COUNTS = ['candidacies', 'won', 'decided'] as const;

/** For funders and share links (DESIGN.md §4): every count of people of 1–4 as "<5", and every rate built on one hidden. */
export function suppressDashboard(d: ImpactDashboard): ShownDashboard {
	const { winRate, ...headline } = d.headline;
	return {
		filter: d.filter,
		headline: { ...withCounts(headline, TALLIES), winRate: shownRate(winRate) },
		funnel: d.funnel.map((s) => withCounts(s, ['people'])),
		byRegion: d.byRegion.map((r) => withCounts(r, TALLIES)),
		comparison: d.comparison.map((c) => ({ group: c.group, rate: shownRate(c.rate) })),
		contestsWithoutTotals: d.contestsWithoutTotals,
		seatShare: { ...d.seatShare, before: shownRate(d.seatShare.before), after: shownRate(d.seatShare.after) },
		cascadeGrowth: d.cascadeGrowth.map((g) => withCounts(g, ['cumulative'])),
		reachPerTot: d.reachPerTot.map((r) => ({ ...withCounts(r, ['direct', 'total']), multiplier: suppressRate(r.total, r.direct) })),
		profile: d.profile.map((p) => withCounts(p, ['trained', 'ran', 'won', 'decided'])),
		byParty: d.byParty.map((p) => withCounts(p, CANDIDACY_COUNTS)),
		bySystem: d.bySystem.map((s) => withCounts(s, CANDIDACY_COUNTS)),
		listPositions: suppressCount(d.listPositions.length) === '<5'
			? []
			: d.listPositions
					.map((l) => ({ ...l, contest: null, party: null }))
					// Ordered by the figures alone, so that the order does not give the contest away either.
					.sort((a, b) => (a.seatsWon ?? -1) - (b.seatsWon ?? -1) || a.position - b.position || Number(a.elected) - Number(b.elected))
	};
}

/** Exact figures for staff; suppressed ones for funders and share links. */
export function dashboardFor(actor: Actor, d: ImpactDashboard): ShownDashboard {
	return isFunderView(actor) ? suppressDashboard(d) : d;
}
