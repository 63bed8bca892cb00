import { getDb } from '$lib/server/db';
import { auditContext, authorizeRecord } from '$lib/server/auth/guard';
import { validateForm } from '$lib/server/forms';
import { addEvent, removeEvent } from '$lib/server/trainings/actions';
import { invalid, recordId, refusal } from '$lib/server/trainings/responses';
import { eventSchema, rowSchema } from '$lib/server/trainings/schema';
import { m } from '$lib/paraglide/messages';
import type { Actions } from './$types';

// The training page's forms for its events (the parliament visit, the closing press conference).
export const eventActions = {
	addEvent: async (event) => {
		const id = recordId(event.params.id);
		await authorizeRecord(event, 'records:write', 'trainings', id);
		const parsed = validateForm(eventSchema, await event.request.formData());
		if (!parsed.ok) return invalid('addEvent', parsed);
		try {
			await getDb().transaction().execute((trx) => addEvent(trx, auditContext(event), id, parsed.data));
		} catch (e) {
			return refusal(e, 'addEvent', parsed.data);
		}
		return { action: 'addEvent', message: m.event_added() };
	},

	removeEvent: async (event) => {
		const id = recordId(event.params.id);
		await authorizeRecord(event, 'records:write', 'trainings', id);
		const parsed = validateForm(rowSchema, await event.request.formData());
		if (!parsed.ok) return invalid('removeEvent', parsed);
		const { id: eventId, version, source } = parsed.data;
		try {
			await getDb().transaction().execute((trx) => removeEvent(trx, auditContext(event), id, eventId, version, source));
		} catch (e) {
			return refusal(e, 'removeEvent', parsed.data);
		}
		return { action: 'removeEvent', message: m.event_removed() };
	}
} satisfies Actions;
