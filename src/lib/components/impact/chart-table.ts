import { toCsv, type CsvColumn } from '$lib/domain/csv';
import { formatNumber } from '$lib/i18n/format';
import type { Locale } from '$lib/i18n/locale';

/**
 * The numbers behind a chart, as one table that the page shows and the CSV download writes. A cell is
 * text (a label, or "<5" for a suppressed count), a number (a count, or a percentage already in
 * percent: the column's heading says "%"), or null (nothing to show: no data, or a rate hidden
 * because it rests on a small count).
 */
export type Cell = string | number | null;

export interface ChartTable {
	columns: string[];
	/** How many leading columns are labels rather than figures (1 unless said). */
	labelColumns?: number;
	/** Label columns holding data shown as written (names of regions, parties, trainings), not interface text. */
	dataColumns?: number[];
	rows: { key: string; cells: Cell[] }[];
}

/** What an empty cell shows in the table (the CSV leaves it empty). */
export const NO_VALUE = '—';

/** A cell as the table shows it, in the interface language: 1,234 · 12.5 · <5 · — */
export function cellText(cell: Cell, locale?: Locale): string {
	if (cell === null) return NO_VALUE;
	return typeof cell === 'number' ? formatNumber(cell, locale) : cell;
}

/** A cell as the CSV writes it: numbers plain (1234, 12.5) whatever the language, so spreadsheets read them. */
export function cellCsv(cell: Cell): string {
	return cell === null ? '' : String(cell);
}

/** The table's columns for a file: each cell as it is (the CSV writes numbers plain, as cellCsv; XLSX keeps them numbers). */
export function tableColumns(table: ChartTable): CsvColumn<ChartTable['rows'][number]>[] {
	return table.columns.map((header, i) => ({ header, value: (row) => row.cells[i] ?? null }));
}

/** The table as CSV (UTF-8 with BOM, CRLF), the same rows and columns as on the page. */
export function tableCsv(table: ChartTable): string {
	return toCsv(table.rows, tableColumns(table));
}

/** A share (0.1234) as the number a "%" column shows: 12.3 (one decimal); null stays null. */
export function percentCell(share: number | null | undefined): number | null {
	return share === null || share === undefined ? null : Math.round(share * 1000) / 10;
}
