import type { Locale } from '../../domain/enums';
import type { Db } from '../db';
import { localizedName } from '../db/localized';
import type { NetworkFilter, NetworkMember, NetworkView } from './graph';

/** Rows of the top-connectors table (the CSV holds everyone). */
export const TOP_CONNECTORS = 20;

const connector = (p: NetworkMember) => ({ id: p.id, fullName: p.fullName, degree: p.degree, betweenness: p.betweenness, reach: p.reach, community: p.community });

/**
 * What the network page sends to the browser: the figures, the top connectors, and the drawing —
 * every person and tie (as indices) when there are few enough, else the groups with their names in
 * the interface language and, for regions, whether choosing one narrows the view (drill-down).
 */
export async function networkPageData(db: Db, view: NetworkView, filter: NetworkFilter, locale: Locale) {
	const figures = view.figures;
	const connectors = view.ranking.slice(0, TOP_CONNECTORS).map(connector);
	const drawing = view.drawing;
	if (drawing.kind === 'people') {
		const index = new Map(view.ranking.map((p, i) => [p.id, i]));
		return {
			figures,
			connectors,
			drawing: {
				kind: 'people' as const,
				people: view.ranking.map((p) => ({ id: p.id, fullName: p.fullName, outcome: p.outcome, reach: p.reach, degree: p.degree })),
				ties: drawing.ties.map((t) => ({ source: index.get(t.source)!, target: index.get(t.target)! }))
			}
		};
	}
	const ids = drawing.groups.flatMap((g) => (g.regionId === null ? [] : [g.regionId]));
	const names = new Map(
		ids.length ? (await db.selectFrom('regions').select(['id', localizedName('regions', locale).as('name')]).where('id', 'in', ids).execute()).map((r) => [r.id, r.name]) : []
	);
	return {
		figures,
		connectors,
		drawing: {
			kind: 'groups' as const,
			by: drawing.by,
			groups: drawing.groups.map((g) => ({
				...g,
				name: g.regionId === null ? null : (names.get(g.regionId) ?? null),
				// The region the view is already narrowed to (its people recorded at its own level) leads nowhere new.
				drill: g.regionId !== null && g.regionId !== filter.region
			})),
			links: drawing.links
		}
	};
}
