import { sql } from 'kysely';
import type { Locale } from '../../domain/enums';
import { aggregate, analyseNetwork, buildGraph, type NetworkFigures, type PeopleGraph, type PersonFigures, type Tie } from '../../domain/network';
import { LEFT_THE_RACE } from '../../domain/results';
import { NETWORK_OUTCOMES, TIE_KINDS, type NetworkOutcome, type TieKind } from '../../domain/ties';
import type { Db } from '../db';
import { derivedCache } from '../db/derived-cache';
import { localizedName } from '../db/localized';
import { regionAndBelow } from '../regions';
import { reachOfPeople } from './cascade';

/**
 * The network of ties between people (issue 6): loaded with one query per kind of row, analysed in
 * memory (src/lib/domain/network.ts), cached per filter until a record changes (db/data-version.ts).
 */

export interface NetworkFilter {
	/** A region id: the people there and in the regions below it. */
	region?: number;
	/** A training id: the people who attended or led it. */
	training?: number;
	/** The kinds of tie to follow; absent or empty: every kind. */
	kinds?: readonly TieKind[];
	outcome?: NetworkOutcome;
}

/** Above this many people the network is drawn as groups (by region, else by community), not as dots. */
export const DRAW_LIMIT = 300;

/** What became of her in the elections (see NETWORK_OUTCOMES), from her candidacies that are not deleted. */
export const outcomeOf = (person: string) => sql<NetworkOutcome>`coalesce((
	select case
		when bool_or(c.elected) then 'elected'
		when bool_or(c.elected is null and c.status <> all(${[...LEFT_THE_RACE]}::text[])) then 'pending'
		when bool_or(not c.elected) then 'not_elected'
	end
	from candidacies c where c.person_id = ${sql.ref(`${person}.id`)} and c.deleted_at is null
), 'did_not_run')`;

/** The people of the network: not deleted, within the actor's regions, matching the filter. */
export function networkPeople(db: Db, filter: NetworkFilter, regionScope: readonly number[] | null) {
	let query = db.selectFrom('people as p').where('p.deleted_at', 'is', null);
	if (regionScope) query = query.where('p.region_id', 'in', regionScope.length ? [...regionScope] : [-1]);
	if (filter.region) query = query.where('p.region_id', 'in', regionAndBelow(db, filter.region));
	const training = filter.training;
	if (training) {
		query = query.where((eb) =>
			eb.exists(
				eb
					.selectFrom('training_participants as tp')
					.innerJoin('trainings as t', 't.id', 'tp.training_id')
					.select('tp.id')
					.whereRef('tp.person_id', '=', 'p.id')
					.where('tp.training_id', '=', training)
					.where('tp.deleted_at', 'is', null)
					.where('t.deleted_at', 'is', null)
			)
		);
	}
	if (filter.outcome) query = query.where(outcomeOf('p'), '=', filter.outcome);
	return query;
}

/**
 * Every tie of the given kinds between two people who are not deleted (and within `regionScope`):
 * recorded relationships, and "trained" — a facilitator of a training that is not deleted and each
 * participant who completed it (the cascade's edges, as in cascade.ts), once per pair.
 */
export function tieRows(db: Db, kinds: readonly TieKind[], regionScope: readonly number[] | null) {
	const scope = regionScope ? (regionScope.length ? [...regionScope] : [-1]) : null;
	const relationshipKinds = kinds.filter((k): k is Exclude<TieKind, 'trained'> => k !== 'trained');
	const relationships = () =>
		db
			.selectFrom('relationships as r')
			.innerJoin('people as a', 'a.id', 'r.person_id')
			.innerJoin('people as b', 'b.id', 'r.other_person_id')
			.select(['r.person_id as source', 'r.other_person_id as target', sql<TieKind>`r.kind`.as('kind')])
			.where('r.deleted_at', 'is', null)
			.where('a.deleted_at', 'is', null)
			.where('b.deleted_at', 'is', null)
			.where('r.kind', 'in', relationshipKinds)
			.$if(scope !== null, (q) => q.where('a.region_id', 'in', scope!).where('b.region_id', 'in', scope!));
	if (!kinds.includes('trained')) return relationships();
	const trained = db
		.selectFrom('training_participants as f')
		.innerJoin('training_participants as p', (j) =>
			j.onRef('p.training_id', '=', 'f.training_id').on('p.role', '=', 'participant').on('p.completed', '=', true).on('p.deleted_at', 'is', null).onRef('p.person_id', '<>', 'f.person_id')
		)
		.innerJoin('trainings as t', 't.id', 'f.training_id')
		.innerJoin('people as a', 'a.id', 'f.person_id')
		.innerJoin('people as b', 'b.id', 'p.person_id')
		.select(['f.person_id as source', 'p.person_id as target', sql<TieKind>`'trained'`.as('kind')])
		.distinct()
		.where('f.role', '=', 'facilitator')
		.where('f.deleted_at', 'is', null)
		.where('t.deleted_at', 'is', null)
		.where('a.deleted_at', 'is', null)
		.where('b.deleted_at', 'is', null)
		.$if(scope !== null, (q) => q.where('a.region_id', 'in', scope!).where('b.region_id', 'in', scope!));
	return relationshipKinds.length ? relationships().unionAll(trained) : trained;
}

