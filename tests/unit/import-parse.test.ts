import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectSeparator, parseDelimited, trimSheet } from '../../src/lib/domain/import/parse';
import { parseBooleanCell, parseDateCell, parseIntegerCell, parseNumberCell } from '../../src/lib/domain/import/values';
import { layout, serialise, table, withoutTrailingBlankRows, writtenHeader } from '../fixtures/import/tables';

describe('reading delimited text', () => {
	it('reads quoted cells with separators, "" escapes and line breaks inside', () => {
		const text = 'Имя,Заметка\r\n"Осмонова, Айгүл","она сказала ""да""\r\nи ушла"\r\n';
		expect(parseDelimited(text, ',')).toEqual([
			['Имя', 'Заметка'],
			['Осмонова, Айгүл', 'она сказала "да"\r\nи ушла']
		]);
	});

	it('ends lines at CRLF, LF or a lone CR (old Mac Excel), with or without a last line end', () => {
		expect(parseDelimited('a;b\rc;d\ne;f\r\ng;h', ';')).toEqual([
			['a', 'b'],
			['c', 'd'],
			['e', 'f'],
			['g', 'h']
		]);
		expect(parseDelimited('a;b\r', ';')).toEqual([['a', 'b']]);
	});

	it('keeps empty cells, a trailing empty cell, and quotes that do not open a field as text', () => {
		expect(parseDelimited(',x,\n', ',')).toEqual([['', 'x', '']]);
		expect(parseDelimited('5" труба,"ab"cd', ',')).toEqual([['5" труба', 'abcd']]);
		expect(parseDelimited('', ',')).toEqual([]);
	});

	it('reads a quote left open to the end of the file as one cell', () => {
		expect(parseDelimited('a,"b\nc', ',')).toEqual([['a', 'b\nc']]);
	});

	it('drops blank rows at the top and bottom and blank columns at the right, but not blank rows between', () => {
		const rows = [
			['', ' '],
			['ФИО', 'Год', '', ' '],
			['Айгүл', '', '\u00a0'],
			['', '', ''],
			['Бакыт', '1990'],
			[' ', '\t'],
			['']
		];
		expect(trimSheet(rows)).toEqual([['ФИО', 'Год'], ['Айгүл', ''], ['', ''], ['Бакыт', '1990']]);
		expect(trimSheet([[''], [' ', '']])).toEqual([]);
	});
});

describe('guessing the separator', () => {
	it('finds the semicolon of a Russian Excel file whose cells hold commas, quoted or as decimal commas', () => {
		const text = 'ФИО;Балл;Заметка\r\n"Осмонова, Айгүл";12,5;"да, точно"\r\nБакыт;7,25;нет\r\n';
		expect(detectSeparator(text)).toBe(';');
	});

	it('finds tabs in text pasted from a spreadsheet, and commas in an ordinary CSV', () => {
		expect(detectSeparator('Имя\tГод\nАйгүл\t1990\nБакыт\t1985')).toBe('\t');
		expect(detectSeparator('name,year\n"Osmonova; A.",1990\nB,1985\n')).toBe(',');
	});

	it('prefers the separator that splits every line the same way over one that splits only some', () => {
		// Commas appear on two lines of three; semicolons split all three into two columns.
		expect(detectSeparator('Имя;Балл\nА;1,5\nБ;2,5')).toBe(';');
		expect(detectSeparator('Имя,Балл\nА,1;5\nБ,2\nВ,3')).toBe(',');
	});

	it('gives a file that splits evenly both ways to the semicolon, whose cells hold decimal commas', () => {
		expect(detectSeparator('Сумма, сом;Доля, %\n12,5;0,3\n7,25;1,5')).toBe(';');
	});

	it('falls back to a comma when nothing splits the lines', () => {
		expect(detectSeparator('Имена\nАйгүл\nБакыт')).toBe(',');
		expect(detectSeparator('')).toBe(',');
	});
});

describe('round trip of generated tables', () => {
	it('any table written with , ; or tab, quoted always or when needed, CRLF or LF, reads back the same', () => {
		fc.assert(
			fc.property(table(), layout, (generated, how) => {
				const text = serialise(generated, how);
				const separator = detectSeparator(text);
				expect(separator).toBe(how.separator);
				// Blank rows between data survive; trailing ones are dropped by design.
				expect(trimSheet(parseDelimited(text, separator))).toEqual([
					writtenHeader(generated, how),
					...withoutTrailingBlankRows(generated.rows)
				]);
			}),
			{ numRuns: 500 }
		);
	});
});

