// The first step of an import: bytes of an uploaded file → a header row and data rows of strings.
// Which reader runs is decided by the content (an .xlsx is a zip; a CSV may be named .txt or .xls),
// and the text encoding is recognised, because files here come from Excel in Russian Windows
// (Windows-1251), from Google Sheets (UTF-8), and from "Unicode text" exports (UTF-16).

import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { detectSeparator, parseDelimited, trimSheet, type Separator } from '../../domain/import/parse';

export const MAX_IMPORT_BYTES = 25 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 100_000;

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1251';
export type SpreadsheetErrorCode = 'too_large' | 'empty' | 'not_spreadsheet' | 'old_excel' | 'too_many_rows' | 'unreadable';

/** A file the import refuses; the code is for the UI's message, the message for logs. */
export class SpreadsheetError extends Error {
	constructor(
		readonly code: SpreadsheetErrorCode,
		message: string
	) {
		super(message);
		this.name = 'SpreadsheetError';
	}
}

const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((b, i) => bytes[i] === b);

/** How many bytes the UTF-16 guess looks at. */
const ZERO_SAMPLE = 4096;

/**
 * UTF-16 without a byte-order mark, recognised by its zero bytes: the separators, digits and line
 * ends of a table are ASCII, whose UTF-16 code units have a zero high byte (odd offsets in LE, even
 * in BE); Cyrillic code units (04xx) have none. A binary file, or text with a stray NUL, does not
 * show that pattern: zeros at both offsets, or too few to be a table's separators.
 */
function utf16ByZeros(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
	let even = 0;
	let odd = 0;
	const end = Math.min(bytes.length, ZERO_SAMPLE);
	for (let i = 0; i < end; i++) if (bytes[i] === 0) i % 2 ? odd++ : even++;
	const units = end / 2;
	const pattern = (high: number, low: number) => high >= units / 50 && low * 20 <= high;
	if (pattern(odd, even)) return 'utf-16le';
	if (pattern(even, odd)) return 'utf-16be';
	return null;
}

function decodeWith(bytes: Uint8Array, encoding: Exclude<TextEncoding, 'utf-8'>): string {
	return iconv.decode(bytes, encoding, { stripBOM: false });
}

/** UTF-8 (with or without BOM), UTF-16 LE/BE (with BOM, or without BOM recognised by the pattern of zero bytes), else Windows-1251 when the bytes are not valid UTF-8. The BOM is not part of the text. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
	if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
		return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(3)), encoding: 'utf-8' };
	}
	if (startsWith(bytes, [0xff, 0xfe])) return { text: decodeWith(bytes.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
	if (startsWith(bytes, [0xfe, 0xff])) return { text: decodeWith(bytes.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
	const utf16 = utf16ByZeros(bytes);
	if (utf16) return { text: decodeWith(bytes, utf16), encoding: utf16 };
	try {
		return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), encoding: 'utf-8' };
	} catch {
		// Not UTF-8: in this region that is Excel's "CSV" from a Russian Windows.
		return { text: decodeWith(bytes, 'windows-1251'), encoding: 'windows-1251' };
	}
}

export interface Sheet {
	format: 'csv' | 'xlsx';
	encoding: TextEncoding | null; // null for xlsx
	separator: Separator | null; // null for xlsx
	headers: string[]; // the first non-blank row, cells trimmed
	rows: string[][]; // the data rows after it, every row exactly headers.length cells, every cell a string
}

export interface ImportLimits {
	maxBytes: number;
	maxRows: number;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const BINARY_SIGNATURES = [
	[0x25, 0x50, 0x44, 0x46], // %PDF
	[0x89, 0x50, 0x4e, 0x47], // PNG
	[0xff, 0xd8, 0xff], // JPEG
	[0x47, 0x49, 0x46, 0x38], // GIF8
	[0x52, 0x61, 0x72, 0x21], // Rar!
	[0x1f, 0x8b] // gzip
];
// Control characters no spreadsheet text holds (tab, line ends, form feed, vertical tab and the old
// DOS end-of-file mark 1A are left alone).
const BINARY_TEXT = /[\u0000-\u0008\u000e-\u0019\u001b-\u001f]/;
// "Excel" files that web systems export are often an HTML table or SpreadsheetML 2003 XML named .xls.
const MARKUP = /^\s*<(?:!doctype|html|table|\?xml)/i;

/** Reads a CSV/TSV/TXT or XLSX file (decided by its content — the zip signature of xlsx — not only its name); refuses with a SpreadsheetError. */
export async function readSpreadsheet(
	bytes: Uint8Array,
	fileName: string,
	limits: ImportLimits = { maxBytes: MAX_IMPORT_BYTES, maxRows: MAX_IMPORT_ROWS }
): Promise<Sheet> {
	if (bytes.length > limits.maxBytes) {
		throw new SpreadsheetError('too_large', `The file is larger than ${limits.maxBytes} bytes.`);
	}
	if (bytes.length === 0) throw new SpreadsheetError('empty', 'The file is empty.');
	const oldExcel = new SpreadsheetError('old_excel', 'This is an old Excel file (.xls): save it as .xlsx or .csv and import that.');
	if (startsWith(bytes, OLE)) throw oldExcel;
	if (startsWith(bytes, ZIP)) return toSheet(await readXlsx(bytes), 'xlsx', null, null, limits);
	if (BINARY_SIGNATURES.some((signature) => startsWith(bytes, signature))) throw notSpreadsheet();

	const { text, encoding } = decodeText(bytes);
	if (text.includes('\u0000') || BINARY_TEXT.test(text.slice(0, 65_536))) throw notSpreadsheet();
	if (MARKUP.test(text.slice(0, 1024))) throw /\.xls$/i.test(fileName) ? oldExcel : notSpreadsheet();
	const separator = detectSeparator(text);
	return toSheet(parseDelimited(text, separator), 'csv', encoding, separator, limits);
}

