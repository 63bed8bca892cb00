import ExcelJS from 'exceljs';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/lib/domain/csv';
import {
	decodeText,
	MAX_IMPORT_ROWS,
	readSpreadsheet,
	SpreadsheetError,
	type SpreadsheetErrorCode,
	type TextEncoding
} from '../../src/lib/server/import/read';
import { layout, serialise, storedZip, table, withoutTrailingBlankRows, writtenHeader } from '../fixtures/import/tables';

/** How a test writes text: the encoding the reader should report, and the bytes. */
const ENCODINGS: { name: string; expected: TextEncoding; encode: (text: string) => Uint8Array }[] = [
	{ name: 'UTF-8', expected: 'utf-8', encode: (text) => iconv.encode(text, 'utf-8') },
	{ name: 'UTF-8 with BOM', expected: 'utf-8', encode: (text) => iconv.encode(text, 'utf-8', { addBOM: true }) },
	{ name: 'UTF-16LE with BOM', expected: 'utf-16le', encode: (text) => iconv.encode(text, 'utf-16le', { addBOM: true }) },
	{ name: 'UTF-16BE with BOM', expected: 'utf-16be', encode: (text) => iconv.encode(text, 'utf-16be', { addBOM: true }) },
	{ name: 'UTF-16LE without BOM', expected: 'utf-16le', encode: (text) => iconv.encode(text, 'utf-16le') },
	{ name: 'Windows-1251', expected: 'windows-1251', encode: (text) => iconv.encode(text, 'windows-1251') }
];

async function refusal(bytes: Uint8Array, fileName = 'x.csv', limits?: { maxBytes: number; maxRows: number }) {
	try {
		await readSpreadsheet(bytes, fileName, limits);
	} catch (e) {
		if (e instanceof SpreadsheetError) return { code: e.code, message: e.message };
		throw e;
	}
	throw new Error('the file was read, not refused');
}

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('text encodings', () => {
	for (const { name, expected, encode } of ENCODINGS) {
		it(`reads any table written in ${name}, and says which encoding and separator it found`, async () => {
			const alphabet = expected === 'windows-1251' ? 'windows-1251' : 'unicode';
			await fc.assert(
				fc.asyncProperty(table(alphabet), layout, async (generated, how) => {
					const text = serialise(generated, how);
					// Text that is all ASCII is the same in Windows-1251 and UTF-8; the reader calls it UTF-8.
					const ascii = !/[^\u0000-\u007f]/.test(text);
					const sheet = await readSpreadsheet(encode(text), 'x.csv');
					expect(sheet).toEqual({
						format: 'csv',
						encoding: expected === 'windows-1251' && ascii ? 'utf-8' : expected,
						separator: how.separator,
						headers: writtenHeader(generated, how).map((cell) => cell.trim()),
						rows: withoutTrailingBlankRows(generated.rows)
					});
				}),
				{ numRuns: 150 }
			);
		});
	}

	it('reads a real Windows-1251 file with ё, №, « » and a no-break space', () => {
		const text = 'ФИО;Заметка\r\nЁлкина;«№ 5»\u00a0— да\r\n';
		expect(decodeText(iconv.encode(text, 'windows-1251'))).toEqual({ text, encoding: 'windows-1251' });
	});

	it('recognises UTF-16 without a byte-order mark in either byte order, but not UTF-8 with a stray NUL', () => {
		const text = 'Аты-жөнү;Жылы\r\nАйгүл;1990\r\n';
		expect(decodeText(iconv.encode(text, 'utf-16le'))).toEqual({ text, encoding: 'utf-16le' });
		expect(decodeText(iconv.encode(text, 'utf-16be'))).toEqual({ text, encoding: 'utf-16be' });
		const long = iconv.encode(`${'Айгүл;1990\r\n'.repeat(40)}\u0000x`, 'utf-8');
		expect(decodeText(long).encoding).toBe('utf-8');
	});

	it('does not keep the byte-order mark as part of the first header', () => {
		const decoded = decodeText(iconv.encode('Аты,Жылы', 'utf-8', { addBOM: true }));
		expect(decoded.text).toBe('Аты,Жылы');
	});
});

