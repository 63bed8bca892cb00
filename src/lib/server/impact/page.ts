import type { RequestEvent } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import type { Actor } from '../auth/permissions';
import { getDb } from '../db';
import { electionChoices } from '../elections/queries';
import { validateQuery } from '../forms';
import { regionChoices } from '../regions';
import { parentChoices } from '../trainings/choices';
import { cachedImpactDashboard } from './figures';
import { dashboardFor } from './figures-view';
import { impactFilter, impactQuerySchema, type ImpactQuery } from './schema';
import { isFunderView } from './view';

const FILTER_IDS = ['election', 'region', 'training'] as const;

/**
 * What /impact and /impact/report show: the dashboard for the filters in the URL (suppressed for
 * funders and share links) and the choices of the filter form, in one round trip of queries. The
 * caller has checked `impact:read`.
 */
export async function impactPageData(event: RequestEvent, actor: Actor) {
	const { data: query, errors } = validateQuery(impactQuerySchema, event.url.searchParams);
	const db = getDb();
	const { locale } = event.locals;
	const [figures, regions, elections, trainings] = await Promise.all([
		cachedImpactDashboard(db, impactFilter(query), locale),
		regionChoices(db, locale),
		electionChoices(db, locale),
		parentChoices(db, null)
	]);
	const choices = {
		election: elections.map((e) => ({ value: e.id, label: e.name, date: e.date })),
		region: regions,
		training: trainings.map((t) => ({ value: t.value, label: t.title, date: t.date }))
	};
	// An id that is not among the choices (a stale bookmark, a typo) is named like any wrong value,
	// and the figures are computed without it (a second round trip, on this rare path only).
	const known: ImpactQuery = { ...query };
	for (const field of FILTER_IDS) {
		if (query[field] !== null && !choices[field].some((c) => c.value === query[field])) {
			errors[field] = m.invalid_choice();
			known[field] = null;
		}
	}
	const dashboard = FILTER_IDS.every((f) => known[f] === query[f]) ? figures : await cachedImpactDashboard(db, impactFilter(known), locale);
	return { query: known, errors, choices, dashboard: dashboardFor(actor, dashboard), funderView: isFunderView(actor), generatedAt: new Date().toISOString() };
}

export type ImpactPageData = Awaited<ReturnType<typeof impactPageData>>;
