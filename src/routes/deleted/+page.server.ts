import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import { getDb } from '$lib/server/db';
import { auditContext, authorize, authorizeRecord } from '$lib/server/auth/guard';
import { regionFilter } from '$lib/server/auth/permissions';
import { validateForm } from '$lib/server/forms';
import { EDITABLE_TABLES, RecordNotFoundError, restoreRecord } from '$lib/server/records/changes';
import { recentlyDeleted } from '$lib/server/records/deleted';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = await authorize(event, 'records:restore');
	return { records: await recentlyDeleted(getDb(), regionFilter(actor, 'records:restore'), event.locals.locale) };
};

const restoreSchema = z.object({ table: z.enum(EDITABLE_TABLES), id: z.coerce.number().int().positive() });

export const actions: Actions = {
	restore: async (event) => {
		await authorize(event, 'records:restore');
		const parsed = validateForm(restoreSchema, await event.request.formData());
		if (!parsed.ok) error(400, m.record_not_found());
		const { table, id } = parsed.data;
		await authorizeRecord(event, 'records:restore', table, id, { deleted: true });
		try {
			await getDb().transaction().execute((trx) => restoreRecord(trx, auditContext(event), table, id));
		} catch (e) {
			if (e instanceof RecordNotFoundError) return fail(404, { message: m.record_not_found() });
			throw e;
		}
		return { restored: { table, id }, message: m.restored() };
	}
};
