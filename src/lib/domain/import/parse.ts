// Delimited text as people actually save it: Excel's "CSV (comma delimited)" in an English locale,
// "CSV (разделители — точка с запятой)" in a Russian one (decimal commas in the cells), tab-separated
// text pasted out of a spreadsheet, with quoted cells that hold separators, quotes and line breaks.
// Pure: the server reads files with it, and the browser may preview with it.

export type Separator = ',' | ';' | '\t';

const SEPARATORS: Separator[] = ['\t', ';', ','];
const QUOTE = 34; // "
const CR = 13;
const LF = 10;

/** How much the separator guess looks at: enough to see past a header, cheap on a 25 MB file. */
const SAMPLE_RECORDS = 50;
const SAMPLE_CHARS = 1 << 20;

/** For each candidate (in SEPARATORS' order), its count outside quotes on each non-empty record of the first lines. */
function separatorCounts(text: string): number[][] {
	const counts: number[][] = SEPARATORS.map(() => []);
	let line = SEPARATORS.map(() => 0);
	let lineIsEmpty = true;
	let inQuotes = false;
	const endLine = () => {
		if (!lineIsEmpty) line.forEach((n, k) => counts[k].push(n));
		line = SEPARATORS.map(() => 0);
		lineIsEmpty = true;
	};
	const end = Math.min(text.length, SAMPLE_CHARS);
	for (let i = 0; i < end && counts[0].length < SAMPLE_RECORDS; i++) {
		const ch = text[i];
		// A "" escape toggles twice, so toggling on every quote follows well-formed quoting exactly.
		if (ch === '"') inQuotes = !inQuotes;
		if (inQuotes) {
			lineIsEmpty = false;
		} else if (ch === '\n' || ch === '\r') {
			endLine();
		} else {
			lineIsEmpty = false;
			const k = SEPARATORS.indexOf(ch as Separator);
			if (k >= 0) line[k]++;
		}
	}
	endLine();
	return counts;
}

/** Comma, semicolon or tab: the one that splits the first lines (outside quotes) into the most consistent number of columns > 1; comma when nothing splits. */
export function detectSeparator(text: string): Separator {
	let best: { separator: Separator; consistent: number } | null = null;
	const counts = separatorCounts(text);
	for (const [k, separator] of SEPARATORS.entries()) {
		const perLine = counts[k];
		// The most frequent count wins for this candidate; how many lines share it is its consistency.
		const frequency = new Map<number, number>();
		for (const n of perLine) frequency.set(n, (frequency.get(n) ?? 0) + 1);
		let mode = 0;
		let consistent = 0;
		for (const [n, lines] of frequency) {
			if (lines > consistent || (lines === consistent && n > mode)) [mode, consistent] = [n, lines];
		}
		if (mode === 0) continue;
		// Ties go to tab, then semicolon, then comma (SEPARATORS' order): a semicolon file's cells often
		// hold decimal commas ("Сумма, сом;Доля\n12,5;0,3"), a comma file's cells rarely hold semicolons.
		if (!best || consistent > best.consistent) best = { separator, consistent };
	}
	return best?.separator ?? ',';
}

/** Where an unquoted stretch ends: at the separator, a line end, or the end of the text. */
function stretchEnd(text: string, from: number, separator: number): number {
	let i = from;
	for (; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === separator || c === LF || c === CR) break;
	}
	return i;
}

/** RFC 4180 and what Excel writes: quoted fields with "" escapes, separators and newlines inside quotes, CRLF / LF / CR line ends, a last line with or without a line end. */
export function parseDelimited(text: string, separator: Separator): string[][] {
	const rows: string[][] = [];
	if (text.length === 0) return rows;
	const sep = separator.charCodeAt(0);
	let row: string[] = [];
	let i = 0;
	for (;;) {
		let field = '';
		// A quote opens a quoted field only as a field's first character; elsewhere it is text (5" pipe).
		if (text.charCodeAt(i) === QUOTE) {
			let start = ++i;
			for (;;) {
				const quote = text.indexOf('"', i);
				if (quote === -1) {
					// Unterminated quote: the rest of the file is the field, as Excel reads it.
					field += text.slice(start);
					i = text.length;
					break;
				}
				if (text.charCodeAt(quote + 1) === QUOTE) {
					field += text.slice(start, quote + 1);
					i = start = quote + 2;
					continue;
				}
				field += text.slice(start, quote);
				i = quote + 1;
				break;
			}
		}
		// Text after a closing quote ("ab"cd) stays part of the field, as in Excel.
		const end = stretchEnd(text, i, sep);
		row.push(field + text.slice(i, end));
		i = end;
		if (i >= text.length) break;
		if (text.charCodeAt(i) === sep) {
			i++;
			continue;
		}
		i += text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
		rows.push(row);
		row = [];
		if (i >= text.length) return rows;
	}
	rows.push(row);
	return rows;
}

const isBlank = (cell: string) => cell.trim() === '';
const isBlankRow = (row: string[]) => row.every(isBlank);

/** Drops blank trailing rows and blank trailing columns (cells that are empty or whitespace), and blank rows at the top before the header. */
export function trimSheet(rows: string[][]): string[][] {
	let first = 0;
	while (first < rows.length && isBlankRow(rows[first])) first++;
	let last = rows.length;
	while (last > first && isBlankRow(rows[last - 1])) last--;
	const kept = rows.slice(first, last);
	let width = 0;
	for (const row of kept) {
		for (let c = row.length; c > width; c--) {
			if (!isBlank(row[c - 1])) {
				width = c;
				break;
			}
		}
	}
	return kept.map((row) => (row.length > width ? row.slice(0, width) : row));
}
