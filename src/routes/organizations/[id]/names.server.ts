import { getDb } from '$lib/server/db';
import { auditContext, authorizeRecord } from '$lib/server/auth/guard';
import { validateForm } from '$lib/server/forms';
import { addOtherName, removeOtherName } from '$lib/server/organizations/actions';
import { otherNameSchema } from '$lib/server/organizations/schema';
import { invalid, recordId, refusal } from '$lib/server/trainings/responses';
import { rowSchema } from '$lib/server/trainings/schema';
import { m } from '$lib/paraglide/messages';
import type { Actions } from './$types';

// The organization page's forms for the names it was known by over time.
export const nameActions = {
	addName: async (event) => {
		const id = recordId(event.params.id);
		await authorizeRecord(event, 'records:write', 'organizations', id);
		const parsed = validateForm(otherNameSchema, await event.request.formData());
		if (!parsed.ok) return invalid('addName', parsed);
		try {
			await getDb().transaction().execute((trx) => addOtherName(trx, auditContext(event), id, parsed.data));
		} catch (e) {
			return refusal(e, 'addName', parsed.data);
		}
		return { action: 'addName', message: m.org_name_added() };
	},

	removeName: async (event) => {
		const id = recordId(event.params.id);
		await authorizeRecord(event, 'records:write', 'organizations', id);
		const parsed = validateForm(rowSchema, await event.request.formData());
		if (!parsed.ok) return invalid('removeName', parsed);
		try {
			await getDb().transaction().execute((trx) => removeOtherName(trx, auditContext(event), id, parsed.data));
		} catch (e) {
			return refusal(e, 'removeName', parsed.data);
		}
		return { action: 'removeName', message: m.org_name_removed() };
	}
} satisfies Actions;
