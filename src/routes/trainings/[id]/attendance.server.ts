import type { RequestEvent } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { auditContext, authorize, authorizeRecord } from '$lib/server/auth/guard';
import { validateForm } from '$lib/server/forms';
import { addParticipant, alreadyListed, livePerson, removeParticipant, setCompleted, setRole } from '$lib/server/trainings/attendance';
import { invalid, recordId, refusal } from '$lib/server/trainings/responses';
import { addParticipantSchema, completedSchema, roleSchema, rowSchema } from '$lib/server/trainings/schema';
import { m } from '$lib/paraglide/messages';
import type { Actions } from './$types';

// The training page's attendance forms: list a person found by the search, mark her completed,
// change her role, remove her. Every change is checked against the training's region.

type Event = RequestEvent<{ id: string }>;

async function trainingToChange(event: Event): Promise<number> {
	const id = recordId(event.params.id);
	await authorizeRecord(event, 'records:write', 'trainings', id);
	return id;
}

export const attendanceActions = {
	addParticipant: async (event) => {
		const id = await trainingToChange(event);
		const parsed = validateForm(addParticipantSchema, await event.request.formData());
		if (!parsed.ok) return invalid('addParticipant', parsed);
		const db = getDb();
		// She must be someone the user may record (a region-limited organizer: a woman of her regions).
		const person = await livePerson(db, parsed.data.person_id);
		if (person) await authorize(event, 'records:write', { regionId: person.region_id });
		try {
			await db.transaction().execute((trx) => addParticipant(trx, auditContext(event), id, parsed.data));
		} catch (e) {
			return refusal(e, 'addParticipant', parsed.data, { field: 'person_id', message: alreadyListed() });
		}
		return { action: 'addParticipant', message: m.attendance_added({ name: person?.full_name ?? '' }) };
	},

	setCompleted: async (event) => {
		const id = await trainingToChange(event);
		const parsed = validateForm(completedSchema, await event.request.formData());
		if (!parsed.ok) return invalid('setCompleted', parsed);
		try {
			await getDb().transaction().execute((trx) => setCompleted(trx, auditContext(event), id, parsed.data));
		} catch (e) {
			return refusal(e, 'setCompleted', parsed.data);
		}
		return { action: 'setCompleted', message: m.saved_changes() };
	},

	setRole: async (event) => {
		const id = await trainingToChange(event);
		const parsed = validateForm(roleSchema, await event.request.formData());
		if (!parsed.ok) return invalid('setRole', parsed);
		try {
			await getDb().transaction().execute((trx) => setRole(trx, auditContext(event), id, parsed.data));
		} catch (e) {
			return refusal(e, 'setRole', parsed.data);
		}
		return { action: 'setRole', message: m.saved_changes() };
	},

	removeParticipant: async (event) => {
		const id = await trainingToChange(event);
		const parsed = validateForm(rowSchema, await event.request.formData());
		if (!parsed.ok) return invalid('removeParticipant', parsed);
		try {
			await getDb().transaction().execute((trx) => removeParticipant(trx, auditContext(event), id, parsed.data));
		} catch (e) {
			return refusal(e, 'removeParticipant', parsed.data);
		}
		return { action: 'removeParticipant', message: m.attendance_removed() };
	}
} satisfies Actions;
