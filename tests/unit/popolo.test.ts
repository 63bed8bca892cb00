import { describe, expect, it } from 'vitest';
import { birthYear, fullDate, kindOfClassification, normalisedName, parsePopolo, popoloPath } from '../../src/lib/server/popolo/schema';

describe('Popolo documents', () => {
	it('treat party names that differ only in case, spaces, punctuation and accents as one', () => {
		expect(normalisedName('Ata Meken')).toBe(normalisedName('AtaMeken'));
		expect(normalisedName('Ata Meken')).toBe(normalisedName('ATA-MEKEN'));
		expect(normalisedName('Ar-Namys')).toBe(normalisedName('ArNamys'));
		expect(normalisedName('Ата-Мекен')).toBe('атамекен');
		expect(normalisedName('Ata Meken')).not.toBe(normalisedName('Ata Jurt'));
	});

	it('name the place of a problem as a JSON path', () => {
		expect(popoloPath(['persons', 3, 'name'])).toBe('persons[3].name');
		expect(popoloPath(['memberships', 0, 'identifiers', 2, 'scheme'])).toBe('memberships[0].identifiers[2].scheme');
		expect(popoloPath([])).toBe('');
	});

	it('map classifications to organization kinds, a legislature being a government body', () => {
		expect(kindOfClassification('party')).toBe('party');
		expect(kindOfClassification('Legislature')).toBe('government');
		expect(kindOfClassification('ngo')).toBe('ngo');
		expect(kindOfClassification('committee')).toBe('other');
		expect(kindOfClassification(undefined)).toBe('other');
	});

	it('keep a year of birth from any Popolo date, and only whole days as dates', () => {
		expect(birthYear('1975')).toBe(1975);
		expect(birthYear('1975-03-08')).toBe(1975);
		expect(birthYear(undefined)).toBeNull();
		expect(fullDate('2010-11-10')).toBe('2010-11-10');
		expect(fullDate('2010-11')).toBeNull();
	});

	it('read unknown keys without complaint and refuse wrong values of the keys used', () => {
		const tolerant = parsePopolo({ persons: [{ id: 'x', name: 'Roza Aknazarova', images: [{ url: 'http://example.org/a.jpg' }], sort_name: 'AKNAZAROVA Roza' }], meta: {} });
		expect(tolerant.ok).toBe(true);
		const strict = parsePopolo({ persons: [{ id: 'x', name: 'Roza', birth_date: '08.03.1975', gender: 'f', identifiers: [{ scheme: 'wikidata' }] }], organizations: 'none' });
		expect(strict.ok).toBe(false);
		if (!strict.ok) {
			expect(strict.problems.map((p) => p.path).sort()).toEqual(['organizations', 'persons[0].birth_date', 'persons[0].gender', 'persons[0].identifiers[0].identifier']);
		}
		expect(parsePopolo('just text')).toMatchObject({ ok: false, problems: [{ path: '(the document)' }] });
		expect(parsePopolo({ persons: [{ id: 'x', name: '<script>alert(1)</script>' }] })).toMatchObject({ ok: false, problems: [{ path: 'persons[0].name' }] });
	});
});
