import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/lib/server/export/csv';

describe('CSV export', () => {
	const columns = [
		{ header: 'Имя', value: (r: { name: string; n: number | null }) => r.name },
		{ header: 'N', value: (r: { name: string; n: number | null }) => r.n }
	];

	it('starts with a byte-order mark and uses CRLF, so Excel reads Cyrillic', () => {
		const csv = toCsv([{ name: 'Айгүл', n: 3 }], columns);
		expect(csv.charCodeAt(0)).toBe(0xfeff);
		expect(csv.slice(1)).toBe('Имя,N\r\nАйгүл,3\r\n');
	});

	it('quotes commas, quotes and line breaks, and leaves empty values empty', () => {
		const csv = toCsv([{ name: 'Осмонова, "Айгүл"\nline', n: null }], columns);
		expect(csv.slice(1).split('\r\n')[1]).toBe('"Осмонова, ""Айгүл""\nline",');
	});

	it('defuses cells a spreadsheet would run as a formula, but not negative numbers', () => {
		const csv = toCsv(
			[
				{ name: '=HYPERLINK("http://evil")', n: -3 },
				{ name: '@SUM(A1)', n: 0 },
				{ name: '+996 000 1', n: 1 }
			],
			columns
		);
		const lines = csv.slice(1).split('\r\n');
		expect(lines[1]).toBe(`"'=HYPERLINK(""http://evil"")",-3`);
		expect(lines[2]).toBe("'@SUM(A1),0");
		expect(lines[3]).toBe("'+996 000 1,1");
	});
});
