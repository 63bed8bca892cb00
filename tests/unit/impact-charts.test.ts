import { describe, expect, it } from 'vitest';
import { wrapLabel } from '../../src/lib/components/impact/chart-config';
import { cellCsv, cellText, percentCell, tableCsv, type ChartTable } from '../../src/lib/components/impact/chart-table';
import { plainText, richText } from '../../src/lib/components/impact/rich-text';

const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('a chart\'s numbers, as its table shows them and its CSV writes them', () => {
	const table: ChartTable = {
		columns: ['Region', 'Trained', 'Win rate, %'],
		rows: [
			{ key: 'c', cells: ['Чүй облусу', 1234, 12.5] },
			{ key: 'n', cells: ['Naryn, "north"', '<5', null] }
		]
	};

	it('formats cells for the interface language: thousands, decimals, "<5" and an empty cell', () => {
		expect(cellText(1234, 'en')).toBe('1,234');
		expect(nbsp(cellText(1234, 'ru'))).toBe('1 234');
		expect(cellText(12.5, 'ru')).toBe('12,5');
		expect(cellText('<5', 'ky')).toBe('<5');
		expect(cellText(null, 'en')).toBe('—');
	});

	it('writes plain numbers whatever the language, and nothing for an empty cell', () => {
		expect(cellCsv(1234)).toBe('1234');
		expect(cellCsv(12.5)).toBe('12.5');
		expect(cellCsv('<5')).toBe('<5');
		expect(cellCsv(null)).toBe('');
	});

	it('writes UTF-8 CSV with a byte-order mark and CRLF, quoting where needed, row for row as the table', () => {
		const csv = tableCsv(table);
		expect(csv.startsWith('\uFEFF')).toBe(true);
		expect(csv.slice(1).split('\r\n')).toEqual(['Region,Trained,"Win rate, %"', 'Чүй облусу,1234,12.5', '"Naryn, ""north""",<5,', '']);
		expect(new TextEncoder().encode(csv).subarray(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
	});

	it('turns shares into percentages with one decimal', () => {
		expect(percentCell(0.12345)).toBe(12.3);
		expect(percentCell(1)).toBe(100);
		expect(percentCell(0)).toBe(0);
		expect(percentCell(null)).toBeNull();
		expect(percentCell(undefined)).toBeNull();
	});
});

describe('chart labels and summaries', () => {
	it('breaks a long category name into lines, short ones stay whole', () => {
		expect(wrapLabel('Naryn Region')).toBe('Naryn Region');
		expect(wrapLabel('Leadership and Women\'s Political Participation — National Training of Trainers', 24)).toEqual([
			'Leadership and Women\'s',
			'Political Participation',
			'— National Training of',
			'Trainers'
		]);
	});

	it('keeps the data in a message apart from its words', () => {
		const message = (p: { top: string; count: string }) => `The largest: ${p.top} (${p.count}).`;
		const text = richText(message, { top: 'SDPK', count: '41' }, ['top']);
		expect(text).toEqual(['The largest: ', { data: 'SDPK' }, ' (41).']);
		expect(plainText(text)).toBe('The largest: SDPK (41).');
	});
});
