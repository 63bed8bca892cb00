import { error } from '@sveltejs/kit';
import type { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import type { Db } from '../db';
import { audit, type AuditContext } from '../audit/log';
import { validateQuery } from '../forms';
import { csvResponse, toCsv } from './csv';
import { toXlsx, xlsxResponse, type Sheet } from './xlsx';

// What every export shares, lists and impact tables alike: the query checked by the page's own schema,
// the file written in the format asked for, and an entry in the audit log.

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** 400 naming the query parameter whose value is wrong (an export never falls back to another view). */
export function badQuery(field: string, message: string): never {
	error(400, m.export_bad_query({ field, message }));
}

/**
 * The query of an export through the schema of the page it comes from. A wrong value is refused, not
 * dropped as the page drops it: a file must not hold other rows than the reader asked for. An empty
 * value is no value (a GET form sends "status=" for a filter left at "all").
 */
export function exportQuery<S extends z.ZodType>(schema: S, params: URLSearchParams, arrays?: string[]): z.output<S> {
	const given = new URLSearchParams([...params].filter(([, value]) => value.trim() !== ''));
	const { data, errors } = validateQuery(schema, given, { arrays });
	const [field] = Object.keys(errors);
	if (field !== undefined) badQuery(field, errors[field]);
	return data;
}

/** The filters of a query as the audit log keeps them: those set, without the page number. */
export function filtersOf(query: Record<string, unknown>): Record<string, unknown> {
	const set = (v: unknown) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0);
	return Object.fromEntries(Object.entries(query).filter(([key, value]) => key !== 'page' && set(value)));
}

export interface ExportLog {
	entity: string;
	format: ExportFormat;
	rows: number;
	filters: Record<string, unknown>;
	/** Anything else worth keeping (the impact table chosen, how many tables). */
	details?: Record<string, unknown>;
}

/** Every export leaves an audit entry: what was exported, in which format, how many rows, with which filters. */
export async function logExport(db: Db, context: AuditContext, log: ExportLog): Promise<void> {
	await audit(db, context, { action: 'export', entity: log.entity, details: { format: log.format, rows: log.rows, filters: log.filters, ...log.details } });
}

/** The file itself: a CSV holds the first table (an export of one table), a workbook every one of them. */
export async function exportFile<T>(format: ExportFormat, sheets: Sheet<T>[], baseName: string): Promise<Response> {
	if (format === 'xlsx') return xlsxResponse(await toXlsx(sheets), `${baseName}.xlsx`);
	const [sheet] = sheets;
	return csvResponse(toCsv(sheet.rows, sheet.columns), `${baseName}.csv`);
}
