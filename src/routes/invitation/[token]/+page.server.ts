import { error, fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { startSession } from '$lib/server/auth/guard';
import { validateForm } from '$lib/server/forms';
import { acceptInvitation, findInvitation, type InvitationProblem } from '$lib/server/users/actions';
import { setPasswordSchema } from '$lib/server/users/schema';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

const PROBLEMS: Record<InvitationProblem, [404 | 410, () => string]> = {
	unknown: [404, m.invitation_unknown],
	expired: [410, m.invitation_expired],
	used: [410, m.invitation_used]
};

function refuse(problem: InvitationProblem): never {
	const [status, message] = PROBLEMS[problem];
	error(status, message());
}

// Public: whoever holds the one-time link may set the password of the account it was made for.
export const load: PageServerLoad = async ({ params }) => {
	const found = await findInvitation(getDb(), params.token);
	if ('problem' in found && found.problem) refuse(found.problem);
	const invitation = found.invitation!;
	return { email: invitation.email, displayName: invitation.display_name };
};

export const actions: Actions = {
	default: async (event) => {
		const found = await findInvitation(getDb(), event.params.token);
		if ('problem' in found && found.problem) refuse(found.problem);
		const parsed = validateForm(setPasswordSchema, await event.request.formData(), { secret: ['password', 'confirm'] });
		if (!parsed.ok) return fail(400, { errors: parsed.errors });
		const result = await acceptInvitation(getDb(), { ip: event.locals.ip }, event.params.token, parsed.data.password);
		if ('problem' in result && result.problem) refuse(result.problem);
		await startSession(event, (result as { userId: number }).userId);
		redirect(303, '/');
	}
};
