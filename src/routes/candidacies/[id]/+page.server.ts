import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { auditContext, authorizeRecord } from '$lib/server/auth/guard';
import { can } from '$lib/server/auth/permissions';
import { validateForm } from '$lib/server/forms';
import { addActivity, deleteActivity, updateActivity } from '$lib/server/candidacies/actions';
import { campaignActivities, getCandidacy } from '$lib/server/candidacies/queries';
import { activityChangeSchema, activityRemoveSchema, activitySchema } from '$lib/server/candidacies/schema';
import { idParam, refusedChange } from '$lib/server/elections/refusal';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const id = idParam(event.params.id);
	const { actor, place } = await authorizeRecord(event, 'records:read', 'candidacies', id);
	const db = getDb();
	const candidacy = await getCandidacy(db, id, event.locals.locale);
	if (!candidacy) error(404, m.record_not_found());
	const activities = await campaignActivities(db, id);
	const editing = Number(event.url.searchParams.get('activity'));
	return {
		candidacy,
		activities,
		// ?activity=<id> puts that activity in the form, to change it.
		editing: activities.find((a) => a.id === editing) ?? null,
		canWrite: can(actor, 'records:write', { regionId: place.regionId })
	};
};

async function candidacyToChange(event: RequestEvent<{ id: string }>) {
	const id = idParam(event.params.id);
	await authorizeRecord(event, 'records:write', 'candidacies', id);
	return id;
}

export const actions: Actions = {
	addActivity: async (event) => {
		const id = await candidacyToChange(event);
		const parsed = validateForm(activitySchema, await event.request.formData());
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
		try {
			await getDb().transaction().execute((trx) => addActivity(trx, auditContext(event), id, parsed.data));
		} catch (e) {
			return refusedChange(e, { ...parsed.data });
		}
		return { saved: true, message: m.activity_added() };
	},

	updateActivity: async (event) => {
		const id = await candidacyToChange(event);
		const parsed = validateForm(activityChangeSchema, await event.request.formData());
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
		const { activity, version, ...input } = parsed.data;
		try {
			await getDb().transaction().execute((trx) => updateActivity(trx, auditContext(event), id, activity, version, input));
		} catch (e) {
			return refusedChange(e, { ...parsed.data });
		}
		return { saved: true, message: m.saved() };
	},

	deleteActivity: async (event) => {
		const id = await candidacyToChange(event);
		const parsed = validateForm(activityRemoveSchema, await event.request.formData());
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors, message: m.invalid_id() });
		try {
			await getDb().transaction().execute((trx) => deleteActivity(trx, auditContext(event), id, parsed.data.activity, parsed.data.version));
		} catch (e) {
			return refusedChange(e, {}, { grid: 'remove' });
		}
		return { saved: true, message: m.activity_removed() };
	}
};
