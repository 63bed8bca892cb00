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
	it('sorts Cyrillic and Latin names together alphabetically', () => {
		const names = ['Zhyldyz', 'Айгүл', 'Bermet', 'Чолпон', 'Динара'];
		const sorted = [...names].sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
		expect(sorted).toEqual(['Айгүл', 'Bermet', 'Чолпон', 'Динара', 'Zhyldyz']);
	});
});
