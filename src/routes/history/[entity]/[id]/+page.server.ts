import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import { getDb } from '$lib/server/db';
import { auditContext, authorizeRecord } from '$lib/server/auth/guard';
import { can } from '$lib/server/auth/permissions';
import { validateForm } from '$lib/server/forms';
import { isEditableTable, RecordNotFoundError, revertChange, revertTarget, RevertConflictError, type EditableTable } from '$lib/server/records/changes';
import { describeRecord } from '$lib/server/records/describe';
import { recordHistory } from '$lib/server/records/history';
import { fieldLabel } from '$lib/i18n/fields';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

const CONTACT_FIELDS = ['phone', 'email', 'messenger', 'notes'];

function target(params: { entity: string; id: string }): { table: EditableTable; id: number } {
	const id = Number(params.id);
	if (!isEditableTable(params.entity) || !Number.isInteger(id) || id <= 0) error(404, m.record_not_found());
	return { table: params.entity, id };
}

export const load: PageServerLoad = async (event) => {
	const { table, id } = target(event.params);
	const { actor, place } = await authorizeRecord(event, 'records:read', table, id, { deleted: true });
	const db = getDb();
	const label = await describeRecord(db, table, id, event.locals.locale);
	let entries = await recordHistory(db, table, id);
	// Contacts and notes stay with the roles that may see them, in history as on the record.
	if (!can(actor, 'people:contacts', place.global ? undefined : { regionId: place.regionId })) {
		const strip = (row: Record<string, unknown>) => Object.fromEntries(Object.entries(row).filter(([k]) => !CONTACT_FIELDS.includes(k)));
		entries = entries.map((e) => ({ ...e, before: strip(e.before), after: strip(e.after) }));
	}
	const canRevert = can(actor, 'records:revert', place.global ? { regionId: null } : { regionId: place.regionId });
	return { table, id, label, entries, canRevert };
};

export const actions: Actions = {
	revert: async (event) => {
		const { table, id } = target(event.params);
		await authorizeRecord(event, 'records:revert', table, id, { deleted: true });
		const parsed = validateForm(z.object({ auditId: z.coerce.number().int().positive() }), await event.request.formData());
		if (!parsed.ok) return fail(400, { message: m.revert_unavailable() });
		const db = getDb();
		const change = await revertTarget(db, parsed.data.auditId);
		// The change must belong to this record (or hang off this person), and the user may touch its record.
		if (!change) return fail(400, { message: m.revert_unavailable() });
		if (change.table !== table || change.id !== id) await authorizeRecord(event, 'records:revert', change.table, change.id, { deleted: true });
		const belongs = (await recordHistory(db, table, id)).some((e) => e.id === change.auditId);
		if (!belongs) return fail(400, { message: m.revert_unavailable() });
		try {
			await db.transaction().execute((trx) => revertChange(trx, auditContext(event), change.auditId));
		} catch (e) {
			if (e instanceof RevertConflictError) {
				return fail(409, { message: m.revert_conflict({ fields: e.fields.map((f) => fieldLabel(change.table, f)).join(', ') }) });
			}
			if (e instanceof RecordNotFoundError) return fail(409, { message: m.revert_unavailable() });
			// Restoring a row that has a live twin now (she was added to the training again): refuse.
			if ((e as { code?: string }).code === '23505') return fail(409, { message: m.revert_duplicate() });
			throw e;
		}
		return { reverted: true, message: m.reverted() };
	}
};
