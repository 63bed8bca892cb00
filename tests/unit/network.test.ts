import { describe, expect, it } from 'vitest';
import {
	aggregate,
	analyseNetwork,
	betweenness,
	buildGraph,
	communities,
	components,
	degreeDistribution,
	degrees,
	egoNetwork,
	rankConnectors,
	sampledBetweenness,
	type Tie
} from '../../src/lib/domain/network';
import type { TieKind } from '../../src/lib/domain/ties';
import { createRandom } from '../../src/lib/server/demo/random';

const ids = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
/** Ties between consecutive pairs of [a, b, a, b, …] ids, all of one kind. */
function ties(pairs: [number, number][], kind: TieKind = 'colleague'): Tie[] {
	return pairs.map(([source, target]) => ({ source, target, kind }));
}
const asObject = (map: Map<number, unknown>) => Object.fromEntries(map);

// 1 — 2 — 3 — 4 — 5
const path = () => buildGraph(ids(5), ties([[1, 2], [2, 3], [3, 4], [4, 5]]));
// 1 in the middle of 2, 3, 4, 5
const star = () => buildGraph(ids(5), ties([[1, 2], [1, 3], [1, 4], [1, 5]]));
// Triangles 1-2-3 and 4-5-6, and the one tie 3 — 4 between them.
const bridged = () => buildGraph(ids(6), ties([[1, 2], [2, 3], [1, 3], [4, 5], [5, 6], [4, 6], [3, 4]]));

describe('degree', () => {
	it('counts the people each one is tied to', () => {
		expect(asObject(degrees(path()))).toEqual({ 1: 1, 2: 2, 3: 2, 4: 2, 5: 1 });
		expect(asObject(degrees(star()))).toEqual({ 1: 4, 2: 1, 3: 1, 4: 1, 5: 1 });
	});

	it('counts two people tied in several ways once, keeping every kind on the tie', () => {
		const graph = buildGraph([1, 2, 3], [...ties([[1, 2]], 'colleague'), ...ties([[2, 1]], 'mentor'), ...ties([[1, 2]], 'colleague'), ...ties([[1, 3]], 'trained')]);
		expect(asObject(degrees(graph))).toEqual({ 1: 2, 2: 1, 3: 1 });
		expect(graph.size).toBe(2);
		expect(graph.getEdgeAttribute(graph.edge('1', '2')!, 'kinds')).toEqual(['colleague', 'mentor']);
	});

	it('leaves out ties to people outside the graph and ties to oneself', () => {
		const graph = buildGraph([1, 2], ties([[1, 2], [2, 9], [1, 1]]));
		expect(graph.size).toBe(1);
		expect(asObject(degrees(graph))).toEqual({ 1: 1, 2: 1 });
	});

	it('tallies the distribution', () => {
		expect(degreeDistribution(degrees(star()))).toEqual([
			{ degree: 1, people: 4 },
			{ degree: 4, people: 1 }
		]);
	});
});

