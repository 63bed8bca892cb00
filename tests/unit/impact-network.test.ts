import { describe, expect, it } from 'vitest';
import { shownNetworkStatistics } from '../../src/lib/server/impact/network';
import type { NetworkStatistics } from '../../src/lib/server/network/graph';

const stats: NetworkStatistics = {
	people: 40,
	ties: 3,
	tiesByKind: { mentor: 2, colleague: 0, collaborator: 1, campaign_team: 0, media_contact: 0, trained: 30 },
	components: 3,
	largestComponent: 30,
	isolated: 4,
	communities: 2,
	degreeDistribution: [
		{ degree: 0, people: 4 },
		{ degree: 1, people: 10 },
		{ degree: 3, people: 3 },
		{ degree: 4, people: 3 },
		{ degree: 7, people: 20 }
	],
	regions: Array.from({ length: 14 }, (_, i) => ({ regionId: i + 1, code: null, name: `R${i + 1}`, people: i + 1, internalTies: 0 })),
	regionLinks: Array.from({ length: 13 }, (_, i) => ({ source: i, target: i + 1, ties: i + 1 }))
};

describe('the funder view of the network statistics', () => {
	it('sums degrees into bands before suppressing, so that small bands join into larger ones', () => {
		const shown = shownNetworkStatistics(stats, true);
		expect(shown.degreeBands).toEqual([
			{ from: 0, to: 0, people: '<5' },
			{ from: 1, to: 1, people: 10 },
			{ from: 2, to: 2, people: 0 },
			{ from: 3, to: 5, people: 6 },
			{ from: 6, to: 10, people: 20 },
			{ from: 11, to: 20, people: 0 },
			{ from: 21, to: null, people: 0 }
		]);
		expect(shown).toMatchObject({ people: 40, ties: '<5', isolated: '<5', largestComponent: 30, components: 3, communities: 2 });
		expect(shown.tiesByKind).toContainEqual(['mentor', '<5']);
		expect(shown.tiesByKind).toContainEqual(['trained', 30]);
		expect(shown.regions[0]).toEqual({ regionId: 1, name: 'R1', people: '<5', internalTies: 0 });
	});

	it('lists the ten pairs of regions with the most ties and sums up the rest', () => {
		const shown = shownNetworkStatistics(stats, true);
		expect(shown.topRegionLinks.map((l) => l.ties)).toEqual([13, 12, 11, 10, 9, 8, 7, 6, 5, '<5']);
		expect(shown.otherRegionLinks).toEqual({ pairs: 3, ties: 6 });
		expect(shown.regionLinks).toHaveLength(13);
	});

	it('shows staff the exact counts', () => {
		const shown = shownNetworkStatistics(stats, false);
		expect(shown).toMatchObject({ ties: 3, isolated: 4 });
		expect(shown.otherRegionLinks).toEqual({ pairs: 3, ties: 6 });
		expect(shown.degreeBands[0]).toEqual({ from: 0, to: 0, people: 4 });
	});
});
