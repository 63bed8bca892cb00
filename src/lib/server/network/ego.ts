import { sql } from 'kysely';
import { buildGraph, egoNetwork, type Tie } from '../../domain/network';
import { TIE_KINDS, type NetworkOutcome, type TieKind } from '../../domain/ties';
import type { Db } from '../db';
import { byName } from '../db/localized';
import { reachOfPeople } from './cascade';
import { networkPeople, outcomeOf, tieRows } from './graph';

export interface EgoPerson {
	id: number;
	fullName: string;
	/** Steps from her: 0 for herself, 1 for the people she is tied to, 2 for theirs. */
	distance: number;
	outcome: NetworkOutcome;
	/** Everyone downstream of this person in the cascade; null when the network is too large for it to be computed (see `reachLimit`). */
	reach: number | null;
	/** Her ties to people one step nearer the centre, with their kinds. */
	via: { id: number; kinds: TieKind[] }[];
}

export interface PersonEgoNetwork {
	/** The centre first, then by distance and name. */
	people: EgoPerson[];
	ties: { source: number; target: number; kinds: TieKind[] }[];
}

/**
 * A person's ego network: the people within `depth` steps of her through ties of any kind, and every
 * tie among them, as `regionScope` allows. Walked outwards with one query per step (plus one for the
 * ties among the farthest people), not per person, so it does not wait for the whole network.
 *
 * Each person's cascade reach (which sizes her in the drawing) is computed only when the network has at
 * most `reachLimit` people: a well-connected trainer two steps out can reach thousands of trainers, and
 * walking all their cascades took seconds on a 300,000-person network for a number no one is shown.
 */
export async function egoNetworkOf(
	db: Db,
	personId: number,
	regionScope: readonly number[] | null,
	{ depth = 2, reachLimit = Infinity }: { depth?: number; reachLimit?: number } = {}
): Promise<PersonEgoNetwork> {
	const ties = () => db.selectFrom(tieRows(db, TIE_KINDS, regionScope).as('t')).select(['t.source', 't.target', 't.kind']);
	const among = (ids: number[]) => sql<number>`any(${ids}::int[])`;
	const seen = new Set([personId]);
	const found: Tie[] = [];
	let frontier = [personId];
	for (let step = 1; step <= depth && frontier.length; step++) {
		// Ties from and ties to the frontier asked apart: one OR across both ends cannot use an index
		// (300–600 ms on a 300,000-person network); a tie within the frontier, found both ways, is kept once.
		const [from, to] = await Promise.all([ties().where('t.source', '=', among(frontier)).execute(), ties().where('t.target', '=', among(frontier)).execute()]);
		const inFrontier = new Set(frontier);
		const rows = [...from, ...to.filter((t) => !inFrontier.has(t.source))];
		found.push(...rows);
		const next = new Set<number>();
		for (const { source, target } of rows) for (const id of [source, target]) if (!seen.has(id)) next.add(id);
		next.forEach((id) => seen.add(id));
		frontier = [...next];
	}
	if (frontier.length > 1) found.push(...(await ties().where('t.source', '=', among(frontier)).where('t.target', '=', among(frontier)).execute()));

	const ids = [...seen];
	const rows = await networkPeople(db, {}, regionScope)
		.select(['p.id', 'p.full_name as fullName', outcomeOf('p').as('outcome')])
		.where('p.id', '=', among(ids))
		.orderBy(byName('p'))
		.orderBy('p.id')
		.execute();
	const details = new Map(rows.map((r) => [r.id, r]));
	// She is drawn even if outside the scope a caller passed; her neighbours only within it.
	const graph = buildGraph(ids.filter((id) => id === personId || details.has(id)), found);
	const ego = egoNetwork(graph, personId, depth);
	const reach = ego.people.length <= reachLimit ? await reachOfPeople(db, ego.people.map((p) => p.id)) : null;
	const distance = new Map(ego.people.map((p) => [p.id, p.distance]));
	const order = new Map(rows.map((r, i) => [r.id, i]));
	const people = ego.people
		.map(({ id, distance: d }) => ({
			id,
			fullName: details.get(id)?.fullName ?? '',
			distance: d,
			outcome: details.get(id)?.outcome ?? 'did_not_run',
			reach: reach ? (reach.get(id)?.total ?? 0) : null,
			via: ego.ties
				.filter((t) => (t.source === id || t.target === id) && distance.get(t.source === id ? t.target : t.source) === d - 1)
				.map((t) => ({ id: t.source === id ? t.target : t.source, kinds: t.kinds }))
		}))
		.sort((a, b) => a.distance - b.distance || (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
	return { people, ties: ego.ties };
}
