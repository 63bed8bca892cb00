// CSV that Excel opens correctly: UTF-8 with a byte-order mark (so Cyrillic is not garbled), CRLF,
// every field quoted when needed, and cells that a spreadsheet would run as a formula defused.
// Pure, so that the server's exports and the charts' downloads in the browser write the same CSV.

const BOM = '\uFEFF';

function cell(value: unknown): string {
	if (value === null || value === undefined) return '';
	let text = value instanceof Date ? value.toISOString() : String(value);
	// =, +, -, @ (and tab/CR) at the start make Excel evaluate the cell: prefix an apostrophe (OWASP).
	if (/^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text)) text = `'${text}`;
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export interface CsvColumn<T> {
	header: string;
	value: (row: T) => unknown;
}

export function toCsv<T>(rows: T[], columns: CsvColumn<T>[]): string {
	const lines = [columns.map((c) => cell(c.header)).join(',')];
	for (const row of rows) lines.push(columns.map((c) => cell(c.value(row))).join(','));
	return BOM + lines.join('\r\n') + '\r\n';
}