export interface NetworkPerson {
	id: number;
	fullName: string;
	regionId: number | null;
	outcome: NetworkOutcome;
}

/** Whether the network is narrowed to some of the people (the kinds of tie narrow only the ties). */
const narrowed = (filter: NetworkFilter, regionScope: readonly number[] | null) => Boolean(regionScope || filter.region || filter.training || filter.outcome);

/** The network's people and the ties among them, one query each. */
export async function loadNetwork(db: Db, filter: NetworkFilter, regionScope: readonly number[] | null): Promise<{ people: NetworkPerson[]; ties: Tie[] }> {
	const kinds = filter.kinds?.length ? filter.kinds : TIE_KINDS;
	const ids = () => networkPeople(db, filter, regionScope).select('p.id');
	const [people, ties] = await Promise.all([
		networkPeople(db, filter, regionScope)
			.select(['p.id', 'p.full_name as fullName', 'p.region_id as regionId', outcomeOf('p').as('outcome')])
			.orderBy('p.id')
			.execute(),
		db
			.selectFrom(tieRows(db, kinds, regionScope).as('t'))
			.select(['t.source', 't.target', 't.kind'])
			.$if(narrowed(filter, regionScope), (q) => q.where('t.source', 'in', ids()).where('t.target', 'in', ids()))
			.execute()
	]);
	return { people, ties };
}

export interface NetworkMember extends NetworkPerson, PersonFigures {
	/** Everyone downstream of her in the cascade (0 when she trained no one). */
	reach: number;
}

export interface NetworkGroup {
	/** The region (null: none recorded, or grouped by community). */
	regionId: number | null;
	/** When grouped by community: its number (null: the people without any tie). */
	community: number | null;
	people: number;
	/** Tied pairs inside the group. */
	internalTies: number;
	outcomes: Record<NetworkOutcome, number>;
}

export interface AggregatedDrawing {
	kind: 'groups';
	by: 'region' | 'community';
	groups: NetworkGroup[];
	/** Tied pairs across two groups, by index into `groups`. */
	links: { source: number; target: number; ties: number }[];
}

export type NetworkDrawing = { kind: 'people'; ties: { source: number; target: number; kinds: TieKind[] }[] } | AggregatedDrawing;

export interface NetworkView {
	figures: NetworkFigures;
	/** Every person of the network, top connectors first (rankConnectors). */
	ranking: NetworkMember[];
	/** Every person and tie when there are at most DRAW_LIMIT people, else groups of them. */
	drawing: NetworkDrawing;
	/** The network by oblast or city (and by country for people abroad), whatever its size. */
	byRegion: AggregatedDrawing;
}

type RegionTree = Map<number, number | null>;

/** The region one level below `base` on the way to `regionId` (`base` null: below the countries). */
function regionBelow(tree: RegionTree, regionId: number | null, base: number | null): number | null {
	if (regionId === null) return null;
	const chain = [regionId];
	for (let up = tree.get(regionId); up !== null && up !== undefined; up = tree.get(up)) chain.push(up);
	if (base === null) return chain.length >= 2 ? chain[chain.length - 2] : chain[0];
	const at = chain.indexOf(base);
	return at > 0 ? chain[at - 1] : base;
}

function grouped(graph: PeopleGraph, people: Map<number, NetworkMember>, by: AggregatedDrawing['by'], groupOf: (id: number) => number | null): AggregatedDrawing {
	// aggregate() keys groups by number; -1 stands for "none" (no region recorded, no community).
	const { groups, links } = aggregate(graph, (id) => groupOf(id) ?? -1);
	const index = new Map(groups.map((g, i) => [g.key, i]));
	const result: NetworkGroup[] = groups.map((g) => ({
		regionId: by === 'region' && g.key !== -1 ? g.key : null,
		community: by === 'community' && g.key !== -1 ? g.key : null,
		people: g.people,
		internalTies: g.internalTies,
		outcomes: Object.fromEntries(NETWORK_OUTCOMES.map((o) => [o, 0])) as Record<NetworkOutcome, number>
	}));
	for (const person of people.values()) result[index.get(groupOf(person.id) ?? -1)!].outcomes[person.outcome]++;
	const pairs = links.map((l) => [index.get(l.source)!, index.get(l.target)!].sort((x, y) => x - y));
	return { kind: 'groups', by, groups: result, links: links.map((l, i) => ({ source: pairs[i][0], target: pairs[i][1], ties: l.ties })) };
}

