import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatCount, formatDate, formatDateTime, formatNumber, formatPercent } from '../../src/lib/i18n/format';
import { negotiateLocale, resolveLocale } from '../../src/lib/i18n/locale';

type Catalogue = Record<string, unknown>;
const LOCALES = ['en', 'ru', 'ky'] as const;
// One folder per area of the interface (messages/<area>/<locale>.json), as project.inlang lists them.
const AREAS: string[] = JSON.parse(readFileSync('project.inlang/settings.json', 'utf8'))['plugin.inlang.messageFormat'].pathPattern;
const duplicateKeys: string[] = [];
const catalogues = Object.fromEntries(
	LOCALES.map((l) => {
		const merged: Catalogue = {};
		for (const pattern of AREAS) {
			const { $schema: _, ...messages } = JSON.parse(readFileSync(pattern.replace('{locale}', l), 'utf8')) as Catalogue;
			for (const [key, value] of Object.entries(messages)) {
				if (key in merged) duplicateKeys.push(`${l}: ${key}`);
				merged[key] = value;
			}
		}
		return [l, merged];
	})
) as Record<(typeof LOCALES)[number], Catalogue>;

function sourceFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((entry) => {
		const path = join(dir, entry);
		if (statSync(path).isDirectory()) return path.includes('paraglide') ? [] : sourceFiles(path);
		return /\.(ts|svelte|js)$/.test(entry) ? [path] : [];
	});
}

/** The texts of a message: a plain string, or every variant of a plural message. */
function texts(message: unknown): string[] {
	if (typeof message === 'string') return [message];
	return (message as Array<{ match: Record<string, string> }>).flatMap((v) => Object.values(v.match));
}

describe('message catalogues', () => {
	it('define each key once, across the area files', () => {
		expect(duplicateKeys).toEqual([]);
	});

	it('have the same keys in English, Russian and Kyrgyz', () => {
		const en = Object.keys(catalogues.en).sort();
		expect(Object.keys(catalogues.ru).sort()).toEqual(en);
		expect(Object.keys(catalogues.ky).sort()).toEqual(en);
	});

	it('hold only keys the code uses, and the code uses only keys they hold', () => {
		const used = new Set<string>();
		for (const file of sourceFiles('src')) {
			for (const [, key] of readFileSync(file, 'utf8').matchAll(/\bm\.([a-z][a-z0-9_]*)\b/g)) used.add(key);
		}
		const defined = Object.keys(catalogues.en);
		expect(defined.filter((k) => !used.has(k))).toEqual([]);
		expect([...used].filter((k) => !defined.includes(k))).toEqual([]);
	});

	it('are translated: Russian and Kyrgyz texts are in Cyrillic and differ from the English', () => {
		// Acronyms and product names that stay in Latin letters in every language.
		const allowed = /\b(WLP|UTC|CSV|PNG|XLS|XLSX|PDF|JSON|Popolo|EveryPolitician|Excel|UTF-8|UTF-16|Windows-1251|name@example\.org|e-mail)\b/g;
		for (const locale of ['ru', 'ky'] as const) {
			const untranslated: string[] = [];
			for (const [key, message] of Object.entries(catalogues[locale])) {
				for (const text of texts(message)) {
					const withoutPlaceholders = text.replace(/\{[a-z]+\}/g, '').replace(allowed, '');
					if (/[A-Za-z]{2,}/.test(withoutPlaceholders)) untranslated.push(`${key}: ${text}`);
					if (texts(catalogues.en[key]).includes(text) && /[A-Za-z]/.test(withoutPlaceholders)) untranslated.push(`${key} (same as English)`);
				}
			}
			expect(untranslated, locale).toEqual([]);
		}
	});

	it('use the domain words consistently (kenesh, elections, candidate)', () => {
		const all = (locale: 'ru' | 'ky') => Object.values(catalogues[locale]).flatMap(texts).join('\n');
		expect(all('ky')).toMatch(/кеңеш/);
		expect(all('ky')).not.toMatch(/кенеш/);
		expect(all('ky')).toMatch(/шайлоо/);
		expect(all('ky')).toMatch(/талапкер/i);
		expect(all('ru')).toMatch(/кенеш/);
		expect(all('ru')).not.toMatch(/кеңеш/);
		expect(all('ru')).toMatch(/выбор/);
		expect(all('ru')).toMatch(/кандидат/);
	});
});

describe('formatting for the interface language', () => {
	const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
	it('numbers', () => {
		expect(formatNumber(1234.5, 'en')).toBe('1,234.5');
		expect(nbsp(formatNumber(1234.5, 'ru'))).toBe('1 234,5');
		expect(nbsp(formatNumber(1234.5, 'ky'))).toBe('1 234,5');
		expect(formatNumber(300000, 'en')).toBe('300,000');
	});
	it('percentages', () => {
		expect(formatPercent(0.123, 'en')).toBe('12.3%');
		expect(nbsp(formatPercent(0.123, 'ru'))).toBe('12,3 %');
		expect(nbsp(formatPercent(0.123, 'ky'))).toBe('12,3%');
		expect(formatPercent(0.12, 'en', 0)).toBe('12%');
	});
	it('dates: 25.11.2012 in Russian and Kyrgyz', () => {
		expect(formatDate('2012-11-25', 'en')).toBe('Nov 25, 2012');
		expect(formatDate('2012-11-25', 'ru')).toBe('25.11.2012');
		expect(formatDate('2012-11-25', 'ky')).toBe('25.11.2012');
		// A calendar date never shifts a day, whatever the time zone of the server.
		expect(formatDate('2012-03-04', 'ru')).toBe('04.03.2012');
	});
	it('date and time in UTC', () => {
		const t = new Date('2012-11-25T14:05:00Z');
		expect(formatDateTime(t, 'ru')).toBe('25.11.2012, 14:05');
		expect(formatDateTime(t, 'ky')).toBe('25.11.2012, 14:05');
		expect(formatDateTime(t, 'en')).toBe('Nov 25, 2012, 14:05');
	});
	it('suppressed counts stay "<5"', () => {
		expect(formatCount('<5', 'ru')).toBe('<5');
		expect(formatCount(12, 'ru')).toBe('12');
	});
});

describe('choosing the language', () => {
	it('negotiates Accept-Language by quality, matching regional variants', () => {
		expect(negotiateLocale('ru-RU,ru;q=0.9,en-US;q=0.8')).toBe('ru');
		expect(negotiateLocale('de-DE,ky;q=0.5,ru;q=0.4')).toBe('ky');
		expect(negotiateLocale('en;q=0.2, ru;q=0.9')).toBe('ru');
		expect(negotiateLocale('de,fr')).toBeUndefined();
		expect(negotiateLocale('')).toBeUndefined();
	});
	it('prefers the switcher, then the account, then the browser, then English', () => {
		expect(resolveLocale({ cookie: 'ky', account: 'ru', acceptLanguage: 'en' })).toBe('ky');
		expect(resolveLocale({ cookie: 'xx', account: 'ru', acceptLanguage: 'en' })).toBe('ru');
		expect(resolveLocale({ account: null, acceptLanguage: 'ky-KG' })).toBe('ky');
		expect(resolveLocale({ acceptLanguage: 'fr' })).toBe('en');
	});
});
