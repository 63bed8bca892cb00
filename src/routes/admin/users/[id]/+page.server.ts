import { error, fail } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { auditContext, authorize } from '$lib/server/auth/guard';
import { validateForm } from '$lib/server/forms';
import { reissueInvitation, setUserDisabled, updateUser, UserActionError } from '$lib/server/users/actions';
import { assignableRegions, getUser } from '$lib/server/users/queries';
import { idField, updateUserSchema } from '$lib/server/users/schema';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

function userId(param: string): number {
	const id = idField.safeParse(param);
	if (!id.success) error(404, m.no_such_user());
	return id.data;
}

function refusal(e: unknown, action: string) {
	if (e instanceof UserActionError) {
		const status = e.code === 'not_found' ? 404 : e.code === 'stale' ? 409 : 400;
		return fail(status, { action, message: e.message, errors: e.field ? { [e.field]: e.message } : {} });
	}
	throw e;
}

export const load: PageServerLoad = async (event) => {
	await authorize(event, 'users:manage');
	const db = getDb();
	const user = await getUser(db, userId(event.params.id));
	if (!user) error(404, m.no_such_user());
	return { user, regions: await assignableRegions(db), isSelf: user.id === event.locals.actor?.userId };
};

export const actions: Actions = {
	update: async (event) => {
		await authorize(event, 'users:manage');
		const parsed = validateForm(updateUserSchema, await event.request.formData(), { arrays: ['regionIds'] });
		if (!parsed.ok) return fail(400, { action: 'update', values: parsed.values, errors: parsed.errors });
		try {
			await updateUser(getDb(), auditContext(event), userId(event.params.id), parsed.data);
		} catch (e) {
			return refusal(e, 'update');
		}
		return { action: 'update', message: m.saved() };
	},

	disable: async (event) => {
		await authorize(event, 'users:manage');
		try {
			await setUserDisabled(getDb(), auditContext(event), userId(event.params.id), true);
		} catch (e) {
			return refusal(e, 'disable');
		}
		return { action: 'disable', message: m.user_disabled() };
	},

	enable: async (event) => {
		await authorize(event, 'users:manage');
		try {
			await setUserDisabled(getDb(), auditContext(event), userId(event.params.id), false);
		} catch (e) {
			return refusal(e, 'enable');
		}
		return { action: 'enable', message: m.user_enabled() };
	},

	reissue: async (event) => {
		await authorize(event, 'users:manage');
		try {
			const invitation = await reissueInvitation(getDb(), auditContext(event), userId(event.params.id));
			return { action: 'reissue', link: `${event.url.origin}/invitation/${invitation.token}`, expiresAt: invitation.expiresAt };
		} catch (e) {
			return refusal(e, 'reissue');
		}
	}
};
