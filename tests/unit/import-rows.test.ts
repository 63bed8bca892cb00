import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/lib/domain/csv';
import { readSpreadsheet } from '../../src/lib/server/import/read';
import { guessMapping } from '../../src/lib/server/import/fields';
import { readRow, type Lookups } from '../../src/lib/server/import/rows';

const lookups: Lookups = { regions: new Map([['нарынская область', 7]]), trainings: new Map([['школа лидерства', 3]]) };

describe('a spreadsheet row read as a person', () => {
	it('gives back what the app exported: export → import, phones and all', async () => {
		const people = [
			{ name: 'Айгүл Асанова', born: 1978, phone: '+996 555 123 456', email: 'aigul@example.org', party: 'Ата-Мекен', notes: '-начинала в НПО; "Ак-Жол"' },
			{ name: 'Жылдыз Осмонова', born: null, phone: '', email: '', party: '', notes: '=не формула' }
		];
		const csv = toCsv(people, [
			{ header: 'ФИО', value: (p) => p.name },
			{ header: 'Год рождения', value: (p) => p.born },
			{ header: 'Телефон', value: (p) => p.phone },
			{ header: 'E-mail', value: (p) => p.email },
			{ header: 'Партия', value: (p) => p.party },
			{ header: 'Примечание', value: (p) => p.notes }
		]);
		const sheet = await readSpreadsheet(new TextEncoder().encode(csv), 'people.csv');
		const mapping = guessMapping(sheet.headers);
		expect(mapping).toEqual({ '0': 'full_name', '1': 'birth_year', '2': 'phone', '3': 'email', '4': 'party', '5': 'notes' });
		const read = sheet.rows.map((row) => readRow(row, mapping, sheet.headers, lookups, new Date('2026-11-27')));
		expect(read.map((r) => (r.ok ? [r.person.full_name, r.person.birth_year, r.person.phone, r.person.email, r.extras.party, r.person.notes] : r.problems))).toEqual(
			people.map((p) => [p.name, p.born, p.phone || null, p.email || null, p.party || null, p.notes])
		);
	});

	it('names the column of every problem and reads the words spreadsheets use', () => {
		const headers = ['ФИО', 'Пол', 'Регион', 'Тренинг', 'Роль', 'Завершила', 'Год рождения'];
		const mapping = guessMapping(headers);
		const ok = readRow(['Бекова Нурия', 'ж', 'Нарынская область', 'Школа лидерства', 'тренер', 'да', ' 1 980 '], mapping, headers, lookups);
		expect(ok.ok && [ok.person.gender, ok.person.region_id, ok.person.birth_year, ok.extras.trainingId, ok.extras.trainingRole, ok.extras.trainingCompleted]).toEqual(['female', 7, 1980, 3, 'facilitator', true]);
		const bad = readRow(['Бекова Нурия', 'ж', 'Атлантида', 'Неизвестный тренинг', 'зритель', 'может быть', '19x5'], mapping, headers, lookups);
		expect(bad.ok ? [] : bad.problems.map((p) => p.column)).toEqual(['Год рождения', 'Регион', 'Тренинг', 'Роль', 'Завершила']);
	});
});