describe('betweenness: who bridges otherwise separate people', () => {
	it('on a path: the pairs whose only connection runs through each person', () => {
		// 2 is between 1 and 3, 4, 5; 3 between {1, 2} and {4, 5}; ends between no one.
		expect(asObject(betweenness(path()).values)).toEqual({ 1: 0, 2: 3, 3: 4, 4: 3, 5: 0 });
	});

	it('on a star: the centre lies between every pair of the others', () => {
		expect(asObject(betweenness(star()).values)).toEqual({ 1: 6, 2: 0, 3: 0, 4: 0, 5: 0 });
	});

	it('two triangles joined by one tie: the two women at its ends bridge them', () => {
		// 3 lies between 1 or 2 and each of 4, 5, 6 (6 pairs), 4 likewise; nobody else between anyone.
		expect(asObject(betweenness(bridged()).values)).toEqual({ 1: 0, 2: 0, 3: 6, 4: 6, 5: 0, 6: 0 });
	});

	it('shares a pair between two equally short connections', () => {
		// A square 1-2-3-4-1: 1 and 3 connect through 2 or through 4, half each.
		const square = buildGraph(ids(4), ties([[1, 2], [2, 3], [3, 4], [4, 1]]));
		expect(asObject(betweenness(square).values)).toEqual({ 1: 0.5, 2: 0.5, 3: 0.5, 4: 0.5 });
	});

	it('the sampled estimate equals the exact figure when every person is a starting point', () => {
		const graph = bridged();
		expect(asObject(sampledBetweenness(graph, 6, 7))).toEqual(asObject(betweenness(graph).values));
		const everyone = betweenness(graph, { exactLimit: 3, samples: 100 });
		expect(everyone.exact).toBe(true);
		expect(asObject(everyone.values)).toEqual({ 1: 0, 2: 0, 3: 6, 4: 6, 5: 0, 6: 0 });
		expect(betweenness(graph, { exactLimit: 3, samples: 2 }).exact).toBe(false);
	});

	it('the fast estimate and graphology-metrics agree on a random graph when every person is a starting point', () => {
		const random = createRandom(42);
		const graph = buildGraph(ids(60), ties(Array.from({ length: 90 }, () => [random.int(1, 60), random.int(1, 60)] as [number, number])));
		const exact = betweenness(graph).values;
		const fast = sampledBetweenness(graph, 60, 1);
		for (const [id, value] of exact) expect(fast.get(id)).toBeCloseTo(value, 9);
		expect(Math.max(...exact.values())).toBeGreaterThan(0);
	});

	it('the sampled estimate scales up what a sample sees, the same for the same seed', () => {
		// A long path: from any starting point, the middle person lies on the way to about half the others.
		const n = 41;
		const graph = buildGraph(ids(n), ties(ids(n - 1).map((i) => [i, i + 1] as [number, number])));
		const exact = betweenness(graph).values.get(21)!; // 20 × 20 pairs
		expect(exact).toBe(400);
		const once = sampledBetweenness(graph, 10, 3);
		expect(asObject(sampledBetweenness(graph, 10, 3))).toEqual(asObject(once));
		expect(once.get(21)).toBeGreaterThan(0);
		expect(Math.max(...once.values())).toBe(once.get(21));
	});
});

describe('components and communities', () => {
	it('finds separate groups, the largest first, and people on their own', () => {
		const graph = buildGraph(ids(6), ties([[1, 2], [3, 4], [4, 5]]));
		expect(components(graph)).toEqual([[3, 4, 5], [1, 2], [6]]);
		const { figures } = analyseNetwork(graph);
		expect(figures).toMatchObject({ people: 6, ties: 3, components: 3, largestComponent: 3, isolated: 1 });
	});

	it('splits two triangles joined by one tie into two communities, the same way every time', () => {
		const first = communities(bridged());
		expect(asObject(first)).toEqual({ 1: 1, 2: 1, 3: 1, 4: 2, 5: 2, 6: 2 });
		for (let i = 0; i < 5; i++) expect(asObject(communities(bridged()))).toEqual(asObject(first));
	});

	it('puts people without ties in no community, and handles a graph without any tie', () => {
		const graph = buildGraph(ids(7), ties([[1, 2], [2, 3], [1, 3], [4, 5], [5, 6], [4, 6]]));
		expect(communities(graph).get(7)).toBeNull();
		expect(analyseNetwork(graph).figures.communities).toBe(2);
		const empty = buildGraph([1, 2], []);
		expect(asObject(communities(empty))).toEqual({ 1: null, 2: null });
		expect(analyseNetwork(empty).figures).toMatchObject({ ties: 0, components: 2, isolated: 2, communities: 0 });
		expect(analyseNetwork(buildGraph([], [])).figures).toMatchObject({ people: 0, components: 0, largestComponent: 0 });
	});
});

