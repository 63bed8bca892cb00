// Cell values as people type them in Kyrgyzstan and around: dates as 23.03.2012 or as Excel serial
// numbers that lost their format, numbers with spaces or commas, "да"/"ооба"/"x" for yes. Each parser
// answers null for an empty cell and 'invalid' for text it cannot read; it never throws. Pure.

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isRealDate(year: number, month: number, day: number): boolean {
	if (year < 1 || month < 1 || month > 12 || day < 1) return false;
	const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
	return day <= DAYS_IN_MONTH[month - 1] + (month === 2 && leap ? 1 : 0);
}

function isoDate(year: number, month: number, day: number): string | 'invalid' {
	return isRealDate(year, month, day) ? `${pad(year, 4)}-${pad(month)}-${pad(day)}` : 'invalid';
}

const TIME = String.raw`(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?`;
const ISO_DATE = new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})${TIME}$`);
// 23.03.2012, 3.3.2012, 23/03/2012, 23-03-2012: day first, as everywhere in the region.
const DAY_FIRST_DATE = new RegExp(String.raw`^(\d{1,2})([./-])(\d{1,2})\2(\d{4})${TIME}$`);
const EXCEL_SERIAL = /^(\d{1,7})(?:\.\d+)?$/;
const LAST_EXCEL_SERIAL = 2958465; // 9999-12-31
const DAY_MS = 86_400_000;

/** An Excel serial day in the 1900 date system, which counts the non-existent 1900-02-29 as day 60. */
function excelSerialDate(serial: number): string | 'invalid' {
	if (serial < 1 || serial > LAST_EXCEL_SERIAL || serial === 60) return 'invalid';
	// Day 1 is 1900-01-01; from day 61 on, the phantom leap day shifts the epoch back by one.
	const epoch = serial < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
	const date = new Date(epoch + serial * DAY_MS);
	return isoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** 'YYYY-MM-DD' from ISO dates (with or without a time), day.month.year, day/month/year or day-month-year (one- or two-digit day and month, four-digit year) and Excel serial day numbers stored as text; null for an empty cell; 'invalid' for anything else, impossible dates (31.02.2012) and the phantom 1900-02-29 (serial 60) included. */
export function parseDateCell(value: string): string | null | 'invalid' {
	const text = value.trim();
	if (text === '') return null;
	let m = ISO_DATE.exec(text);
	if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
	m = DAY_FIRST_DATE.exec(text);
	if (m) return isoDate(Number(m[4]), Number(m[3]), Number(m[1]));
	m = EXCEL_SERIAL.exec(text);
	if (m) return excelSerialDate(Number(m[1]));
	return 'invalid';
}

// Digit groups of three, split by a space (Russian locale: often a no-break or narrow no-break space),
// by commas with a decimal point (English), or by dots with a decimal comma (German, sometimes Russian).
const SPACE_GROUPED = /^(\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+)(?:[.,](\d+))?$/;
const COMMA_GROUPED = /^(\d{1,3}(?:,\d{3})+)(?:\.(\d+))?$/;
const DOT_GROUPED = /^(\d{1,3}(?:\.\d{3})+)(?:,(\d+))?$/;
const PLAIN = /^(\d+)(?:[.,](\d+))?$/;
const ONE_GROUP = /^\d{1,3}[.,]\d{3}$/;

/**
 * The number in a cell, or 'invalid'. '1,234' and '1.234' are ambiguous: an integer column can only
 * mean one thousand two hundred and thirty-four; a number column reads them as decimals, because our
 * users' spreadsheets write 1,5 for one and a half far more often than 1,234 for a thousand.
 */
function parseDecimal(value: string, integer: boolean): number | null | 'invalid' {
	let text = value.trim();
	if (text === '') return null;
	if (!integer && text.endsWith('%')) text = text.slice(0, -1).trimEnd();
	const sign = /^[-\u2212]/.test(text) ? -1 : 1;
	if (/^[-+\u2212]/.test(text)) text = text.slice(1);
	const grouped = integer || !ONE_GROUP.test(text);
	const m =
		(grouped && (SPACE_GROUPED.exec(text) ?? COMMA_GROUPED.exec(text) ?? DOT_GROUPED.exec(text))) ||
		PLAIN.exec(text);
	if (!m) return 'invalid';
	const whole = m[1].replace(/\D/g, '');
	const fraction = m[2] ?? '';
	if (integer && /[^0]/.test(fraction)) return 'invalid';
	const number = sign * Number(integer ? whole : `${whole}.${fraction || '0'}`);
	if (integer ? !Number.isSafeInteger(number) : !Number.isFinite(number)) return 'invalid';
	return number === 0 ? 0 : number; // never -0
}

/** A whole number: '1234', '1 234' (also with a no-break space), '1,234', '1234.0', '1234,0', ' 12 ', '-5'. */
export function parseIntegerCell(value: string): number | null | 'invalid' {
	return parseDecimal(value, true);
}

/** A number, decimals included: '12,5' (decimal comma), '1 234,5', '1,234.5', '12.5', '12.5%' (→ 12.5). */
export function parseNumberCell(value: string): number | null | 'invalid' {
	return parseDecimal(value, false);
}

// Excel in a Russian locale writes ИСТИНА/ЛОЖЬ into CSV; a Russian keyboard types the mark "x" as х.
const TRUE_WORDS = new Set(['yes', 'y', 'true', '1', 'x', 'х', '+', '✓', '✔', 'да', 'ооба', 'истина']);
const FALSE_WORDS = new Set(['no', 'n', 'false', '0', '-', '\u2212', 'нет', 'жок', 'ложь']);

/** yes/no, y/n, true/false, 1/0, x (true), да/нет, ооба/жок, + (true) / - (false); case-insensitive, trimmed. */
export function parseBooleanCell(value: string): boolean | null | 'invalid' {
	const word = value.trim().toLowerCase();
	if (word === '') return null;
	if (TRUE_WORDS.has(word)) return true;
	if (FALSE_WORDS.has(word)) return false;
	return 'invalid';
}
