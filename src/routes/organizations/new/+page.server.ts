import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { auditContext, authorize } from '$lib/server/auth/guard';
import { validateForm } from '$lib/server/forms';
import { createOrganization } from '$lib/server/organizations/actions';
import { organizationSchema } from '$lib/server/organizations/schema';
import { regionChoices } from '$lib/server/regions';
import { invalid, refusal } from '$lib/server/trainings/responses';
import type { Actions, PageServerLoad } from './$types';

// Organizations are shared by every region: only users without a region limit create them.
const SHARED = { regionId: null };

export const load: PageServerLoad = async (event) => {
	await authorize(event, 'records:write', SHARED);
	return { regions: await regionChoices(getDb(), event.locals.locale) };
};

export const actions: Actions = {
	default: async (event) => {
		await authorize(event, 'records:write', SHARED);
		const parsed = validateForm(organizationSchema, await event.request.formData());
		if (!parsed.ok) return invalid('create', parsed);
		let id: number;
		try {
			const row = await getDb().transaction().execute((trx) => createOrganization(trx, auditContext(event), parsed.data));
			id = row.id as number;
		} catch (e) {
			return refusal(e, 'create', parsed.data);
		}
		redirect(303, `/organizations/${id}`);
	}
};
