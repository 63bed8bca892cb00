import { error, fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { startSession } from '$lib/server/auth/guard';
import { validateForm } from '$lib/server/forms';
import { createFirstAdmin, UserActionError } from '$lib/server/users/actions';
import { countUsers } from '$lib/server/users/queries';
import { setupSchema } from '$lib/server/users/schema';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

// Open to anyone, but only while the database has no account at all.
export const load: PageServerLoad = async () => {
	if ((await countUsers(getDb())) > 0) error(404, m.setup_done());
	return {};
};

export const actions: Actions = {
	default: async (event) => {
		const { request, locals } = event;
		if ((await countUsers(getDb())) > 0) error(404, m.setup_done());
		const parsed = validateForm(setupSchema, await request.formData(), { secret: ['password', 'confirm'] });
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
		const db = getDb();
		try {
			const admin = await createFirstAdmin(db, { ip: locals.ip }, parsed.data);
			await startSession(event, admin.id);
		} catch (e) {
			if (e instanceof UserActionError && e.code === 'setup_done') error(404, e.message);
			if (e instanceof UserActionError) return fail(400, { values: { email: parsed.data.email, displayName: parsed.data.displayName }, errors: { [e.field ?? 'email']: e.message } });
			throw e;
		}
		redirect(303, '/');
	}
};
