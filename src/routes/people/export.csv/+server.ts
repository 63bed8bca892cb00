import { getDb } from '$lib/server/db';
import { audit } from '$lib/server/audit/log';
import { auditContext, authorize } from '$lib/server/auth/guard';
import { regionFilter } from '$lib/server/auth/permissions';
import { csvResponse, toCsv } from '$lib/server/export/csv';
import { validateQuery } from '$lib/server/forms';
import { listPeople, peopleQuerySchema } from '$lib/server/people/queries';
import { BACKGROUND_LABELS } from '$lib/i18n/labels';
import { m } from '$lib/paraglide/messages';
import type { RequestHandler } from './$types';

// Exactly the list on screen: the same filters and order, every page of it, the same columns.
export const GET: RequestHandler = async (event) => {
	await authorize(event, 'records:read');
	const actor = await authorize(event, 'export:run');
	const { data: query } = validateQuery(peopleQuerySchema, event.url.searchParams);
	const db = getDb();
	const { rows } = await listPeople(db, query, regionFilter(actor, 'records:read'), event.locals.locale, { all: true });
	const body = toCsv(rows, [
		{ header: m.col_name(), value: (r) => r.full_name },
		{ header: m.field_name_latin(), value: (r) => r.name_latin },
		{ header: m.col_region(), value: (r) => r.region },
		{ header: m.col_background(), value: (r) => (r.background ? BACKGROUND_LABELS[r.background]() : '') },
		{ header: m.fact_born(), value: (r) => r.birth_year },
		{ header: m.col_candidacies(), value: (r) => r.candidacies },
		{ header: m.col_elected(), value: (r) => r.elected }
	]);
	await audit(db, auditContext(event), { action: 'export', entity: 'people', details: { format: 'csv', rows: rows.length, filters: Object.fromEntries(event.url.searchParams) } });
	return csvResponse(body, 'people.csv');
};