describe('round trip through the app’s own CSV export', () => {
	// toCsv defuses cells a spreadsheet would run (= + - @ tab CR at the start, numbers aside) by an
	// apostrophe. The reader gives cells back as written, so those come back with the apostrophe, as
	// Excel shows them; removing it is left to whoever maps the columns.
	const defused = (text: string) => (/^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text) ? `'${text}` : text);
	// Our exports' headers are column names, without separators or surrounding spaces.
	const header = fc.constantFrom('ФИО', 'Аты-жөнү', 'Телефон', 'Region', 'Жынысы', 'Дата рождения', 'Эскертүү');

	it('reads back every cell of any table that toCsv wrote', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.uniqueArray(header, { minLength: 2, maxLength: 5 }).chain((headers) =>
					fc.tuple(fc.constant(headers), table().map((t) => t.rows.map((row) => headers.map((_, i) => row[i] ?? ''))))
				),
				async ([headers, rows]) => {
					const csv = toCsv(
						rows,
						headers.map((h, i) => ({ header: h, value: (row: string[]) => row[i] }))
					);
					const sheet = await readSpreadsheet(utf8(csv), 'export.csv');
					expect(sheet.encoding).toBe('utf-8');
					expect(sheet.separator).toBe(',');
					expect(sheet.headers).toEqual(headers);
					expect(sheet.rows).toEqual(withoutTrailingBlankRows(rows.map((row) => row.map(defused))));
				}
			),
			{ numRuns: 200 }
		);
	});

	it('keeps the apostrophe of a defused phone number and formula', async () => {
		const csv = toCsv([{ phone: '+996 555 123 456', note: '=1+1' }], [
			{ header: 'Телефон', value: (r: { phone: string; note: string }) => r.phone },
			{ header: 'Эскертүү', value: (r: { phone: string; note: string }) => r.note }
		]);
		expect((await readSpreadsheet(utf8(csv), 'x.csv')).rows).toEqual([["'+996 555 123 456", "'=1+1"]]);
	});
});

describe('the shape of a sheet', () => {
	it('trims the headers, skips blank rows above them, and makes every row as wide as the widest', async () => {
		const sheet = await readSpreadsheet(utf8('\r\n;;\r\n ФИО ; Год\r\nАйгүл ;1990;лишнее\r\nБакыт\r\n;\r\n'), 'x.txt');
		expect(sheet.headers).toEqual(['ФИО', 'Год', '']);
		expect(sheet.rows).toEqual([
			['Айгүл ', '1990', 'лишнее'],
			['Бакыт', '', '']
		]);
	});

	it('reads delimited text even when the file is named .xlsx or .xls', async () => {
		const sheet = await readSpreadsheet(utf8('a\tb\n1\t2\n'), 'report.xls');
		expect(sheet).toMatchObject({ format: 'csv', separator: '\t', headers: ['a', 'b'], rows: [['1', '2']] });
	});
});

