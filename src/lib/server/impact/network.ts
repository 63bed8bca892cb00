import { suppressCount, type SuppressedCount } from '../../domain/privacy';
import type { TieKind } from '../../domain/ties';
import type { NetworkStatistics } from '../network/graph';

/** The network's statistics as a funder view shows them: every count of people or ties of 1–4 as "<5". */
export interface ShownNetworkStatistics {
	people: SuppressedCount;
	ties: SuppressedCount;
	tiesByKind: [TieKind, SuppressedCount][];
	/** Counts of groups, not of people: shown as they are. */
	components: number;
	communities: number;
	largestComponent: SuppressedCount;
	isolated: SuppressedCount;
	/** People by how many ties they have, in bands: 0, 1, 2, 3–5, 6–10, 11–20, 21 and more. */
	degreeBands: { from: number; to: number | null; people: SuppressedCount }[];
	regions: { regionId: number | null; name: string | null; people: SuppressedCount; internalTies: SuppressedCount }[];
	/** Drawn: every pair of regions with ties. */
	regionLinks: { source: number; target: number; ties: SuppressedCount }[];
	/** Listed: the pairs of regions with the most ties, and the rest summed up. */
	topRegionLinks: { source: number; target: number; ties: SuppressedCount }[];
	otherRegionLinks: { pairs: number; ties: SuppressedCount };
}

const DEGREE_BANDS: [number, number | null][] = [[0, 0], [1, 1], [2, 2], [3, 5], [6, 10], [11, 20], [21, null]];
const LISTED_LINKS = 10;

export function shownNetworkStatistics(stats: NetworkStatistics, suppress: boolean): ShownNetworkStatistics {
	const count = (n: number): SuppressedCount => (suppress ? suppressCount(n) : n);
	const ranked = [...stats.regionLinks].sort((a, b) => b.ties - a.ties || a.source - b.source || a.target - b.target);
	const rest = ranked.slice(LISTED_LINKS);
	return {
		people: count(stats.people),
		ties: count(stats.ties),
		tiesByKind: (Object.entries(stats.tiesByKind) as [TieKind, number][]).map(([kind, n]) => [kind, count(n)]),
		components: stats.components,
		communities: stats.communities,
		largestComponent: count(stats.largestComponent),
		isolated: count(stats.isolated),
		// Counts are summed within a band before they are suppressed.
		degreeBands: DEGREE_BANDS.map(([from, to]) => ({
			from,
			to,
			people: count(stats.degreeDistribution.filter((d) => d.degree >= from && (to === null || d.degree <= to)).reduce((sum, d) => sum + d.people, 0))
		})),
		regions: stats.regions.map((r) => ({ regionId: r.regionId, name: r.name, people: count(r.people), internalTies: count(r.internalTies) })),
		regionLinks: stats.regionLinks.map((l) => ({ ...l, ties: count(l.ties) })),
		topRegionLinks: ranked.slice(0, LISTED_LINKS).map((l) => ({ ...l, ties: count(l.ties) })),
		otherRegionLinks: { pairs: rest.length, ties: count(rest.reduce((sum, l) => sum + l.ties, 0)) }
	};
}
