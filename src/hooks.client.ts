import { overwriteGetLocale } from '$lib/paraglide/runtime';
import { DEFAULT_LOCALE, isLocale } from '$lib/i18n/locale';

// The server chose the language and wrote it into <html lang>; the browser renders in the same one.
overwriteGetLocale(() => {
	const lang = document.documentElement.lang;
	return isLocale(lang) ? lang : DEFAULT_LOCALE;
});
