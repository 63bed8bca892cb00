import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { getDb } from '$lib/server/db';
import { safeNext } from '$lib/server/auth/guard';
import { validateForm } from '$lib/server/forms';
import { LOCALE_COOKIE, LOCALES } from '$lib/i18n/locale';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

const schema = z.object({
	locale: z.enum(LOCALES, { error: () => m.language_invalid() }),
	returnTo: z.string().max(2000).default('/')
});

// Public: anyone may choose the interface language, signed in or not.
export const load: PageServerLoad = ({ url }) => ({ returnTo: safeNext(url.searchParams.get('returnTo')) });

export const actions: Actions = {
	default: async ({ request, cookies, locals, url }) => {
		const parsed = validateForm(schema, await request.formData());
		if (!parsed.ok) return fail(400, { errors: parsed.errors });
		cookies.set(LOCALE_COOKIE, parsed.data.locale, { path: '/', httpOnly: true, sameSite: 'lax', secure: url.protocol === 'https:', maxAge: 365 * 86_400 });
		// Remembered on the account too, so that it follows the user to other browsers.
		if (locals.actor?.kind === 'user' && locals.actor.userId) {
			await getDb().updateTable('users').set({ locale: parsed.data.locale }).where('id', '=', locals.actor.userId).execute();
		}
		redirect(303, safeNext(parsed.data.returnTo));
	}
};
