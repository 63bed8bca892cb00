import type { Db } from '../db';
import { byName } from '../db/localized';
import { cascadeFromTraining, type CascadeNode, type Reach } from './cascade';

export interface TreeNode {
	id: number;
	/** Her name, or null when the user may not see people of her region. */
	name: string | null;
	level: number;
	/** Everyone below her in the tree (the women she reached first). */
	below: number;
	children: TreeNode[];
	/** Children left out of `children` to keep the page small (they still count in `below`). */
	more: number;
}

export interface CascadeTree {
	reach: Reach;
	roots: TreeNode[];
	/** Roots left out of `roots` to keep the page small. */
	more: number;
	/** How many nodes the tree shows (at most the budget). */
	shown: number;
}

/**
 * A training's cascade as a tree: its participants, and under each woman the women she reached first
 * (each woman once, under the trainer of the level above through whom the walk found her). Figures come
 * from cascade.ts; this only arranges them. At most `budget` people are listed, breadth first, so the
 * top levels stay complete; the rest are counted. Names outside `regionScope` are withheld.
 */
export async function cascadeTreeOfTraining(db: Db, trainingId: number, regionScope: number[] | null, budget = 600): Promise<CascadeTree> {
	const { reach, nodes } = await cascadeFromTraining(db, trainingId);
	const shownIds = nodes.slice(0, budget).map((n) => n.personId);
	const people = shownIds.length
		? await db.selectFrom('people as p').select(['p.id', 'p.full_name', 'p.region_id']).where('p.id', 'in', shownIds).orderBy(byName('p')).execute()
		: [];
	const order = new Map(people.map((p, i) => [p.id, i]));
	const visible = (regionId: number | null) => !regionScope || (regionId !== null && regionScope.includes(regionId));
	const names = new Map(people.map((p) => [p.id, visible(p.region_id) ? p.full_name : null]));

	const childrenOf = new Map<number | null, CascadeNode[]>();
	for (const n of nodes) childrenOf.set(n.parentId, [...(childrenOf.get(n.parentId) ?? []), n]);
	const below = new Map<number, number>();
	// Deepest first, so a woman's count is complete before her trainer's adds it.
	for (const n of [...nodes].reverse()) {
		const own = (childrenOf.get(n.personId) ?? []).reduce((sum, c) => sum + 1 + (below.get(c.personId) ?? 0), 0);
		below.set(n.personId, own);
	}
	const shown = new Set(shownIds);
	const build = (list: CascadeNode[]): { nodes: TreeNode[]; more: number } => {
		const kept = list.filter((n) => shown.has(n.personId)).sort((a, b) => (order.get(a.personId) ?? 0) - (order.get(b.personId) ?? 0));
		return {
			nodes: kept.map((n) => {
				const children = build(childrenOf.get(n.personId) ?? []);
				return { id: n.personId, name: names.get(n.personId) ?? null, level: n.level, below: below.get(n.personId) ?? 0, children: children.nodes, more: children.more };
			}),
			more: list.length - kept.length
		};
	};
	const roots = build(childrenOf.get(null) ?? []);
	return { reach, roots: roots.nodes, more: roots.more, shown: shown.size };
}
