import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { safeNext, setSessionCookie } from '$lib/server/auth/guard';
import { signIn } from '$lib/server/auth/sign-in';
import { validateForm } from '$lib/server/forms';
import { countUsers } from '$lib/server/users/queries';
import { signInSchema } from '$lib/server/users/schema';
import { LOCALE_COOKIE } from '$lib/i18n/locale';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

// Public by design: this is where everyone who is not signed in is sent.
export const load: PageServerLoad = async ({ locals, url }) => {
	if (locals.actor?.kind === 'user') redirect(303, safeNext(url.searchParams.get('next')));
	if ((await countUsers(getDb())) === 0) redirect(303, '/setup');
	return { next: safeNext(url.searchParams.get('next')) };
};

export const actions: Actions = {
	default: async (event) => {
		const { request, locals } = event;
		const form = await request.formData();
		const parsed = validateForm(signInSchema, form, { secret: ['password'] });
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });

		const result = await signIn(getDb(), parsed.data, { ip: locals.ip, userAgent: request.headers.get('user-agent') });
		const values = { email: parsed.data.email };
		if (!result.ok && result.reason === 'throttled') {
			return fail(429, { values, waitSeconds: result.waitSeconds, message: m.sign_in_throttled({ seconds: result.waitSeconds }) });
		}
		if (!result.ok) return fail(400, { values, message: m.sign_in_failed() });

		setSessionCookie(event, result.token);
		// The language remembered on the account follows the user to this browser.
		if (result.locale) event.cookies.set(LOCALE_COOKIE, result.locale, { path: '/', httpOnly: true, sameSite: 'lax', secure: event.url.protocol === 'https:', maxAge: 365 * 86_400 });
		redirect(303, safeNext(String(form.get('next') ?? '/')));
	}
};