/** Each parser against a table of cells and what they mean, so a failure names its cell. */
function expectReadings<T>(parse: (cell: string) => T, readings: [string, T][]) {
	for (const [cell, meaning] of readings) expect(parse(cell), JSON.stringify(cell)).toBe(meaning);
}

describe('dates in cells', () => {
	it('reads ISO dates, day-first dates and Excel serial days', () => {
		expectReadings(parseDateCell, [
			['2012-03-23', '2012-03-23'],
			['2012-03-23T10:30:00Z', '2012-03-23'],
			['2012-03-23 10:30', '2012-03-23'],
			[' 23.03.2012 ', '2012-03-23'],
			['3.3.2012', '2012-03-03'],
			['23/03/2012', '2012-03-23'],
			['23-03-2012', '2012-03-23'],
			['40991', '2012-03-23'],
			['40991.75', '2012-03-23']
		]);
	});

	it('counts Excel serial days around the 1900 leap-year bug as Excel does', () => {
		expectReadings(parseDateCell, [
			['1', '1900-01-01'],
			['59', '1900-02-28'],
			['60', 'invalid'], // Excel's 1900-02-29, a day that never was
			['61', '1900-03-01'],
			['2958465', '9999-12-31'],
			['2958466', 'invalid'],
			['0', 'invalid']
		]);
	});

	it('refuses impossible and malformed dates, and answers null for an empty cell', () => {
		expectReadings(parseDateCell, [
			['31.02.2012', 'invalid'],
			['29.02.2011', 'invalid'],
			['29.02.2012', '2012-02-29'],
			['29.02.1900', 'invalid'],
			['2012-13-01', 'invalid'],
			['23.03.12', 'invalid'],
			['23.03-2012', 'invalid'],
			['март 2012', 'invalid'],
			['-5', 'invalid'],
			['', null],
			['  ', null]
		]);
	});
});

describe('numbers in cells', () => {
	it('reads whole numbers with group separators and a zero fraction', () => {
		const written = ['1234', '1 234', '1\u00a0234', '1\u202f234', '1,234', '1.234', '1234.0', '1234,0', ' 1234 ', '+1234'];
		expectReadings(parseIntegerCell, [
			...written.map((cell): [string, number] => [cell, 1234]),
			[' 12 ', 12],
			['-5', -5],
			['1 234 567', 1234567],
			['0', 0],
			['-0', 0]
		]);
	});

	it('refuses fractions, stray text and badly grouped digits as whole numbers', () => {
		const junk = ['12,5', '1.5', '1 23', '12 345 6', 'abc', '12a', '1e3', '12%', '-', '99999999999999999'];
		expectReadings(parseIntegerCell, [...junk.map((cell): [string, 'invalid'] => [cell, 'invalid']), ['', null]]);
	});

	it('reads decimal commas and points, grouping, signs and percent signs', () => {
		expectReadings(parseNumberCell, [
			['12,5', 12.5],
			['12.5', 12.5],
			['1 234,5', 1234.5],
			['1\u00a0234,5', 1234.5],
			['1,234.5', 1234.5],
			['1.234,5', 1234.5],
			['1,234,567', 1234567],
			['12.5%', 12.5],
			['12,5 %', 12.5],
			['-0,25', -0.25],
			['\u22123', -3],
			['7', 7]
		]);
	});

	it('reads one comma or point before three digits as a decimal in a number column', () => {
		expectReadings(parseNumberCell, [
			['1,234', 1.234],
			['1.234', 1.234]
		]);
	});

	it('refuses what is not one number', () => {
		const junk = ['abc', '1,2,3', '1.2.3', '12,5,5', '%', '1 2', '12 %%', '1e5', '--1'];
		expectReadings(parseNumberCell, [...junk.map((cell): [string, 'invalid'] => [cell, 'invalid']), [' ', null]]);
	});
});

describe('yes and no in cells', () => {
	it('reads English, Russian and Kyrgyz words, marks and digits, in any case', () => {
		const yes = ['yes', 'Y', 'TRUE', '1', 'x', 'X', 'х', ' Да ', 'ООБА', 'ооба', '+', 'ИСТИНА'];
		const no = ['no', 'N', 'False', '0', 'нет', 'Жок', '-', 'ЛОЖЬ'];
		expectReadings(parseBooleanCell, [
			...yes.map((cell): [string, boolean] => [cell, true]),
			...no.map((cell): [string, boolean] => [cell, false]),
			['', null],
			['maybe', 'invalid'],
			['2', 'invalid']
		]);
	});
});
