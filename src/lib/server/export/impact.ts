import type { RequestEvent } from '@sveltejs/kit';
import { impactCharts, type ChartSpec } from '$lib/components/impact/dashboard-charts';
import { tableColumns, type ChartTable } from '$lib/components/impact/chart-table';
import { activeFilters } from '$lib/components/impact/filters';
import { formatDateTime } from '$lib/i18n/format';
import { m } from '$lib/paraglide/messages';
import { getDb, type Db } from '../db';
import type { AuditContext } from '../audit/log';
import { auditContext, authorize } from '../auth/guard';
import { impactPageData, type ImpactPageData } from '../impact/page';
import { badQuery, exportFile, filtersOf, logExport, type ExportFormat } from './files';
import { sheetName, type Sheet } from './xlsx';

// The impact dashboard's tables as files: the very tables its charts show (built by the same code, from
// the same dashboard — suppressed for funders and share links), one as CSV or all of them in a workbook
// after a sheet saying what they are. They hold aggregates only: no person is named in any of them.

type Row = ChartTable['rows'][number];

const tableSheet = (name: string, table: ChartTable): Sheet<Row> => ({ name, rows: table.rows, columns: tableColumns(table) });

/** The first sheet: when the figures were made, for which filters, from what, and which sheet holds which chart. */
function aboutTable(data: ImpactPageData, charts: ChartSpec[], names: string[]): ChartTable {
	const filters = activeFilters(data.query, data.choices);
	const sources = [...new Set(charts.flatMap((c) => c.sources ?? []).map((s) => (s.url ? `${s.text} (${s.url})` : s.text)))];
	const line = (key: string, label: string, value: string) => ({ key, cells: [label, value] });
	return {
		columns: [m.export_col_item(), m.export_col_value()],
		rows: [
			line('date', m.dash_report_date(), `${formatDateTime(data.generatedAt)} UTC`),
			line('filters', m.dash_report_filters(), filters.length ? filters.map((f) => `${f.label}: ${f.value}`).join('; ') : m.export_no_filters()),
			line('source', m.dash_report_source(), m.dash_report_source_text()),
			...(sources.length ? [line('sources', m.dash_sources(), sources.join('; '))] : []),
			...(data.funderView ? [line('suppression', m.export_small_numbers(), m.impact_suppression_note())] : []),
			...charts.map((chart, i) => line(`sheet-${chart.id}`, m.export_sheet_of({ sheet: names[i] }), chart.title))
		]
	};
}

/** The workbook's sheets: what the tables are, then one sheet per chart in the dashboard's order. */
export function impactSheets(data: ImpactPageData): Sheet<Row>[] {
	const charts = impactCharts(data).flatMap((section) => section.charts);
	// Named here, as the workbook will name them (Excel's limits), so that the first sheet can list them.
	const taken = new Set<string>();
	const about = sheetName(m.export_about_sheet(), taken);
	const names = charts.map((chart) => sheetName(chart.title, taken));
	return [tableSheet(about, aboutTable(data, charts, names)), ...charts.map((chart, i) => tableSheet(names[i], chart.table))];
}

/**
 * The dashboard's tables as the reader receives them, logged: as CSV the one chart `table` names (its
 * id, as the page's charts carry it), as XLSX all of them.
 */
export async function exportImpact(db: Db, context: AuditContext, data: ImpactPageData, table: string | null, format: ExportFormat): Promise<Response> {
	const filters = filtersOf(data.query);
	if (format === 'xlsx') {
		const sheets = impactSheets(data);
		const response = await exportFile('xlsx', sheets, 'impact');
		const rows = sheets.slice(1).reduce((sum, s) => sum + s.rows.length, 0);
		await logExport(db, context, { entity: 'impact', format, rows, filters, details: { tables: sheets.length - 1 } });
		return response;
	}
	const chart = impactCharts(data)
		.flatMap((section) => section.charts)
		.find((c) => c.id === table);
	if (!chart) badQuery('table', m.invalid_choice());
	const response = await exportFile('csv', [tableSheet(chart.title, chart.table)], `impact-${chart.id}`);
	await logExport(db, context, { entity: 'impact', format, rows: chart.table.rows.length, filters, details: { table: chart.id } });
	return response;
}

/** The endpoint: every impact reader, funders and share links too (their figures suppressed as on screen). */
export async function impactExportEndpoint(event: RequestEvent, format: ExportFormat): Promise<Response> {
	const actor = await authorize(event, 'impact:read');
	const data = await impactPageData(event, actor);
	const [field] = Object.keys(data.errors);
	if (field !== undefined) badQuery(field, data.errors[field]);
	return exportImpact(getDb(), auditContext(event), data, event.url.searchParams.get('table'), format);
}
