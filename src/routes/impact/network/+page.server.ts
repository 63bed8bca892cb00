import { getDb } from '$lib/server/db';
import { authorize } from '$lib/server/auth/guard';
import { suppressTotReach, totReach } from '$lib/server/impact/cascade';
import { shownNetworkStatistics } from '$lib/server/impact/network';
import { isFunderView } from '$lib/server/impact/view';
import { networkStatistics } from '$lib/server/network/graph';
import type { PageServerLoad } from './$types';

// The cascade's reach and the network's shape for funders (and staff): numbers only — no name, no
// person id — with small cells suppressed for funders and share links.
export const load: PageServerLoad = async (event) => {
	const actor = await authorize(event, 'impact:read');
	const funderView = isFunderView(actor);
	const db = getDb();
	const [tots, network] = await Promise.all([totReach(db, event.locals.locale), networkStatistics(db, event.locals.locale)]);
	return {
		funderView,
		tots: tots.map((t) => (funderView ? suppressTotReach(t) : t)),
		network: shownNetworkStatistics(network, funderView)
	};
};
