import type { RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import type { CsvColumn } from '../../domain/csv';
import type { Locale } from '../../domain/enums';
import { BACKGROUND_LABELS } from '$lib/i18n/labels';
import { ELECTION_KIND_LABELS, ELECTION_LEVEL_LABELS } from '$lib/i18n/labels-elections';
import { NETWORK_OUTCOME_LABELS } from '$lib/i18n/labels-network';
import { ORGANIZATION_KIND_LABELS, TRAINING_KIND_LABELS } from '$lib/i18n/labels-trainings';
import { m } from '$lib/paraglide/messages';
import { getDb, type Db } from '../db';
import { localizedName } from '../db/localized';
import { authorize } from '../auth/guard';
import { regionFilter, type Actor, type Permission } from '../auth/permissions';
import { listElections } from '../elections/queries';
import { networkView } from '../network/graph';
import { NETWORK_QUERY_ARRAYS, networkFilter, networkQuerySchema } from '../network/schema';
import { listOrganizations } from '../organizations/queries';
import { organizationListSchema } from '../organizations/schema';
import { listPeople, peopleQuerySchema } from '../people/queries';
import { listTrainings } from '../trainings/queries';
import { trainingListSchema } from '../trainings/schema';
import { exportFile, exportQuery, filtersOf, logExport, type ExportFormat } from './files';
import { calendarDate } from './xlsx';

// Each list's export: exactly the list on screen — its own query with the filters and order of the URL,
// every page of it, in the reader's regions — and one set of columns for both the CSV and the XLSX.

export interface ListExport<S extends z.ZodType, R> {
	/** The audit log's entity, and the file's name unless `fileName` says otherwise. */
	entity: string;
	fileName?: string;
	/** Reading the list on screen; exporting it takes 'export:run' besides. */
	read: Permission;
	/** The sheet's name in the workbook. */
	title: () => string;
	/** The list page's own query schema, and its parameters that repeat. */
	schema: S;
	arrays?: string[];
	rows: (db: Db, query: z.output<S>, actor: Actor, locale: Locale) => Promise<R[]>;
	columns: () => CsvColumn<R>[];
}

const defineList = <S extends z.ZodType, R>(list: ListExport<S, R>) => list;

/**
 * Every page of a list the screen shows page by page, in its order: the list's own query, page after
 * page, so that filters and order cannot drift from the screen's.
 */
async function everyPage<R>(page: (n: number) => Promise<{ rows: R[]; total: number; pageSize: number }>): Promise<R[]> {
	const first = await page(1);
	const rows = [...first.rows];
	for (let n = 2; n <= Math.ceil(first.total / first.pageSize); n++) rows.push(...(await page(n)).rows);
	return rows;
}

export const PEOPLE_EXPORT = defineList({
	entity: 'people',
	read: 'records:read',
	title: m.people_title,
	schema: peopleQuerySchema,
	rows: async (db, query, actor, locale) => (await listPeople(db, query, regionFilter(actor, 'records:read'), locale, { all: true })).rows,
	columns: () => [
		{ header: m.col_name(), value: (r) => r.full_name },
		{ header: m.field_name_latin(), value: (r) => r.name_latin },
		{ header: m.col_region(), value: (r) => r.region },
		{ header: m.col_background(), value: (r) => (r.background ? BACKGROUND_LABELS[r.background]() : null) },
		{ header: m.fact_born(), value: (r) => r.birth_year },
		{ header: m.col_candidacies(), value: (r) => r.candidacies },
		{ header: m.col_elected(), value: (r) => r.elected }
	]
});

// Organizations are shared by every region: no region scope.
export const ORGANIZATIONS_EXPORT = defineList({
	entity: 'organizations',
	read: 'records:read',
	title: m.org_list_title,
	schema: organizationListSchema,
	rows: (db, query, _actor, locale) => everyPage((page) => listOrganizations(db, { ...query, page }, locale)),
	columns: () => [
		{ header: m.org_field_name(), value: (o) => o.name },
		{ header: m.org_field_short_name(), value: (o) => o.short_name },
		{ header: m.export_col_other_names(), value: (o) => o.other_names?.join('; ') },
		{ header: m.org_field_kind(), value: (o) => ORGANIZATION_KIND_LABELS[o.kind]() },
		{ header: m.training_field_region(), value: (o) => o.region },
		{ header: m.org_col_members(), value: (o) => o.members ?? 0 }
	]
});

export const TRAININGS_EXPORT = defineList({
	entity: 'trainings',
	read: 'records:read',
	title: m.training_list_title,
	schema: trainingListSchema,
	rows: (db, query, actor, locale) => everyPage((page) => listTrainings(db, { ...query, page }, regionFilter(actor, 'records:read'), locale)),
	columns: () => [
		{ header: m.training_field_title(), value: (t) => t.title },
		{ header: m.training_field_kind(), value: (t) => TRAINING_KIND_LABELS[t.kind]() },
		{ header: m.training_field_start_date(), value: (t) => calendarDate(t.start_date) },
		{ header: m.training_field_end_date(), value: (t) => calendarDate(t.end_date) },
		{ header: m.training_field_region(), value: (t) => t.region },
		{ header: m.training_field_organizer(), value: (t) => t.organizer },
		{ header: m.training_col_participants(), value: (t) => t.participants ?? 0 },
		{ header: m.training_col_completed(), value: (t) => t.completed ?? 0 },
		{ header: m.training_col_facilitators(), value: (t) => t.facilitators }
	]
});

// The elections list has no filters; a limited organizer's candidacy counts keep to her regions.
export const ELECTIONS_EXPORT = defineList({
	entity: 'elections',
	read: 'records:read',
	title: m.election_list_title,
	schema: z.object({}),
	rows: (db, _query, actor, locale) => listElections(db, regionFilter(actor, 'records:read'), locale),
	columns: () => [
		{ header: m.election_col_name(), value: (e) => e.name },
		{ header: m.election_field_date(), value: (e) => calendarDate(e.date) },
		{ header: m.election_field_level(), value: (e) => ELECTION_LEVEL_LABELS[e.level]() },
		{ header: m.election_field_kind(), value: (e) => ELECTION_KIND_LABELS[e.kind]() },
		{ header: m.election_col_contests(), value: (e) => e.contests },
		{ header: m.election_col_candidacies(), value: (e) => e.candidacies }
	]
});

/** Everyone in the network on screen (same filters), ranked as in the top-connectors table, with the same figures. */
export const NETWORK_EXPORT = defineList({
	entity: 'network',
	fileName: 'network-connectors',
	read: 'network:read',
	title: m.network_title,
	schema: networkQuerySchema,
	arrays: NETWORK_QUERY_ARRAYS,
	rows: async (db, query, actor, locale) => {
		const [view, regions] = await Promise.all([
			networkView(db, networkFilter(query), regionFilter(actor, 'records:read')),
			db.selectFrom('regions').select(['id', localizedName('regions', locale).as('name')]).execute()
		]);
		const regionName = new Map(regions.map((r) => [r.id, r.name]));
		return view.ranking.map((p, i) => ({ ...p, rank: i + 1, region: p.regionId === null ? null : regionName.get(p.regionId) }));
	},
	columns: () => [
		{ header: m.network_col_rank(), value: (p) => p.rank },
		{ header: m.col_name(), value: (p) => p.fullName },
		{ header: m.col_region(), value: (p) => p.region },
		{ header: m.col_outcome(), value: (p) => NETWORK_OUTCOME_LABELS[p.outcome]() },
		{ header: m.network_col_degree(), value: (p) => p.degree },
		{ header: m.network_col_betweenness(), value: (p) => Math.round(p.betweenness * 100) / 100 },
		{ header: m.network_col_reach(), value: (p) => p.reach },
		{ header: m.network_col_community(), value: (p) => p.community },
		{ header: m.network_col_component(), value: (p) => p.component }
	]
});

/**
 * A list's export as the reader receives it, logged. The caller has checked the permissions; `actor`
 * sets the region scope. A wrong query value is a 400 naming its parameter.
 */
export async function exportList<S extends z.ZodType, R>(
	db: Db,
	actor: Actor,
	ip: string | null,
	list: ListExport<S, R>,
	params: URLSearchParams,
	format: ExportFormat,
	locale: Locale
): Promise<Response> {
	const query = exportQuery(list.schema, params, list.arrays);
	const rows = await list.rows(db, query, actor, locale);
	const response = await exportFile(format, [{ name: list.title(), rows, columns: list.columns() }], list.fileName ?? list.entity);
	await logExport(db, { actor, ip }, { entity: list.entity, format, rows: rows.length, filters: filtersOf(query as Record<string, unknown>) });
	return response;
}

/** The endpoint of a list's export: the list's own read permission, and 'export:run' (admins, organizers). */
export async function listExportEndpoint<S extends z.ZodType, R>(event: RequestEvent, list: ListExport<S, R>, format: ExportFormat): Promise<Response> {
	await authorize(event, list.read);
	const actor = await authorize(event, 'export:run');
	return exportList(getDb(), actor, event.locals.ip, list, event.url.searchParams, format, event.locals.locale);
}
