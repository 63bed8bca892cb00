import { error, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { auditContext, authorizeRecord } from '$lib/server/auth/guard';
import { validateForm } from '$lib/server/forms';
import { deleteOrganization, organizationUses, updateOrganization } from '$lib/server/organizations/actions';
import { getOrganizationRecord } from '$lib/server/organizations/queries';
import { editOrganizationSchema } from '$lib/server/organizations/schema';
import { regionChoices } from '$lib/server/regions';
import { invalid, recordId, refusal } from '$lib/server/trainings/responses';
import { deleteSchema } from '$lib/server/trainings/schema';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const id = recordId(event.params.id);
	await authorizeRecord(event, 'records:write', 'organizations', id);
	const db = getDb();
	const organization = await getOrganizationRecord(db, id);
	if (!organization) error(404, m.record_not_found());
	const [regions, uses] = await Promise.all([regionChoices(db, event.locals.locale), organizationUses(db, id)]);
	return { organization, regions, uses };
};

export const actions: Actions = {
	update: async (event) => {
		const id = recordId(event.params.id);
		await authorizeRecord(event, 'records:write', 'organizations', id);
		const parsed = validateForm(editOrganizationSchema, await event.request.formData());
		if (!parsed.ok) return invalid('update', parsed);
		const { version, ...organization } = parsed.data;
		let changed: string[];
		try {
			({ changed } = await getDb().transaction().execute((trx) => updateOrganization(trx, auditContext(event), id, version, organization)));
		} catch (e) {
			return refusal(e, 'update', parsed.data);
		}
		if (changed.length === 0) return { action: 'update', message: m.nothing_changed() };
		redirect(303, `/organizations/${id}?saved`);
	},

	delete: async (event) => {
		const id = recordId(event.params.id);
		await authorizeRecord(event, 'records:write', 'organizations', id);
		const parsed = validateForm(deleteSchema, await event.request.formData());
		if (!parsed.ok) return invalid('delete', parsed);
		try {
			await getDb().transaction().execute((trx) => deleteOrganization(trx, auditContext(event), id, parsed.data.version, parsed.data.source));
		} catch (e) {
			return refusal(e, 'delete', parsed.data);
		}
		redirect(303, '/organizations?deleted');
	}
};
