import { getLocale } from '$lib/paraglide/runtime';
import type { Locale } from './locale';

// One formatter for numbers, percentages and dates (STYLE.md: one way to do each thing), all through
// Intl for the interface language: 1,234.5 / 1 234,5; 25.11.2012 in Russian and Kyrgyz.

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
	let f = cache.get(key) as T | undefined;
	if (!f) cache.set(key, (f = make()));
	return f;
}

export function formatNumber(n: number, locale: Locale = getLocale()): string {
	return cached(`n:${locale}`, () => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 })).format(n);
}

/** A share (0.123) as a percentage: 12.3% / 12,3 %. */
export function formatPercent(share: number, locale: Locale = getLocale(), digits = 1): string {
	return cached(`p:${locale}:${digits}`, () => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: digits })).format(share);
}

/** A count that may be suppressed in funder views ("<5" stays as it is). */
export function formatCount(n: number | '<5', locale: Locale = getLocale()): string {
	return typeof n === 'number' ? formatNumber(n, locale) : n;
}

function toDate(value: Date | string): Date {
	// A bare 'YYYY-MM-DD' is a calendar date: read it at UTC midnight and format it in UTC.
	return typeof value === 'string' ? new Date(value.length === 10 ? `${value}T00:00:00Z` : value) : value;
}

// ICU's numeric Kyrgyz pattern (y-dd-MM) is not what Kyrgyz documents use; they write 25.11.2012 as
// Russian ones do, so numeric dates in Kyrgyz borrow the Russian pattern.
const numericLocale = (locale: Locale) => (locale === 'ky' ? 'ru' : locale);

/** A calendar date: Nov 25, 2012 · 25.11.2012 · 25.11.2012 */
export function formatDate(value: Date | string, locale: Locale = getLocale()): string {
	const options: Intl.DateTimeFormatOptions =
		locale === 'en' ? { dateStyle: 'medium', timeZone: 'UTC' } : { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' };
	return cached(`d:${locale}`, () => new Intl.DateTimeFormat(numericLocale(locale), options)).format(toDate(value));
}

/** A moment, in UTC unless a time zone is given: Nov 25, 2012, 14:05 · 25.11.2012, 14:05 */
export function formatDateTime(value: Date | string, locale: Locale = getLocale(), timeZone = 'UTC'): string {
	const options: Intl.DateTimeFormatOptions =
		locale === 'en'
			? { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23', timeZone }
			: { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone };
	return cached(`t:${locale}:${timeZone}`, () => new Intl.DateTimeFormat(numericLocale(locale), options)).format(toDate(value));
}

/** A month ('2012-03' or a date in it): Mar 2012 · 03.2012 · 03.2012 */
export function formatMonth(value: string, locale: Locale = getLocale()): string {
	const options: Intl.DateTimeFormatOptions = locale === 'en' ? { month: 'short', year: 'numeric', timeZone: 'UTC' } : { month: '2-digit', year: 'numeric', timeZone: 'UTC' };
	return cached(`m:${locale}`, () => new Intl.DateTimeFormat(numericLocale(locale), options)).format(toDate(`${value.slice(0, 7)}-01`));
}
