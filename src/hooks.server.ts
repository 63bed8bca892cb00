import { json, type Handle, type HandleServerError, type RequestEvent, type ServerInit } from '@sveltejs/kit';
import { dev } from '$app/environment';
import { getDb } from '$lib/server/db';
import { isDatabaseUnreachable } from '$lib/server/db/connect';
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
	event.locals.ip = safeClientAddress(event.getClientAddress);
	try {
		await authenticate(event);
	} catch (e) {
		if (!isDatabaseUnreachable(e)) throw e;
		console.error(`${event.request.method} ${event.url.pathname}: the database is not answering (${(e as Error).message})`);
		return withHeaders(databaseUnavailable(event));
	}

	const locale = resolveLocale({
		cookie: event.cookies.get(LOCALE_COOKIE),
		account: event.locals.actor?.locale,
		acceptLanguage: event.request.headers.get('accept-language')
	});
	event.locals.locale = locale;

	const response = await withLocale(locale, () => resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', locale) }));
	if (databaseLost.has(event.locals)) {
		// The rendered 500 (often the bare fallback page, as the root layout's load failed) gives way to the 503.
		await response.body?.cancel();
		return withHeaders(databaseUnavailable(event));
	}
	return withHeaders(response);
};

/** Who is asking: a session, else a share link; both are read from the database. */
async function authenticate(event: RequestEvent): Promise<void> {
	const db = getDb();
	event.locals.actor = null;
	event.locals.shareProblem = null;
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
}

function withHeaders(response: Response): Response {
	response.headers.append('vary', 'Accept-Language, Cookie');
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
	// Pages carry personal data: no shared caches, no back-button copies after sign-out.
	if (!response.headers.has('cache-control')) response.headers.set('cache-control', 'private, no-store');
	return response;
}

// Requests that failed because PostgreSQL does not answer (stopped, restarting, network, every connection busy): handleError
// marks them by their locals (the one object both hooks see) and handle answers 503 instead of 500.
// The pool reconnects on the next request once the server is back, so nothing else needs to recover.
const databaseLost = new WeakSet<App.Locals>();
const RETRY_AFTER_SECONDS = 5;

/**
 * The friendly 503, in the request's language, revealing nothing about the failure: a small page of
 * its own (the layout needs the database), JSON for the browser's router and for enhanced forms.
 */
function databaseUnavailable(event: RequestEvent): Response {
	const locale = event.locals.locale ?? resolveLocale({ cookie: event.cookies.get(LOCALE_COOKIE), acceptLanguage: event.request.headers.get('accept-language') });
	return withLocale(locale, () => {
		const init = { status: 503, headers: { 'retry-after': String(RETRY_AFTER_SECONDS), 'cache-control': 'no-store' } };
		const message = m.error_503_text();
		// __data.json: the client router shows +error.svelte with this message; an enhanced form reads an ActionResult.
		if (event.isDataRequest) return json(message, init);
		if (event.request.headers.get('x-sveltekit-action') === 'true') return json({ type: 'error', error: { message } }, init);
		if (!event.request.headers.get('accept')?.includes('text/html')) return json({ message }, init);
		const title = m.error_503();
		const html = `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(m.page_title({ page: title }))}</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.5">
<h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p><p><a href="">${escapeHtml(m.error_try_again())}</a></p>
</body></html>`;
		return new Response(html, { ...init, headers: { ...init.headers, 'content-type': 'text/html; charset=utf-8' } });
	});
}

function escapeHtml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function safeClientAddress(get: () => string): string | null {
	try {
		return get();
	} catch {
		return null;
	}
}

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	const id = crypto.randomUUID();
	if (isDatabaseUnreachable(error)) {
		databaseLost.add(event.locals);
		console.error(`[${id}] ${event.request.method} ${event.url.pathname}: the database is not answering (${(error as Error).message})`);
		return { message: m.error_503_text(), id };
	}
	if (status >= 500) console.error(`[${id}] ${event.request.method} ${event.url.pathname}:`, error);
	const shown = status >= 500 ? m.error_generic() : status === 404 ? m.page_not_found() : message;
	return { message: shown, id };
};
