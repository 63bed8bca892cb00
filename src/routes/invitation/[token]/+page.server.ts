import { error, fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { startSession } from '$lib/server/auth/guard';
import { validateForm } from '$lib/server/forms';
import { acceptInvitation, findInvitation, type InvitationProblem } from '$lib/server/users/actions';
import { setPasswordSchema } from '$lib/server/users/schema';
import type { Actions, PageServerLoad } from './$types';

const PROBLEMS: Record<InvitationProblem, [404 | 410, string]> = {
	unknown: [404, 'This invitation link is not valid. Ask your administrator for a new one.'],
	expired: [410, 'This invitation link has expired. Ask your administrator for a new one.'],
	used: [410, 'This invitation link has already been used. Sign in with the password you chose.']
};

// Public: whoever holds the one-time link may set the password of the account it was made for.
export const load: PageServerLoad = async ({ params }) => {
	const found = await findInvitation(getDb(), params.token);
	if ('problem' in found && found.problem) error(...PROBLEMS[found.problem]);
	const invitation = found.invitation!;
	return { email: invitation.email, displayName: invitation.display_name };
};

export const actions: Actions = {
	default: async (event) => {
		const found = await findInvitation(getDb(), event.params.token);
		if ('problem' in found && found.problem) error(...PROBLEMS[found.problem]);
		const parsed = validateForm(setPasswordSchema, await event.request.formData(), { secret: ['password', 'confirm'] });
		if (!parsed.ok) return fail(400, { errors: parsed.errors });
		const result = await acceptInvitation(getDb(), { ip: event.locals.ip }, event.params.token, parsed.data.password);
		if ('problem' in result && result.problem) error(...PROBLEMS[result.problem]);
		await startSession(event, (result as { userId: number }).userId);
		redirect(303, '/');
	}
};
