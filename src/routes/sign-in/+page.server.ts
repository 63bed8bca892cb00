import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { safeNext, setSessionCookie } from '$lib/server/auth/guard';
import { signIn } from '$lib/server/auth/sign-in';
import { validateForm } from '$lib/server/forms';
import { countUsers } from '$lib/server/users/queries';
import { signInSchema } from '$lib/server/users/schema';
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
			return fail(429, { values, waitSeconds: result.waitSeconds, message: `Too many failed attempts. Wait ${result.waitSeconds} seconds, then try again.` });
		}
		if (!result.ok) return fail(400, { values, message: 'The e-mail address or password is incorrect.' });

		setSessionCookie(event, result.token);
		redirect(303, safeNext(String(form.get('next') ?? '/')));
	}
};