/** A workbook built with exceljs the way people fill spreadsheets in, as the bytes of an .xlsx. */
async function sampleWorkbook(): Promise<Uint8Array> {
	const workbook = new ExcelJS.Workbook();
	const sheet = workbook.addWorksheet('Катышуучулар');
	workbook.addWorksheet('Second').addRow(['not read']);
	sheet.addRow(['  Аты-жөнү ', 'Сан', 'Күнү', 'Ооба/жок', 'Формула', 'Бай текст', 'Шилтеме', 'Ката']);
	sheet.addRow([
		'Осмонова Айгүл',
		1234,
		new Date(Date.UTC(2012, 2, 23)),
		true,
		{ formula: 'B2*2', result: 2468 },
		{ richText: [{ text: 'Ош ' }, { text: 'шаары', font: { bold: true } }] },
		{ text: 'сайт', hyperlink: 'https://example.org' },
		{ error: '#N/A' }
	]);
	sheet.addRow([
		'Бакыт',
		0.1 + 0.2,
		new Date(Date.UTC(2012, 2, 23, 10, 30)),
		false,
		{ formula: 'A3&"!"', result: 'Бакыт!' },
		-0.5,
		1e21,
		1e-7
	]);
	sheet.addRow(['бириктирилген']);
	sheet.mergeCells('A4:C4');
	sheet.addRow([]);
	sheet.addRow([null, 40991, '', 'x']);
	// Blank trailing rows and columns that Excel keeps because someone typed spaces or formatted them.
	sheet.getCell('K2').value = '   ';
	sheet.getCell('A9').value = ' ';
	sheet.getCell('B12').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
	return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe('Excel workbooks', () => {
	it('reads the first worksheet, every cell as a person reads it', async () => {
		const sheet = await readSpreadsheet(await sampleWorkbook(), 'катышуучулар.xlsx');
		expect(sheet).toEqual({
			format: 'xlsx',
			encoding: null,
			separator: null,
			headers: ['Аты-жөнү', 'Сан', 'Күнү', 'Ооба/жок', 'Формула', 'Бай текст', 'Шилтеме', 'Ката'],
			rows: [
				['Осмонова Айгүл', '1234', '2012-03-23', 'true', '2468', 'Ош шаары', 'сайт', ''],
				['Бакыт', '0.3', '2012-03-23 10:30', 'false', 'Бакыт!', '-0.5', '1000000000000000000000', '0.0000001'],
				['бириктирилген', '', '', '', '', '', '', ''],
				['', '', '', '', '', '', '', ''],
				['', '40991', '', 'x', '', '', '', '']
			]
		});
	});

	it('is recognised by its content, whatever its name', async () => {
		expect((await readSpreadsheet(await sampleWorkbook(), 'upload.csv')).format).toBe('xlsx');
	});

	it('refuses a workbook without rows as empty', async () => {
		const workbook = new ExcelJS.Workbook();
		workbook.addWorksheet('Бош');
		const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
		expect((await refusal(bytes, 'x.xlsx')).code).toBe('empty');
	});

	it('refuses a damaged workbook as unreadable', async () => {
		const bytes = storedZip({ '[Content_Types].xml': '<Types', 'xl/workbook.xml': 'not xml at all <<<' });
		expect((await refusal(bytes, 'x.xlsx')).code).toBe('unreadable');
	});
});

describe('files that are refused', () => {
	const cases: [string, Uint8Array, SpreadsheetErrorCode][] = [
		['a PDF', utf8('%PDF-1.7\n%âãÏÓ\n1 0 obj << /Type /Catalog >> endobj\n'), 'not_spreadsheet'],
		['a PNG', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]), 'not_spreadsheet'],
		['a zip that is a Word document', storedZip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' }), 'not_spreadsheet'],
		['text with NUL bytes that is not UTF-16', utf8('a,b\n\u0000\u0000\u0000c,d\n'), 'not_spreadsheet'],
		['an HTML table', utf8('<html><body><table><tr><td>a</td></tr></table></body></html>'), 'not_spreadsheet'],
		['an empty file', new Uint8Array(0), 'empty'],
		['a file of blank lines and separators', utf8('\r\n ; \r\n;;\r\n'), 'empty']
	];
	for (const [what, bytes, code] of cases) {
		it(`refuses ${what} (${code})`, async () => {
			expect((await refusal(bytes)).code).toBe(code);
		});
	}

	it('refuses an old binary Excel file and says to save it as .xlsx or .csv', async () => {
		const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]);
		const { code, message } = await refusal(xls, 'list.xls');
		expect(code).toBe('old_excel');
		expect(message).toMatch(/\.xlsx/);
		expect(message).toMatch(/\.csv/);
		// A web system's "Excel" export that is really an HTML page gets the same advice.
		expect((await refusal(utf8('<table><tr><td>1</td></tr></table>'), 'export.xls')).code).toBe('old_excel');
	});

	it('refuses a file over the size limit before reading it', async () => {
		const bytes = utf8('a,b\n1,2\n');
		expect((await refusal(bytes, 'x.csv', { maxBytes: bytes.length - 1, maxRows: MAX_IMPORT_ROWS })).code).toBe('too_large');
		await expect(readSpreadsheet(bytes, 'x.csv', { maxBytes: bytes.length, maxRows: MAX_IMPORT_ROWS })).resolves.toBeTruthy();
	});

	it('refuses more data rows than the limit, and accepts exactly the limit', async () => {
		const rows = (n: number) => utf8(['a,b', ...Array.from({ length: n }, (_, i) => `${i},x`)].join('\n'));
		expect((await refusal(rows(101), 'x.csv', { maxBytes: 1 << 20, maxRows: 100 })).code).toBe('too_many_rows');
		expect((await readSpreadsheet(rows(100), 'x.csv', { maxBytes: 1 << 20, maxRows: 100 })).rows).toHaveLength(100);
		// The default limit, on a file of one more row than allowed (about 1 MB).
		expect((await refusal(rows(MAX_IMPORT_ROWS + 1))).code).toBe('too_many_rows');
	});

	it('does not count blank trailing rows towards the limit', async () => {
		const bytes = utf8('a,b\n1,2\n' + ',\n'.repeat(50));
		expect((await readSpreadsheet(bytes, 'x.csv', { maxBytes: 1 << 20, maxRows: 1 })).rows).toEqual([['1', '2']]);
	});
});
