import { describe, expect, it } from 'vitest';
import { funnelFromStages } from '../../src/lib/domain/funnel';
import { wilson } from '../../src/lib/domain/stats';
import type { Actor } from '../../src/lib/server/auth/permissions';
import type { ImpactDashboard } from '../../src/lib/server/impact/dashboard-types';
import { dashboardFor, suppressDashboard } from '../../src/lib/server/impact/figures-view';

describe('Wilson score interval', () => {
	// Published values of the Wilson score interval without continuity correction: Newcombe RG (1998),
	// "Two-sided confidence intervals for the single proportion: comparison of seven methods",
	// Statistics in Medicine 17:857–872, Table II, method 3 (after Wilson EB (1927), JASA 22:209–212).
	const published: [k: number, n: number, low: number, high: number][] = [
		[81, 263, 0.2553, 0.3662],
		[15, 148, 0.0624, 0.1605],
		[0, 20, 0, 0.1611],
		[1, 29, 0.0061, 0.1718],
		[0, 10, 0, 0.2775],
		[10, 10, 0.7225, 1]
	];
	for (const [k, n, low, high] of published) {
		it(`gives ${low}–${high} for ${k}/${n}, as Newcombe (1998) tabulates`, () => {
			const r = wilson(k, n);
			expect(r).toMatchObject({ k, n, rate: k / n });
			expect(r.low).toBeCloseTo(low, 4);
			expect(r.high).toBeCloseTo(high, 4);
		});
	}

	it('has no rate and no interval when nothing was decided', () => {
		expect(wilson(0, 0)).toEqual({ k: 0, n: 0, rate: null, low: null, high: null });
	});

	it('is exactly 0 at k = 0 and exactly 1 at k = n, and stays inside [0, 1]', () => {
		for (const n of [1, 2, 3, 7, 50, 1000, 123_457]) {
			expect(wilson(0, n).low).toBe(0);
			expect(wilson(n, n).high).toBe(1);
			for (const k of [0, 1, Math.floor(n / 2), n - 1, n]) {
				const r = wilson(k, n);
				expect(r.low!).toBeGreaterThanOrEqual(0);
				expect(r.high!).toBeLessThanOrEqual(1);
				expect(r.low!).toBeLessThanOrEqual(r.rate!);
				expect(r.high!).toBeGreaterThanOrEqual(r.rate!);
			}
		}
	});

	it('is symmetric: the interval of k/n mirrors that of (n − k)/n', () => {
		const a = wilson(3, 17);
		const b = wilson(14, 17);
		expect(a.low!).toBeCloseTo(1 - b.high!, 12);
		expect(a.high!).toBeCloseTo(1 - b.low!, 12);
	});

	it('narrows as n grows, and widens with z', () => {
		const width = (k: number, n: number, z?: number) => wilson(k, n, z).high! - wilson(k, n, z).low!;
		expect(width(10, 20)).toBeGreaterThan(width(100, 200));
		expect(width(100, 200)).toBeGreaterThan(width(1000, 2000));
		expect(width(10, 20, 2.575829)).toBeGreaterThan(width(10, 20));
	});

	it('refuses counts that are not a rate', () => {
		expect(() => wilson(5, 4)).toThrow(RangeError);
		expect(() => wilson(-1, 4)).toThrow(RangeError);
		expect(() => wilson(1.5, 4)).toThrow(RangeError);
	});
});

