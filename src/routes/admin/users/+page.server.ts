import { fail } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { auditContext, authorize } from '$lib/server/auth/guard';
import { validateForm } from '$lib/server/forms';
import { inviteUser, UserActionError } from '$lib/server/users/actions';
import { assignableRegions, listUsers } from '$lib/server/users/queries';
import { inviteSchema } from '$lib/server/users/schema';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	await authorize(event, 'users:manage');
	const db = getDb();
	return { users: await listUsers(db, event.locals.locale), regions: await assignableRegions(db) };
};

export const actions: Actions = {
	invite: async (event) => {
		await authorize(event, 'users:manage');
		const parsed = validateForm(inviteSchema, await event.request.formData(), { arrays: ['regionIds'] });
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
		try {
			const invitation = await inviteUser(getDb(), auditContext(event), parsed.data);
			return {
				invited: {
					email: parsed.data.email,
					link: `${event.url.origin}/invitation/${invitation.token}`,
					expiresAt: invitation.expiresAt
				}
			};
		} catch (e) {
			if (e instanceof UserActionError) return fail(400, { values: parsed.data as Record<string, unknown>, errors: { [e.field ?? 'email']: e.message } });
			throw e;
		}
	}
};
