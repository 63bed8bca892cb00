import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { auditContext, authorize } from '$lib/server/auth/guard';
import { regionFilter } from '$lib/server/auth/permissions';
import { validateForm } from '$lib/server/forms';
import { createTraining } from '$lib/server/trainings/actions';
import { trainingFormChoices } from '$lib/server/trainings/choices';
import { invalid, refusal } from '$lib/server/trainings/responses';
import { trainingSchema } from '$lib/server/trainings/schema';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = await authorize(event, 'records:write');
	const parent = Number(event.url.searchParams.get('parent')) || null;
	return {
		choices: await trainingFormChoices(getDb(), regionFilter(actor, 'records:write'), event.locals.locale),
		// "New step-down training" from a training's page starts with it as the parent.
		initial: { kind: parent ? 'step_down' : '', parent_training_id: parent }
	};
};

export const actions: Actions = {
	default: async (event) => {
		const actor = await authorize(event, 'records:write');
		const parsed = validateForm(trainingSchema, await event.request.formData());
		if (!parsed.ok) return invalid('create', parsed);
		const training = parsed.data;
		// A region-limited organizer records trainings in her regions only, so she must name one.
		if (actor.regionScope && training.region_id === null) return invalid('create', { values: parsed.data, errors: { region_id: m.required_field() } });
		await authorize(event, 'records:write', { regionId: training.region_id });
		let id: number;
		try {
			const row = await getDb().transaction().execute((trx) => createTraining(trx, auditContext(event), training));
			id = row.id as number;
		} catch (e) {
			return refusal(e, 'create', parsed.data);
		}
		redirect(303, `/trainings/${id}`);
	}
};
