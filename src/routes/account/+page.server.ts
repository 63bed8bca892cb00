import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { getDb } from '$lib/server/db';
import { audit } from '$lib/server/audit/log';
import { auditContext, authorize } from '$lib/server/auth/guard';
import { deleteUserSessions, listUserSessions } from '$lib/server/auth/sessions';
import { validateForm, type FieldErrors } from '$lib/server/forms';
import { changePassword, UserActionError } from '$lib/server/users/actions';
import { changePasswordSchema } from '$lib/server/users/schema';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = await authorize(event, 'account:manage');
	const sessions = await listUserSessions(getDb(), actor.userId!);
	return {
		email: actor.email,
		role: actor.role,
		sessions: sessions.map((s) => ({
			// The session id is the token's hash: show a short, harmless handle only.
			handle: s.id.slice(0, 12),
			current: s.id === actor.sessionId,
			createdAt: s.created_at,
			lastSeenAt: s.last_seen_at,
			ip: s.ip,
			userAgent: s.user_agent
		}))
	};
};

export const actions: Actions = {
	changePassword: async (event) => {
		const actor = await authorize(event, 'account:manage');
		const parsed = validateForm(changePasswordSchema, await event.request.formData(), { secret: ['current', 'password', 'confirm'] });
		if (!parsed.ok) return fail(400, { action: 'changePassword', errors: parsed.errors });
		try {
			await changePassword(getDb(), auditContext(event), actor.userId!, parsed.data.current, parsed.data.password, actor.sessionId ?? undefined);
		} catch (e) {
			if (e instanceof UserActionError) return fail(400, { action: 'changePassword', errors: { [e.field ?? 'current']: e.message } });
			throw e;
		}
		return { action: 'changePassword', message: m.password_changed() };
	},

	endSession: async (event) => {
		const actor = await authorize(event, 'account:manage');
		const parsed = validateForm(z.object({ handle: z.string().regex(/^[0-9a-f]{12}$/, { error: () => m.choose_session() }) }), await event.request.formData());
		if (!parsed.ok) return fail(400, { action: 'endSession', errors: parsed.errors });
		const db = getDb();
		const sessions = await listUserSessions(db, actor.userId!);
		const target = sessions.find((s) => s.id.startsWith(parsed.data.handle));
		if (!target) return fail(404, { action: 'endSession', errors: { handle: m.session_gone() } as FieldErrors });
		await db.deleteFrom('sessions').where('id', '=', target.id).where('user_id', '=', actor.userId!).execute();
		await audit(db, auditContext(event), { action: 'session_ended', entity: 'users', entityId: actor.userId });
		if (target.id === actor.sessionId) redirect(303, '/sign-in');
		return { action: 'endSession', message: m.session_ended() };
	},

	endOtherSessions: async (event) => {
		const actor = await authorize(event, 'account:manage');
		const db = getDb();
		const ended = await deleteUserSessions(db, actor.userId!, actor.sessionId ?? undefined);
		await audit(db, auditContext(event), { action: 'session_ended', entity: 'users', entityId: actor.userId, details: { count: ended } });
		return { action: 'endOtherSessions', message: m.sessions_ended({ count: ended }) };
	}
};
