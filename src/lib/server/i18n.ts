import { AsyncLocalStorage } from 'node:async_hooks';
import { overwriteGetLocale } from '$lib/paraglide/runtime';
import { DEFAULT_LOCALE, type Locale } from '$lib/i18n/locale';

// Each request renders in its own language: message functions ask getLocale(), which reads the
// request's locale from here (requests run concurrently, so a module variable would not do).
const requestLocale = new AsyncLocalStorage<Locale>();
overwriteGetLocale(() => requestLocale.getStore() ?? DEFAULT_LOCALE);

export function withLocale<T>(locale: Locale, run: () => T): T {
	return requestLocale.run(locale, run);
}
