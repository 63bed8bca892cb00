import { UndirectedGraph } from 'graphology';
import louvain from 'graphology-communities-louvain';
import { connectedComponents } from 'graphology-components';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness.js';
import { createRandom } from '../server/demo/random';
import { TIE_KINDS, type TieKind } from './ties';

/**
 * Figures of the network of ties between people (issue 6), computed in memory over a graph loaded by
 * src/lib/server/network/graph.ts. The graph is undirected and simple: two people are tied once,
 * whatever the number and kinds of ties recorded between them (the kinds are kept on the edge).
 * Node keys are the people's ids as strings (graphology's keys); every result speaks in numeric ids.
 */

export interface Tie {
	source: number;
	target: number;
	kind: TieKind;
}

export type PeopleGraph = UndirectedGraph<Record<string, never>, { kinds: TieKind[] }>;

/** The graph of `people`; ties to anyone not among them, and ties of a person to herself, are left out. */
export function buildGraph(people: readonly number[], ties: readonly Tie[]): PeopleGraph {
	const graph: PeopleGraph = new UndirectedGraph();
	for (const id of people) graph.mergeNode(String(id));
	for (const tie of ties) {
		const a = String(tie.source);
		const b = String(tie.target);
		if (a === b || !graph.hasNode(a) || !graph.hasNode(b)) continue;
		const edge = graph.edge(a, b);
		if (edge === undefined) graph.addEdge(a, b, { kinds: [tie.kind] });
		else {
			const kinds = graph.getEdgeAttribute(edge, 'kinds');
			if (!kinds.includes(tie.kind)) kinds.push(tie.kind);
		}
	}
	return graph;
}

/** Degree: how many different people she is tied to. */
export function degrees(graph: PeopleGraph): Map<number, number> {
	return new Map(graph.mapNodes((node) => [Number(node), graph.degree(node)]));
}

/** How many people have each degree, from degree 0 up (only degrees that occur). */
export function degreeDistribution(degreeOf: ReadonlyMap<number, number>): { degree: number; people: number }[] {
	const counts = new Map<number, number>();
	for (const d of degreeOf.values()) counts.set(d, (counts.get(d) ?? 0) + 1);
	return [...counts].sort((a, b) => a[0] - b[0]).map(([degree, people]) => ({ degree, people }));
}

/** Above this many people, betweenness is estimated from a sample of starting points (see below). */
export const EXACT_BETWEENNESS_LIMIT = 3000;
/**
 * Steps an estimate may take (a person or a tie visited from one starting point): about 30 starting
 * points, a few seconds, for 300,000 people with 450,000 ties; every person up to some 15,000.
 */
export const BETWEENNESS_BUDGET = 40_000_000;

/**
 * Betweenness: for how many pairs of other people she lies on the shortest connections between them
 * (a pair with several shortest connections counts in shares). The people who bridge otherwise
 * separate groups score highest. Exact (Brandes' algorithm, via graphology-metrics) up to
 * EXACT_BETWEENNESS_LIMIT people; beyond, the Brandes–Pich estimate: the same sums from a sample of
 * starting people (as many as BETWEENNESS_BUDGET allows, or `samples`; seeded, so the same data gives
 * the same figures), scaled up to the whole graph.
 */
export function betweenness(
	graph: PeopleGraph,
	options: { exactLimit?: number; samples?: number; seed?: number } = {}
): { values: Map<number, number>; exact: boolean } {
	const exactLimit = options.exactLimit ?? EXACT_BETWEENNESS_LIMIT;
	if (graph.order === 0) return { values: new Map(), exact: true };
	if (graph.order <= exactLimit) {
		const scores = betweennessCentrality(graph, { normalized: false, getEdgeWeight: null });
		return { values: new Map(Object.entries(scores).map(([node, value]) => [Number(node), value])), exact: true };
	}
	const samples = options.samples ?? Math.max(1, Math.floor(BETWEENNESS_BUDGET / (graph.order + 2 * graph.size)));
	return { values: sampledBetweenness(graph, samples, options.seed ?? 1), exact: samples >= graph.order };
}

/**
 * Brandes' accumulation from `samples` starting people only, each counted N/samples times. Written
 * over flat typed arrays (graphology's general version allocates per starting point, too slow for
 * hundreds of thousands of people).
 */