describe('top connectors', () => {
	it('ranks by degree, then betweenness, then id', () => {
		const ranked = rankConnectors([
			{ id: 5, degree: 2, betweenness: 0 },
			{ id: 3, degree: 3, betweenness: 1 },
			{ id: 1, degree: 2, betweenness: 4 },
			{ id: 2, degree: 2, betweenness: 0 }
		]);
		expect(ranked.map((p) => p.id)).toEqual([3, 1, 2, 5]);
	});

	it('the bridge people of two triangles lead the ranking, with every figure', () => {
		const { ranking, figures } = analyseNetwork(bridged());
		expect(ranking.slice(0, 2)).toEqual([
			{ id: 3, degree: 3, betweenness: 6, component: 1, community: 1 },
			{ id: 4, degree: 3, betweenness: 6, component: 1, community: 2 }
		]);
		expect(figures.tiesByKind).toMatchObject({ colleague: 7, mentor: 0, trained: 0 });
		expect(figures.betweennessExact).toBe(true);
	});
});

describe('ego network', () => {
	it('holds the people within two steps and the ties among them', () => {
		const ego = egoNetwork(path(), 1);
		expect(ego.people).toEqual([
			{ id: 1, distance: 0 },
			{ id: 2, distance: 1 },
			{ id: 3, distance: 2 }
		]);
		expect(ego.ties).toEqual([
			{ source: 1, target: 2, kinds: ['colleague'] },
			{ source: 2, target: 3, kinds: ['colleague'] }
		]);
		expect(egoNetwork(path(), 3).people.map((p) => p.id)).toEqual([3, 2, 4, 1, 5]);
		expect(egoNetwork(path(), 1, 1).people.map((p) => p.id)).toEqual([1, 2]);
	});

	it('includes ties between two people at the same distance, and nobody three steps away', () => {
		// 1 — 2, 1 — 3, 2 — 3 (both at one step), 3 — 4 (two steps), 4 — 5 (three steps).
		const graph = buildGraph(ids(5), ties([[1, 2], [1, 3], [2, 3], [3, 4], [4, 5]]));
		const ego = egoNetwork(graph, 1);
		expect(ego.people.map((p) => p.id)).toEqual([1, 2, 3, 4]);
		expect(ego.ties.map((t) => [t.source, t.target].sort())).toEqual([[1, 2], [1, 3], [2, 3], [3, 4]]);
	});

	it('is just her when she has no ties, and empty for someone not in the graph', () => {
		const graph = buildGraph([1, 2], []);
		expect(egoNetwork(graph, 1)).toEqual({ people: [{ id: 1, distance: 0 }], ties: [] });
		expect(egoNetwork(graph, 9)).toEqual({ people: [], ties: [] });
	});
});

describe('aggregation of a large graph into groups', () => {
	it('sizes each group by its people and links groups by the tied pairs across them', () => {
		const region = (id: number) => (id <= 3 ? 'Naryn' : id <= 6 ? 'Osh' : 'Talas');
		const graph = buildGraph(ids(7), [...ties([[1, 2], [2, 3], [1, 3], [4, 5], [5, 6], [4, 6], [3, 4], [2, 5]]), ...ties([[1, 7]], 'mentor')]);
		expect(aggregate(graph, region)).toEqual({
			groups: [
				{ key: 'Naryn', people: 3, internalTies: 3 },
				{ key: 'Osh', people: 3, internalTies: 3 },
				{ key: 'Talas', people: 1, internalTies: 0 }
			],
			links: [
				{ source: 'Naryn', target: 'Osh', ties: 2 },
				{ source: 'Naryn', target: 'Talas', ties: 1 }
			]
		});
	});

	it('groups by numeric keys too (community numbers, region ids)', () => {
		const graph = bridged();
		const communityOf = communities(graph);
		expect(aggregate(graph, (id) => communityOf.get(id) ?? 0)).toEqual({
			groups: [
				{ key: 1, people: 3, internalTies: 3 },
				{ key: 2, people: 3, internalTies: 3 }
			],
			links: [{ source: 1, target: 2, ties: 1 }]
		});
	});
});