async function computeView(db: Db, filter: NetworkFilter, regionScope: readonly number[] | null): Promise<NetworkView> {
	const [{ people, ties }, regions] = await Promise.all([loadNetwork(db, filter, regionScope), db.selectFrom('regions').select(['id', 'parent_id']).execute()]);
	const reach = await reachOfPeople(db, narrowed(filter, regionScope) ? people.map((p) => p.id) : null);
	const graph = buildGraph(people.map((p) => p.id), ties);
	const { figures, ranking } = analyseNetwork(graph);
	const person = new Map(people.map((p) => [p.id, p]));
	const members = new Map(ranking.map((f) => [f.id, { ...person.get(f.id)!, ...f, reach: reach.get(f.id)?.total ?? 0 }]));
	const tree: RegionTree = new Map(regions.map((r) => [r.id, r.parent_id]));
	const regionOf = (base: number | null) => (id: number) => regionBelow(tree, members.get(id)!.regionId, base);
	const byRegion = grouped(graph, members, 'region', regionOf(null));
	let drawing: NetworkDrawing;
	if (graph.order <= DRAW_LIMIT) {
		drawing = { kind: 'people', ties: graph.mapEdges((_e, { kinds }, a, b) => ({ source: Number(a), target: Number(b), kinds: [...kinds] })) };
	} else {
		drawing = filter.region ? grouped(graph, members, 'region', regionOf(filter.region)) : byRegion;
		// Everyone in one place (a raion, a city): its communities tell more than one circle would.
		if (drawing.groups.length <= 1) drawing = grouped(graph, members, 'community', (id) => members.get(id)!.community);
	}
	return { figures, ranking: [...members.values()], drawing, byRegion };
}

const viewCache = derivedCache<NetworkView>(32);

/**
 * The network for a filter, as `actor` may see it (`regionScope`: regionFilter(actor, 'records:read')).
 * Computed once per filter and kept until any record changes; the last 32 filters are kept.
 */
export async function networkView(db: Db, filter: NetworkFilter, regionScope: readonly number[] | null): Promise<NetworkView> {
	const key = JSON.stringify([filter.region ?? null, filter.training ?? null, [...(filter.kinds ?? [])].sort(), filter.outcome ?? null, regionScope ? [...regionScope].sort((a, b) => a - b) : null]);
	return viewCache(db, key, () => computeView(db, filter, regionScope));
}

export interface NetworkStatistics extends Omit<NetworkFigures, 'betweennessExact'> {
	/** The network by oblast or city of republican significance (by country for people abroad). */
	regions: {
		/** null: people without a recorded region. */
		regionId: number | null;
		code: string | null;
		name: string | null;
		people: number;
		/** Tied pairs within the region. */
		internalTies: number;
	}[];
	/** Tied pairs between two regions, by index into `regions`. */
	regionLinks: { source: number; target: number; ties: number }[];
}

/**
 * The network's figures without a single name or person id, for the funder view: counts of people and
 * ties (by kind), components, communities, the degree distribution, and the network by region. Counts
 * are exact: suppressing small cells is the caller's part (domain/privacy.ts).
 */
export async function networkStatistics(db: Db, locale: Locale, filter: NetworkFilter = {}): Promise<NetworkStatistics> {
	const view = await networkView(db, filter, null);
	const { betweennessExact: _, ...figures } = view.figures;
	const ids = view.byRegion.groups.flatMap((g) => (g.regionId === null ? [] : [g.regionId]));
	const names = new Map(
		ids.length
			? (await db.selectFrom('regions').select(['id', 'code', localizedName('regions', locale).as('name')]).where('id', 'in', ids).execute()).map((r) => [r.id, r])
			: []
	);
	return {
		...figures,
		degreeDistribution: figures.degreeDistribution.map((d) => ({ ...d })),
		regions: view.byRegion.groups.map((g) => ({
			regionId: g.regionId,
			code: g.regionId === null ? null : (names.get(g.regionId)?.code ?? null),
			name: g.regionId === null ? null : (names.get(g.regionId)?.name ?? null),
			people: g.people,
			internalTies: g.internalTies
		})),
		regionLinks: view.byRegion.links.map((l) => ({ ...l }))
	};
}