describe('candidacy funnel', () => {
	it('counts each woman at her furthest stage and every stage before it', () => {
		const funnel = funnelFromStages([
			{ stage: 'trained', people: 50 },
			{ stage: 'intending', people: 4 },
			{ stage: 'registered', people: 3 },
			{ stage: 'on_ballot', people: 6 },
			{ stage: 'elected', people: 2 }
		]);
		expect(funnel).toEqual([
			{ stage: 'trained', people: 65 },
			{ stage: 'intending', people: 15 },
			{ stage: 'nominated', people: 11 },
			{ stage: 'registered', people: 11 },
			{ stage: 'on_ballot', people: 8 },
			{ stage: 'elected', people: 2 }
		]);
	});

	it('keeps women whose result is pending on the ballot, never among those who lost', () => {
		// Three women on the ballot: one elected, one lost, one pending. All three reached the ballot.
		const funnel = funnelFromStages([
			{ stage: 'on_ballot', people: 2 },
			{ stage: 'elected', people: 1 }
		]);
		expect(funnel.find((s) => s.stage === 'on_ballot')!.people).toBe(3);
		expect(funnel.find((s) => s.stage === 'elected')!.people).toBe(1);
	});

	it('lists every stage in order, with 0 where nobody is, whatever the input order', () => {
		expect(funnelFromStages([])).toEqual(['trained', 'intending', 'nominated', 'registered', 'on_ballot', 'elected'].map((stage) => ({ stage, people: 0 })));
		expect(funnelFromStages([{ stage: 'elected', people: 1 }, { stage: 'trained', people: 1 }, { stage: 'elected', people: 1 }]).map((s) => s.people)).toEqual([3, 2, 2, 2, 2, 2]);
	});
});

const actor = (role: Actor['role'], kind: Actor['kind'] = 'user'): Actor =>
	({ kind, role, userId: kind === 'user' ? 1 : null, shareLinkId: kind === 'share' ? 7 : null, displayName: role, email: null, regionScope: null, sessionId: null, locale: null });

/** A dashboard in which every count of people is `n` (rates n/n, or 0/n where a rate is a loss). */
function dashboardOf(n: number, positions = 6): ImpactDashboard {
	const rate = wilson(n, n);
	return {
		filter: { region: 36 },
		headline: { trained: n, ran: n, won: n, decided: n, pending: n, winRate: rate },
		funnel: [{ stage: 'trained', people: n }, { stage: 'elected', people: 0 }],
		byRegion: [{ regionId: 36, code: 'KG-N', region: 'Naryn Region', trained: n, ran: n, won: n, decided: n, pending: n }],
		comparison: [
			{ group: 'trainees', rate },
			{ group: 'other_women', rate: wilson(0, n) },
			{ group: 'all_candidates', rate: wilson(n, 200) }
		],
		contestsWithoutTotals: 3,
		seatShare: { councils: 2, seats: 4, before: wilson(1, 4), after: wilson(n, 40), national: [{ year: 2012, share: 12, source: 'UN Women', sourceUrl: null }] },
		cascadeGrowth: [{ month: '2012-03', level: 1, cumulative: n }],
		reachPerTot: [{ trainingId: 1, title: 'TOT', startDate: '2012-03-23', direct: n, total: 4 * n, levels: 2, multiplier: 4 }],
		profile: [{ dimension: 'background', key: 'ngo', trained: n, ran: n, won: n, decided: n }],
		byParty: [{ partyId: 3, party: 'SDPK', candidacies: n, won: n, decided: n }],
		bySystem: [{ system: 'party_list', candidacies: n, won: n, decided: n }],
		listPositions: Array.from({ length: positions }, (_, i) => ({ contest: 'Bishkek City Kenesh', party: 'SDPK', position: positions - i, seatsWon: 21, elected: positions - i <= 21 }))
	};
}

