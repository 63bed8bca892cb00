import { describe, expect, it } from 'vitest';
import { searchKey, sortKey, transliterate } from '../../src/lib/domain/names';

describe('transliterate', () => {
	it('writes Kyrgyz and Russian Cyrillic in Latin letters, keeping capitals', () => {
		expect(transliterate('Айгүл Осмонова')).toBe('Aigül Osmonova');
		expect(transliterate('Жылдыз Токтогулова')).toBe('Zhyldyz Toktogulova');
		expect(transliterate('ЖЫЛДЫЗ')).toBe('ZHYLDYZ');
		expect(transliterate('Чоң-Алай')).toBe('Chong-Alai');
		expect(transliterate('Өзгөн')).toBe('Özgön');
	});
	it('leaves Latin text as it is', () => {
		expect(transliterate('Roza Aknazarova')).toBe('Roza Aknazarova');
	});
});

describe('searchKey', () => {
	it('gives the same key to Cyrillic and Latin spellings of one name', () => {
		const key = searchKey('Айгүл');
		for (const spelling of ['Айгуль', 'Aigul', 'Aygul', 'AIGÜL', 'aigül']) expect(searchKey(spelling)).toBe(key);
		expect(searchKey('Жылдыз')).toBe(searchKey('ZHyldyz'));
		expect(searchKey('Жылдыз')).toBe(searchKey('Jyldyz'));
		expect(searchKey('Абдрахманов')).toBe(searchKey('ABDRAXMANOV'));
	});
	it('keeps different names apart', () => {
		expect(searchKey('Айгүл')).not.toBe(searchKey('Айзада'));
		expect(searchKey('Нургүл')).not.toBe(searchKey('Гүлнара'));
	});
});

describe('sortKey', () => {
	// Keys compare by code point, as COLLATE "C" does in the database.
	const byKey = (names: string[]) => [...names].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));

	it('sorts Cyrillic names in Kyrgyz alphabetical order, with ң ө ү in their places', () => {
		expect(byKey(['Пак Ольга', 'Өмүрбекова', 'Осмонова', 'Гуляева', 'Васильева', 'Ёлкина', 'Ермекова', 'Ңаа', 'Нуриза', 'Үсөнова', 'Улукова', 'Фомина'])).toEqual([
			'Васильева', 'Гуляева', 'Ермекова', 'Ёлкина', 'Нуриза', 'Ңаа', 'Осмонова', 'Өмүрбекова', 'Пак Ольга', 'Улукова', 'Үсөнова', 'Фомина'
		]);
	});
	it('sorts Latin names alphabetically, ignoring case and diacritics, before Cyrillic ones', () => {
		expect(byKey(['Zhyldyz', 'Айгүл', 'bermet', 'Ärzy', 'Aigul'])).toEqual(['Aigul', 'Ärzy', 'bermet', 'Zhyldyz', 'Айгүл']);
	});
	it('orders by the first word, then the next', () => {
		expect(byKey(['Осмонова Бермет', 'Осмонова Айгүл', 'Осмонова', 'Осмоналиева'])).toEqual(['Осмоналиева', 'Осмонова', 'Осмонова Айгүл', 'Осмонова Бермет']);
	});
});
