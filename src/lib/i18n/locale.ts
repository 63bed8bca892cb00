import { LOCALES, type Locale } from '../domain/enums';

export { LOCALES, type Locale };
export const DEFAULT_LOCALE: Locale = 'en';
/** Remembers the chosen language in the browser (the account remembers it too). */
export const LOCALE_COOKIE = 'ct_locale';

/** Each language's name in itself, for the switcher (shown untranslated, with its own lang). */
export const ENDONYMS: Record<Locale, string> = { en: 'English', ru: 'Русский', ky: 'Кыргызча' };

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The best of our languages for an Accept-Language header, or undefined when none fits. */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale | undefined {
	if (!acceptLanguage) return undefined;
	const ranked = acceptLanguage
		.split(',')
		.map((part, index) => {
			const [tag, ...params] = part.trim().split(';');
			const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
			return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) : 1, index };
		})
		.filter((r) => r.tag && Number.isFinite(r.q) && r.q > 0)
		.sort((a, b) => b.q - a.q || a.index - b.index);
	for (const { tag } of ranked) {
		const base = tag.split('-')[0];
		if (isLocale(base)) return base;
	}
	return undefined;
}

/** Chosen in the switcher (cookie), else remembered on the account, else the browser's, else English. */
export function resolveLocale(sources: { cookie?: string | null; account?: string | null; acceptLanguage?: string | null }): Locale {
	if (isLocale(sources.cookie)) return sources.cookie;
	if (isLocale(sources.account)) return sources.account;
	return negotiateLocale(sources.acceptLanguage) ?? DEFAULT_LOCALE;
}

/** Picks the name column of a row for the language: regions, elections and councils carry all three. */
export function localName(row: { name_en: string; name_ru: string; name_ky: string }, locale: Locale): string {
	return locale === 'ru' ? row.name_ru : locale === 'ky' ? row.name_ky : row.name_en;
}