describe('small cells in the dashboard a funder sees', () => {
	it('shows every count of people of 1–4 as "<5", and hides every rate built on one', () => {
		const shown = suppressDashboard(dashboardOf(3));
		expect(shown.headline).toEqual({
			trained: '<5',
			ran: '<5',
			won: '<5',
			decided: '<5',
			pending: '<5',
			winRate: { k: '<5', n: '<5', rate: null, low: null, high: null }
		});
		expect(shown.funnel).toEqual([{ stage: 'trained', people: '<5' }, { stage: 'elected', people: 0 }]);
		expect(shown.byRegion[0]).toMatchObject({ code: 'KG-N', trained: '<5', ran: '<5', won: '<5', decided: '<5', pending: '<5' });
		expect(shown.comparison.map((c) => c.rate)).toEqual([
			{ k: '<5', n: '<5', rate: null, low: null, high: null },
			{ k: 0, n: '<5', rate: null, low: null, high: null },
			{ k: '<5', n: 200, rate: null, low: null, high: null }
		]);
		expect(shown.seatShare.before).toEqual({ k: '<5', n: '<5', rate: null, low: null, high: null });
		expect(shown.seatShare.after).toEqual({ k: '<5', n: 40, rate: null, low: null, high: null });
		expect(shown.cascadeGrowth).toEqual([{ month: '2012-03', level: 1, cumulative: '<5' }]);
		expect(shown.reachPerTot[0]).toMatchObject({ direct: '<5', total: 12, levels: 2, multiplier: null });
		expect(shown.profile[0]).toMatchObject({ trained: '<5', ran: '<5', won: '<5', decided: '<5' });
		expect(shown.byParty[0]).toMatchObject({ party: 'SDPK', candidacies: '<5', won: '<5', decided: '<5' });
		expect(shown.bySystem[0]).toMatchObject({ candidacies: '<5', won: '<5', decided: '<5' });
	});

	it('leaves no count of people between 1 and 4 anywhere', () => {
		// Fields that are not counts of people (ids, years, positions, seats, levels, contests) may be small.
		const notPeople = new Set(['regionId', 'partyId', 'trainingId', 'year', 'share', 'level', 'levels', 'position', 'seatsWon', 'councils', 'seats', 'contestsWithoutTotals', 'region']);
		const smallPeopleCounts: string[] = [];
		const walk = (value: unknown, path: string) => {
			if (typeof value === 'number' && value >= 1 && value <= 4 && !notPeople.has(path.split('.').at(-1)!)) smallPeopleCounts.push(path);
			else if (value && typeof value === 'object') for (const [key, v] of Object.entries(value)) walk(v, `${path}.${key}`);
		};
		for (const n of [1, 2, 3, 4]) walk(suppressDashboard(dashboardOf(n)), 'dashboard');
		expect(smallPeopleCounts).toEqual([]);
	});

	it('shows 0 and counts of 5 or more as they are, with their rates', () => {
		const exact = dashboardOf(5);
		const shown = suppressDashboard(exact);
		expect(shown.headline).toEqual(exact.headline);
		expect(shown.comparison[0].rate).toEqual(wilson(5, 5));
		expect(shown.comparison[1].rate).toEqual(wilson(0, 5));
		expect(shown.seatShare).toMatchObject({ councils: 2, seats: 4, after: wilson(5, 40), national: exact.seatShare.national });
		expect(shown.reachPerTot[0]).toMatchObject({ direct: 5, total: 20, multiplier: 4 });
		expect(shown.contestsWithoutTotals).toBe(3);
	});

	it('shows party-list positions without contest and party, and none when only 1–4 women are on lists', () => {
		const shown = suppressDashboard(dashboardOf(10, 6));
		expect(shown.listPositions).toHaveLength(6);
		expect(shown.listPositions.every((l) => l.contest === null && l.party === null)).toBe(true);
		expect(shown.listPositions.map((l) => l.position)).toEqual([1, 2, 3, 4, 5, 6]);
		expect(suppressDashboard(dashboardOf(10, 4)).listPositions).toEqual([]);
		expect(suppressDashboard(dashboardOf(10, 0)).listPositions).toEqual([]);
	});

	it('gives staff the exact figures, and funders and share links the suppressed ones', () => {
		const exact = dashboardOf(2);
		expect(dashboardFor(actor('admin'), exact)).toBe(exact);
		expect(dashboardFor(actor('viewer'), exact)).toBe(exact);
		expect(dashboardFor(actor('funder'), exact)).toEqual(suppressDashboard(exact));
		expect(dashboardFor(actor('funder', 'share'), exact).headline.trained).toBe('<5');
	});
});
