import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { dev } from '$app/environment';
import { getDb } from '$lib/server/db';
import { authenticateSession, SESSION_COOKIE } from '$lib/server/auth/sessions';
import { authenticateShareLink, SHARE_COOKIE } from '$lib/server/auth/share-links';
import { startServer } from '$lib/server/startup';
import { withLocale } from '$lib/server/i18n';
import { LOCALE_COOKIE, resolveLocale } from '$lib/i18n/locale';
import { m } from '$lib/paraglide/messages';

export const init: ServerInit = async () => {
	await startServer({ dev });
};

const SECURITY_HEADERS: Record<string, string> = {
	'referrer-policy': 'same-origin',
	'x-content-type-options': 'nosniff',
	'x-frame-options': 'DENY',
	'permissions-policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
	'cross-origin-opener-policy': 'same-origin'
};

/**
 * Authenticates only — who is asking goes into locals; each load, action and endpoint checks permissions —
 * and chooses the interface language for the request.
 */
export const handle: Handle = async ({ event, resolve }) => {
	const db = getDb();
	event.locals.actor = null;
	event.locals.shareProblem = null;
	event.locals.ip = safeClientAddress(event.getClientAddress);

	const sessionToken = event.cookies.get(SESSION_COOKIE);
	if (sessionToken) {
		event.locals.actor = await authenticateSession(db, sessionToken);
		if (!event.locals.actor) event.cookies.delete(SESSION_COOKIE, { path: '/' });
	}
	const shareToken = !event.locals.actor ? event.cookies.get(SHARE_COOKIE) : undefined;
	if (shareToken) {
		const share = await authenticateShareLink(db, shareToken);
		if ('actor' in share) event.locals.actor = share.actor;
		else {
			event.locals.shareProblem = share.problem;
			event.cookies.delete(SHARE_COOKIE, { path: '/' });
		}
	}

	const locale = resolveLocale({
		cookie: event.cookies.get(LOCALE_COOKIE),
		account: event.locals.actor?.locale,
		acceptLanguage: event.request.headers.get('accept-language')
	});
	event.locals.locale = locale;

	const response = await withLocale(locale, () => resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', locale) }));
	response.headers.append('vary', 'Accept-Language, Cookie');
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
	// Pages carry personal data: no shared caches, no back-button copies after sign-out.
	if (!response.headers.has('cache-control')) response.headers.set('cache-control', 'private, no-store');
	return response;
};

function safeClientAddress(get: () => string): string | null {
	try {
		return get();
	} catch {
		return null;
	}
}

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	const id = crypto.randomUUID();
	if (status >= 500) console.error(`[${id}] ${event.request.method} ${event.url.pathname}:`, error);
	const shown = status >= 500 ? m.error_generic() : status === 404 ? m.page_not_found() : message;
	return { message: shown, id };
};