export function sampledBetweenness(graph: PeopleGraph, samples: number, seed: number): Map<number, number> {
	const nodes = graph.nodes();
	const n = nodes.length;
	const index = new Map(nodes.map((node, i) => [node, i]));
	// Neighbours of person i: adjacency[offsets[i] .. offsets[i + 1]).
	const offsets = new Int32Array(n + 1);
	nodes.forEach((node, i) => (offsets[i + 1] = offsets[i] + graph.degree(node)));
	const adjacency = new Int32Array(offsets[n]);
	const next = offsets.slice(0, n);
	graph.forEachEdge((_edge, _attributes, a, b) => {
		const i = index.get(a)!;
		const j = index.get(b)!;
		adjacency[next[i]++] = j;
		adjacency[next[j]++] = i;
	});
	const sources = createRandom(seed).sample(
		Array.from({ length: n }, (_, i) => i),
		Math.min(n, samples)
	);
	const distance = new Int32Array(n).fill(-1);
	const paths = new Float64Array(n);
	const delta = new Float64Array(n);
	const visited = new Int32Array(n);
	const centrality = new Float64Array(n);
	for (const source of sources) {
		// Breadth first: shortest distances and the number of shortest paths to each person.
		let head = 0;
		let tail = 0;
		distance[source] = 0;
		paths[source] = 1;
		visited[tail++] = source;
		while (head < tail) {
			const v = visited[head++];
			for (let k = offsets[v]; k < offsets[v + 1]; k++) {
				const w = adjacency[k];
				if (distance[w] < 0) {
					distance[w] = distance[v] + 1;
					visited[tail++] = w;
				}
				if (distance[w] === distance[v] + 1) paths[w] += paths[v];
			}
		}
		// Farthest first: each person's share of the paths through her, handed to her predecessors.
		for (let i = tail - 1; i > 0; i--) {
			const w = visited[i];
			const coefficient = (1 + delta[w]) / paths[w];
			for (let k = offsets[w]; k < offsets[w + 1]; k++) {
				const v = adjacency[k];
				if (distance[v] === distance[w] - 1) delta[v] += paths[v] * coefficient;
			}
			centrality[w] += delta[w];
		}
		for (let i = 0; i < tail; i++) {
			const v = visited[i];
			distance[v] = -1;
			paths[v] = 0;
			delta[v] = 0;
		}
	}
	// Each unordered pair is seen from both ends in an undirected graph: halve, as the exact figure does.
	const scale = sources.length ? (0.5 * n) / sources.length : 0;
	return new Map(nodes.map((node, i) => [Number(node), centrality[i] * scale]));
}

/** Connected components (groups that reach each other through ties), largest first, ids ascending. */
export function components(graph: PeopleGraph): number[][] {
	return connectedComponents(graph)
		.map((members) => members.map(Number).sort((a, b) => a - b))
		.sort((a, b) => b.length - a.length || a[0] - b[0]);
}

/**
 * Communities by the Louvain method (groups more tied among themselves than to others), numbered 1, 2, …
 * from the largest. Louvain is randomized: a fixed seed makes the same data give the same communities.
 * People without any tie belong to no community (null).
 */
export function communities(graph: PeopleGraph, seed = 1): Map<number, number | null> {
	const result = new Map<number, number | null>(graph.mapNodes((node) => [Number(node), null]));
	if (graph.size === 0) return result;
	const raw = louvain(graph, { rng: createRandom(seed).next, getEdgeWeight: null });
	const members = new Map<number, number[]>();
	for (const [node, community] of Object.entries(raw)) {
		if (graph.degree(node) === 0) continue;
		const list = members.get(community);
		if (list) list.push(Number(node));
		else members.set(community, [Number(node)]);
	}
	const ordered = [...members.values()].map((ids) => ids.sort((a, b) => a - b)).sort((a, b) => b.length - a.length || a[0] - b[0]);
	ordered.forEach((ids, i) => ids.forEach((id) => result.set(id, i + 1)));
	return result;
}

export interface PersonFigures {
	id: number;
	degree: number;
	betweenness: number;
	/** 1 = the largest connected component. */
	component: number;
	community: number | null;
}

export interface NetworkFigures {
	people: number;
	/** Tied pairs of people (a pair tied in several ways counts once). */
	ties: number;
	/** Tied pairs of each kind (colleagues who are also mentor and mentee count under both). */
	tiesByKind: Record<TieKind, number>;
	components: number;
	largestComponent: number;
	/** People without any tie (each is a component of one). */
	isolated: number;
	communities: number;
	degreeDistribution: { degree: number; people: number }[];
	/** False when betweenness was estimated from a sample (large graphs). */
	betweennessExact: boolean;
}

export interface NetworkAnalysis {
	graph: PeopleGraph;
	figures: NetworkFigures;
	/** Each person's figures, ranked as connectors (see rankConnectors). */
	ranking: PersonFigures[];
}

