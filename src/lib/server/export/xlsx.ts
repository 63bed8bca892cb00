import ExcelJS from 'exceljs';
import type { CsvColumn } from '../../domain/csv';

// Workbooks for the exports, written from the same column definitions as the CSV, so that both files
// of a list hold the same columns and rows. Every value keeps its kind: numbers stay numbers, dates
// become date cells, and text is stored as text — never as a formula, whatever it starts with.

/**
 * A calendar date ('2012-11-25') in an export: a date cell in XLSX, and written as it is in CSV (which
 * turns it into text with String()). The database returns dates as such strings; a Date would be a moment.
 */
export class CalendarDate {
	constructor(readonly iso: string) {}
	toString(): string {
		return this.iso;
	}
}

/** A 'YYYY-MM-DD' column value as a CalendarDate (null stays null). */
export const calendarDate = (value: string | null | undefined): CalendarDate | null => (value ? new CalendarDate(value) : null);

export interface Sheet<T> {
	name: string;
	rows: T[];
	columns: CsvColumn<T>[];
}

const MIN_WIDTH = 8;
const MAX_WIDTH = 60;
/** Column widths are measured on the first rows only: enough to be sensible, cheap on 50,000 rows. */
const MEASURED_ROWS = 500;
const SHEET_NAME_LIMIT = 31;

/**
 * A sheet name Excel accepts: at most 31 characters, none of \ / ? * [ ] :, no apostrophe at either
 * end, not "History" (reserved), and unique in the workbook regardless of case ("Name (2)" otherwise).
 */
export function sheetName(wanted: string, taken: Set<string>): string {
	let base = wanted.replace(/[\\/?*[\]:]/g, ' ').replace(/\s+/g, ' ').trim().replace(/^'+|'+$/g, '').trim();
	if (!base || base.toLowerCase() === 'history') base = `Sheet ${taken.size + 1}`;
	let name = base.slice(0, SHEET_NAME_LIMIT).trim();
	for (let n = 2; taken.has(name.toLowerCase()); n++) {
		const suffix = ` (${n})`;
		name = base.slice(0, SHEET_NAME_LIMIT - suffix.length).trim() + suffix;
	}
	taken.add(name.toLowerCase());
	return name;
}

/** A value as the cell stores it: a number, a date, a boolean, or text (null for an empty cell). */
function cellValue(value: unknown): ExcelJS.CellValue {
	if (value === null || value === undefined) return null;
	if (typeof value === 'number') return Number.isFinite(value) ? value : null;
	if (typeof value === 'boolean') return value;
	if (value instanceof CalendarDate) return new Date(`${value.iso}T00:00:00Z`);
	if (value instanceof Date) return value;
	// A string is a string: exceljs writes formulas only from { formula } objects, so "=1+1" stays text.
	return String(value);
}

/** How wide a value is as text, for the column width. */
function textLength(value: ExcelJS.CellValue): number {
	if (value === null) return 0;
	if (value instanceof Date) return 16;
	return Math.max(...String(value).split('\n').map((line) => line.length));
}

function addSheet<T>(workbook: ExcelJS.Workbook, sheet: Sheet<T>, name: string): void {
	// The header row stays in view while scrolling.
	const worksheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
	const header = worksheet.addRow(sheet.columns.map((c) => c.header));
	header.font = { bold: true };
	const widths = sheet.columns.map((c) => c.header.length);
	sheet.rows.forEach((row, r) => {
		const values = sheet.columns.map((c) => cellValue(c.value(row)));
		const added = worksheet.addRow(values);
		values.forEach((value, i) => {
			if (value instanceof Date) {
				// A calendar date (midnight UTC) shows as a date; any other moment with its time (UTC).
				added.getCell(i + 1).numFmt = value.getTime() % 86_400_000 === 0 ? 'yyyy-mm-dd' : 'yyyy-mm-dd hh:mm';
			}
			if (r < MEASURED_ROWS) widths[i] = Math.max(widths[i], textLength(value));
		});
	});
	widths.forEach((width, i) => {
		worksheet.getColumn(i + 1).width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width + 2));
	});
	if (sheet.columns.length) worksheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
}

/** One workbook with a sheet per table, each headed by its bold, frozen header row. */
export async function toXlsx<T>(sheets: Sheet<T>[]): Promise<Uint8Array<ArrayBuffer>> {
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'Candidate Tracker';
	workbook.created = new Date();
	const taken = new Set<string>();
	for (const sheet of sheets) addSheet(workbook, sheet, sheetName(sheet.name, taken));
	return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function xlsxResponse(bytes: Uint8Array<ArrayBuffer>, fileName: string): Response {
	return new Response(bytes, {
		headers: {
			'content-type': XLSX_TYPE,
			'content-disposition': `attachment; filename="${fileName}"`,
			'cache-control': 'private, no-store'
		}
	});
}
