import type { RequestEvent } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { auditContext, authorize, authorizeRecord } from '$lib/server/auth/guard';
import { validateForm } from '$lib/server/forms';
import { addMembership, removeMembership, setMembershipEnd } from '$lib/server/organizations/actions';
import { membershipEndSchema, membershipSchema } from '$lib/server/organizations/schema';
import { livePerson } from '$lib/server/trainings/attendance';
import { invalid, recordId, refusal } from '$lib/server/trainings/responses';
import { rowSchema } from '$lib/server/trainings/schema';
import { m } from '$lib/paraglide/messages';
import type { Actions } from './$types';

// The organization page's member forms. The organization is shared, but a membership belongs to the
// member's region: a region-limited organizer records the memberships of the women of her regions.

async function organizationOf(event: RequestEvent<{ id: string }>): Promise<number> {
	await authorize(event, 'records:write');
	const id = recordId(event.params.id);
	await authorizeRecord(event, 'records:read', 'organizations', id);
	return id;
}

export const memberActions = {
	addMember: async (event) => {
		const id = await organizationOf(event);
		const parsed = validateForm(membershipSchema, await event.request.formData());
		if (!parsed.ok) return invalid('addMember', parsed);
		const db = getDb();
		const person = await livePerson(db, parsed.data.person_id);
		if (person) await authorize(event, 'records:write', { regionId: person.region_id });
		try {
			await db.transaction().execute((trx) => addMembership(trx, auditContext(event), id, parsed.data));
		} catch (e) {
			return refusal(e, 'addMember', parsed.data);
		}
		return { action: 'addMember', message: m.membership_added({ name: person?.full_name ?? '' }) };
	},

	setMemberEnd: async (event) => {
		const id = await organizationOf(event);
		const parsed = validateForm(membershipEndSchema, await event.request.formData());
		if (!parsed.ok) return invalid('setMemberEnd', parsed);
		await authorizeRecord(event, 'records:write', 'memberships', parsed.data.id);
		try {
			await getDb().transaction().execute((trx) => setMembershipEnd(trx, auditContext(event), id, parsed.data));
		} catch (e) {
			return refusal(e, 'setMemberEnd', parsed.data);
		}
		return { action: 'setMemberEnd', message: m.saved_changes() };
	},

	removeMember: async (event) => {
		const id = await organizationOf(event);
		const parsed = validateForm(rowSchema, await event.request.formData());
		if (!parsed.ok) return invalid('removeMember', parsed);
		await authorizeRecord(event, 'records:write', 'memberships', parsed.data.id);
		try {
			await getDb().transaction().execute((trx) => removeMembership(trx, auditContext(event), id, parsed.data));
		} catch (e) {
			return refusal(e, 'removeMember', parsed.data);
		}
		return { action: 'removeMember', message: m.membership_removed() };
	}
} satisfies Actions;