function notSpreadsheet(detail = 'This file is not a spreadsheet (CSV or XLSX).'): SpreadsheetError {
	return new SpreadsheetError('not_spreadsheet', detail);
}

function toSheet(
	cells: string[][],
	format: Sheet['format'],
	encoding: TextEncoding | null,
	separator: Separator | null,
	limits: ImportLimits
): Sheet {
	const [header, ...data] = trimSheet(cells);
	if (!header) throw new SpreadsheetError('empty', 'The file has no rows.');
	if (data.length > limits.maxRows) {
		throw new SpreadsheetError('too_many_rows', `The file has ${data.length} rows; at most ${limits.maxRows} can be imported at once.`);
	}
	// trimSheet leaves rows ragged; columns reach as far as the widest row, so no data is cut.
	const width = data.reduce((widest, row) => Math.max(widest, row.length), header.length);
	const fit = (row: string[]) => (row.length === width ? row : [...row, ...Array<string>(width - row.length).fill('')]);
	return { format, encoding, separator, headers: fit(header).map((cell) => cell.trim()), rows: data.map(fit) };
}

// ——— XLSX ———

/** Every zip member's name is stored in plain bytes; a workbook has this one. */
const WORKBOOK_PART = new TextEncoder().encode('xl/workbook.xml');

function containsBytes(haystack: Uint8Array, needle: Uint8Array): boolean {
	const buffer = Buffer.from(haystack.buffer, haystack.byteOffset, haystack.byteLength);
	return buffer.indexOf(needle) !== -1;
}

async function readXlsx(bytes: Uint8Array): Promise<string[][]> {
	// A .docx, an .ods or an archive of photos is a zip too, but not something exceljs should open.
	if (!containsBytes(bytes, WORKBOOK_PART)) throw notSpreadsheet('This zip file is not an Excel workbook (.xlsx).');
	const workbook = new ExcelJS.Workbook();
	try {
		// exceljs takes a Node Buffer (its types say ArrayBuffer); a view over the same memory avoids a copy.
		await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
	} catch (e) {
		throw new SpreadsheetError('unreadable', `The workbook could not be opened: ${e instanceof Error ? e.message : String(e)}`);
	}
	const sheet = workbook.worksheets[0];
	if (!sheet) return [];
	const rows: string[][] = [];
	for (let r = 1; r <= sheet.rowCount; r++) {
		const row = sheet.getRow(r);
		const cells: string[] = [];
		for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c)));
		rows.push(cells);
	}
	return rows;
}

/** A cell as a person reads it in Excel; a merged range keeps its value in its first cell only. */
function cellText(cell: ExcelJS.Cell): string {
	if (cell.type === ExcelJS.ValueType.Merge) return '';
	return valueText(cell.value);
}

function valueText(value: ExcelJS.CellValue): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'string') return value;
	if (typeof value === 'number') return numberText(value);
	if (typeof value === 'boolean') return String(value);
	if (value instanceof Date) return dateText(value);
	if ('richText' in value) return value.richText.map((run) => run.text).join('');
	if ('hyperlink' in value) return valueText(value.text as ExcelJS.CellValue); // text may be rich text
	if ('formula' in value || 'sharedFormula' in value) return valueText(value.result);
	return ''; // an error such as #N/A: no value to import
}

/** Excel's 15 significant digits, written out in full: no exponent, no 0.30000000000000004. */
function numberText(n: number): string {
	if (Number.isSafeInteger(n)) return String(n === 0 ? 0 : n);
	if (!Number.isFinite(n)) return '';
	const [mantissa, exponentText] = n.toPrecision(15).split('e');
	const negative = mantissa.startsWith('-');
	const [whole, fraction = ''] = mantissa.replace('-', '').split('.');
	const exponent = Number(exponentText ?? 0);
	// Move the decimal point `exponent` places within the digits, padding with zeros as needed.
	const digits = whole + fraction;
	const point = whole.length + exponent;
	const padded = point <= 0 ? '0'.repeat(1 - point) + digits : digits.padEnd(point, '0');
	const at = Math.max(point, 1);
	const intPart = padded.slice(0, at).replace(/^0+(?=\d)/, '');
	const fracPart = padded.slice(at).replace(/0+$/, '');
	const text = fracPart ? `${intPart}.${fracPart}` : intPart;
	return negative && text !== '0' ? `-${text}` : text;
}

/** exceljs gives dates as UTC instants; a time shows only when the cell has one (to the minute). */
function dateText(date: Date): string {
	const minutes = Math.round(date.getTime() / 60_000);
	if (Number.isNaN(minutes)) return '';
	const iso = new Date(minutes * 60_000).toISOString(); // 2012-03-23T10:30:00.000Z
	return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}
