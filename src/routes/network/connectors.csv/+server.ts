import { getDb } from '$lib/server/db';
import { audit } from '$lib/server/audit/log';
import { auditContext, authorize } from '$lib/server/auth/guard';
import { regionFilter } from '$lib/server/auth/permissions';
import { localizedName } from '$lib/server/db/localized';
import { csvResponse, toCsv } from '$lib/server/export/csv';
import { validateQuery } from '$lib/server/forms';
import { networkView } from '$lib/server/network/graph';
import { NETWORK_QUERY_ARRAYS, networkFilter, networkQuerySchema } from '$lib/server/network/schema';
import { NETWORK_OUTCOME_LABELS } from '$lib/i18n/labels-network';
import { m } from '$lib/paraglide/messages';
import type { RequestHandler } from './$types';

// Everyone in the network on screen (same filters), ranked as in the top-connectors table, with the same figures.
export const GET: RequestHandler = async (event) => {
	await authorize(event, 'network:read');
	const actor = await authorize(event, 'export:run');
	const { data: query } = validateQuery(networkQuerySchema, event.url.searchParams, { arrays: NETWORK_QUERY_ARRAYS });
	const db = getDb();
	const [view, regions] = await Promise.all([
		networkView(db, networkFilter(query), regionFilter(actor, 'records:read')),
		db.selectFrom('regions').select(['id', localizedName('regions', event.locals.locale).as('name')]).execute()
	]);
	const regionName = new Map(regions.map((r) => [r.id, r.name]));
	const body = toCsv(
		view.ranking.map((p, i) => ({ ...p, rank: i + 1 })),
		[
			{ header: m.network_col_rank(), value: (p) => p.rank },
			{ header: m.col_name(), value: (p) => p.fullName },
			{ header: m.col_region(), value: (p) => (p.regionId === null ? '' : regionName.get(p.regionId)) },
			{ header: m.col_outcome(), value: (p) => NETWORK_OUTCOME_LABELS[p.outcome]() },
			{ header: m.network_col_degree(), value: (p) => p.degree },
			{ header: m.network_col_betweenness(), value: (p) => Math.round(p.betweenness * 100) / 100 },
			{ header: m.network_col_reach(), value: (p) => p.reach },
			{ header: m.network_col_community(), value: (p) => p.community },
			{ header: m.network_col_component(), value: (p) => p.component }
		]
	);
	await audit(db, auditContext(event), { action: 'export', entity: 'network', details: { format: 'csv', rows: view.ranking.length, filters: Object.fromEntries(event.url.searchParams) } });
	return csvResponse(body, 'network-connectors.csv');
};