/** Everything the network views show about a graph, computed once. */
export function analyseNetwork(graph: PeopleGraph, options: { seed?: number; exactLimit?: number; samples?: number } = {}): NetworkAnalysis {
	const degreeOf = degrees(graph);
	const between = betweenness(graph, options);
	const parts = components(graph);
	const componentOf = new Map<number, number>();
	parts.forEach((members, i) => members.forEach((id) => componentOf.set(id, i + 1)));
	const communityOf = communities(graph, options.seed);
	const tiesByKind = Object.fromEntries(TIE_KINDS.map((k) => [k, 0])) as Record<TieKind, number>;
	graph.forEachEdge((_edge, { kinds }) => kinds.forEach((k) => tiesByKind[k]++));
	const ranking = rankConnectors(
		[...degreeOf].map(([id, degree]) => ({
			id,
			degree,
			betweenness: between.values.get(id) ?? 0,
			component: componentOf.get(id)!,
			community: communityOf.get(id) ?? null
		}))
	);
	return {
		graph,
		ranking,
		figures: {
			people: graph.order,
			ties: graph.size,
			tiesByKind,
			components: parts.length,
			largestComponent: parts[0]?.length ?? 0,
			isolated: parts.filter((p) => p.length === 1).length,
			communities: new Set([...communityOf.values()].filter((c) => c !== null)).size,
			degreeDistribution: degreeDistribution(degreeOf),
			betweennessExact: between.exact
		}
	};
}

/** Top connectors first: most people tied to, then most bridging, then by id (a stable order). */
export function rankConnectors<T extends { id: number; degree: number; betweenness: number }>(people: T[]): T[] {
	return [...people].sort((a, b) => b.degree - a.degree || b.betweenness - a.betweenness || a.id - b.id);
}

export interface EgoNetwork {
	/** The people within `depth` steps, the centre first (distance 0), then by distance and id. */
	people: { id: number; distance: number }[];
	/** Every tie among them (also between two people at the same distance). */
	ties: { source: number; target: number; kinds: TieKind[] }[];
}

/** Her ego network: the people within `depth` steps of her through ties, and the ties among them. */
export function egoNetwork(graph: PeopleGraph, centre: number, depth = 2): EgoNetwork {
	const start = String(centre);
	if (!graph.hasNode(start)) return { people: [], ties: [] };
	const distance = new Map<string, number>([[start, 0]]);
	let frontier = [start];
	for (let step = 1; step <= depth && frontier.length; step++) {
		const next: string[] = [];
		for (const node of frontier) {
			graph.forEachNeighbor(node, (neighbour) => {
				if (distance.has(neighbour)) return;
				distance.set(neighbour, step);
				next.push(neighbour);
			});
		}
		frontier = next;
	}
	const people = [...distance].map(([node, d]) => ({ id: Number(node), distance: d })).sort((a, b) => a.distance - b.distance || a.id - b.id);
	const ties: EgoNetwork['ties'] = [];
	graph.forEachEdge((_edge, { kinds }, a, b) => {
		if (distance.has(a) && distance.has(b)) ties.push({ source: Number(a), target: Number(b), kinds: [...kinds] });
	});
	ties.sort((x, y) => Math.min(x.source, x.target) - Math.min(y.source, y.target) || Math.max(x.source, x.target) - Math.max(y.source, y.target));
	return { people, ties };
}

export interface AggregatedNetwork<K extends string | number> {
	/** Each group with how many people it holds and how many tied pairs lie inside it; largest first. */
	groups: { key: K; people: number; internalTies: number }[];
	/** Tied pairs of people between two groups (one entry per pair of groups that has any). */
	links: { source: K; target: K; ties: number }[];
}

/**
 * The graph seen from afar: people grouped (by region, by community, …), a group's size its number of
 * people, a link between two groups the number of tied pairs across them. For drawing large networks.
 */
export function aggregate<K extends string | number>(graph: PeopleGraph, groupOf: (id: number) => K): AggregatedNetwork<K> {
	const groups = new Map<K, { key: K; people: number; internalTies: number }>();
	const keyOf = new Map<string, K>();
	graph.forEachNode((node) => {
		const key = groupOf(Number(node));
		keyOf.set(node, key);
		const group = groups.get(key) ?? { key, people: 0, internalTies: 0 };
		group.people++;
		groups.set(key, group);
	});
	const order = (a: K, b: K) => (typeof a === 'number' && typeof b === 'number' ? a - b : String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0);
	const links = new Map<string, { source: K; target: K; ties: number }>();
	graph.forEachEdge((_edge, _attributes, a, b) => {
		const ka = keyOf.get(a)!;
		const kb = keyOf.get(b)!;
		if (ka === kb) {
			groups.get(ka)!.internalTies++;
			return;
		}
		const [source, target]: [K, K] = order(ka, kb) < 0 ? [ka, kb] : [kb, ka];
		const id = JSON.stringify([source, target]);
		const link = links.get(id) ?? { source, target, ties: 0 };
		link.ties++;
		links.set(id, link);
	});
	return {
		groups: [...groups.values()].sort((a, b) => b.people - a.people || order(a.key, b.key)),
		links: [...links.values()].sort((a, b) => b.ties - a.ties || order(a.source, b.source) || order(a.target, b.target))
	};
}
