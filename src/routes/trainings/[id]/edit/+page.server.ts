import { error, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { auditContext, authorize, authorizeRecord } from '$lib/server/auth/guard';
import { regionFilter } from '$lib/server/auth/permissions';
import { validateForm } from '$lib/server/forms';
import { deleteTraining, updateTraining } from '$lib/server/trainings/actions';
import { trainingFormChoices } from '$lib/server/trainings/choices';
import { getTrainingRecord } from '$lib/server/trainings/queries';
import { invalid, recordId, refusal } from '$lib/server/trainings/responses';
import { deleteSchema, editTrainingSchema } from '$lib/server/trainings/schema';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const id = recordId(event.params.id);
	const { actor } = await authorizeRecord(event, 'records:write', 'trainings', id);
	const db = getDb();
	const training = await getTrainingRecord(db, id);
	if (!training) error(404, m.record_not_found());
	return { training, choices: await trainingFormChoices(db, regionFilter(actor, 'records:write'), event.locals.locale, id) };
};

export const actions: Actions = {
	update: async (event) => {
		const id = recordId(event.params.id);
		const { actor } = await authorizeRecord(event, 'records:write', 'trainings', id);
		const parsed = validateForm(editTrainingSchema, await event.request.formData());
		if (!parsed.ok) return invalid('update', parsed);
		const { version, ...training } = parsed.data;
		// Moving it to another region: she must be allowed there too.
		if (actor.regionScope && training.region_id === null) return invalid('update', { values: parsed.data, errors: { region_id: m.required_field() } });
		await authorize(event, 'records:write', { regionId: training.region_id });
		let changed: string[];
		try {
			({ changed } = await getDb().transaction().execute((trx) => updateTraining(trx, auditContext(event), id, version, training)));
		} catch (e) {
			return refusal(e, 'update', parsed.data);
		}
		if (changed.length === 0) return { action: 'update', message: m.nothing_changed() };
		redirect(303, `/trainings/${id}?saved`);
	},

	delete: async (event) => {
		const id = recordId(event.params.id);
		await authorizeRecord(event, 'records:write', 'trainings', id);
		const parsed = validateForm(deleteSchema, await event.request.formData());
		if (!parsed.ok) return invalid('delete', parsed);
		try {
			await getDb().transaction().execute((trx) => deleteTraining(trx, auditContext(event), id, parsed.data.version, parsed.data.source));
		} catch (e) {
			return refusal(e, 'delete', parsed.data);
		}
		redirect(303, '/trainings?deleted');
	}
};
