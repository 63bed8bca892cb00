import type { Db } from '../db';
import { audit, type AuditContext } from '../audit/log';
import { changesSince, comparable, ConflictError, deleteRecord, RecordNotFoundError, updateRecord, type Row } from '../records/changes';

export interface MergeSummary {
	participations: number;
	relationships: number;
	memberships: number;
	candidacies: number;
	listEntries: number;
	/** Rows of the merged person that duplicated the survivor's and were deleted instead of moved. */
	duplicatesDeleted: number;
}

/** Fields copied from the merged record where the survivor has none. */
const FILL = ['given_name', 'family_name', 'patronymic', 'birth_year', 'region_id', 'background', 'phone', 'email', 'messenger', 'consent_stored_at', 'consent_recorded_by'] as const;

async function lockPerson(trx: Db, id: number, version: number): Promise<Row> {
	const row = await trx.selectFrom('people').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
	if (!row || row.deleted_at) throw new RecordNotFoundError('people', id);
	if (row.version !== version) throw new ConflictError(row as unknown as Row, await changesSince(trx, 'people', id, version));
	return row as unknown as Row;
}

/**
 * Merges `mergedId` into `survivorId` in one transaction (the caller's): trainings, ties, memberships,
 * candidacies and party-list positions move to the survivor (a duplicate of one she already has is
 * deleted instead), empty fields of the survivor are filled from the merged record, and the merged
 * record is marked merged and deleted, so its page redirects to the survivor. Every step is audited.
 */
export async function mergePeople(
	trx: Db,
	context: AuditContext,
	survivor: { id: number; version: number },
	merged: { id: number; version: number },
	source: string | null
): Promise<MergeSummary> {
	if (survivor.id === merged.id) throw new RecordNotFoundError('people', merged.id);
	const keep = await lockPerson(trx, survivor.id, survivor.version);
	const gone = await lockPerson(trx, merged.id, merged.version);
	const details = { person_id: survivor.id, merged_from: merged.id };
	const options = { source, details };
	const summary: MergeSummary = { participations: 0, relationships: 0, memberships: 0, candidacies: 0, listEntries: 0, duplicatesDeleted: 0 };

	const participations = await trx.selectFrom('training_participants').selectAll().where('person_id', '=', merged.id).where('deleted_at', 'is', null).execute();
	for (const p of participations) {
		const existing = await trx.selectFrom('training_participants').selectAll().where('person_id', '=', survivor.id).where('training_id', '=', p.training_id).where('deleted_at', 'is', null).executeTakeFirst();
		if (existing) {
			const role = existing.role === 'facilitator' || p.role === 'facilitator' ? 'facilitator' : 'participant';
			await updateRecord(trx, context, 'training_participants', existing.id, existing.version, { role, completed: existing.completed || p.completed }, options);
			await deleteRecord(trx, context, 'training_participants', p.id, p.version, options);
			summary.duplicatesDeleted++;
		} else {
			await updateRecord(trx, context, 'training_participants', p.id, p.version, { person_id: survivor.id }, options);
			summary.participations++;
		}
	}

	const ties = await trx
		.selectFrom('relationships')
		.selectAll()
		.where((eb) => eb.or([eb('person_id', '=', merged.id), eb('other_person_id', '=', merged.id)]))
		.where('deleted_at', 'is', null)
		.execute();
	for (const tie of ties) {
		const a = tie.person_id === merged.id ? survivor.id : tie.person_id;
		const b = tie.other_person_id === merged.id ? survivor.id : tie.other_person_id;
		const duplicate = await trx
			.selectFrom('relationships')
			.select('id')
			.where('person_id', '=', a)
			.where('other_person_id', '=', b)
			.where('kind', '=', tie.kind)
			.where('deleted_at', 'is', null)
			.where('id', '<>', tie.id)
			.executeTakeFirst();
		if (a === b || duplicate) {
			await deleteRecord(trx, context, 'relationships', tie.id, tie.version, options);
			summary.duplicatesDeleted++;
		} else {
			await updateRecord(trx, context, 'relationships', tie.id, tie.version, { person_id: a, other_person_id: b }, options);
			summary.relationships++;
		}
	}

	const memberships = await trx.selectFrom('memberships').selectAll().where('person_id', '=', merged.id).where('deleted_at', 'is', null).execute();
	for (const membership of memberships) {
		await updateRecord(trx, context, 'memberships', membership.id, membership.version, { person_id: survivor.id }, options);
		summary.memberships++;
	}

	const candidacies = await trx.selectFrom('candidacies').selectAll().where('person_id', '=', merged.id).where('deleted_at', 'is', null).execute();
	for (const candidacy of candidacies) {
		const existing = await trx.selectFrom('candidacies').select('id').where('person_id', '=', survivor.id).where('contest_id', '=', candidacy.contest_id).where('deleted_at', 'is', null).executeTakeFirst();
		if (existing) {
			await deleteRecord(trx, context, 'candidacies', candidacy.id, candidacy.version, options);
			summary.duplicatesDeleted++;
		} else {
			await updateRecord(trx, context, 'candidacies', candidacy.id, candidacy.version, { person_id: survivor.id }, options);
			summary.candidacies++;
		}
	}

	const entries = await trx.selectFrom('party_list_entries').selectAll().where('person_id', '=', merged.id).where('deleted_at', 'is', null).execute();
	for (const entry of entries) {
		await updateRecord(trx, context, 'party_list_entries', entry.id, entry.version, { person_id: survivor.id }, options);
		summary.listEntries++;
	}

	// The survivor keeps her own values; the merged record only fills what she lacks.
	const fill: Row = {};
	for (const field of FILL) if (comparable(keep[field]) === 'null' && comparable(gone[field]) !== 'null') fill[field] = gone[field];
	const languages = [...new Set([...((keep.languages as string[]) ?? []), ...((gone.languages as string[]) ?? [])])];
	if (languages.length !== ((keep.languages as string[]) ?? []).length) fill.languages = languages;
	if (gone.notes && gone.notes !== keep.notes) fill.notes = keep.notes ? `${keep.notes}\n\n${gone.notes}` : gone.notes;
	if (gone.consent_public_name && !keep.consent_public_name && !keep.consent_stored_at) fill.consent_public_name = true;
	if (Object.keys(fill).length) await updateRecord(trx, context, 'people', survivor.id, survivor.version, fill, options);

	const afterMark = await updateRecord(trx, context, 'people', merged.id, merged.version, { merged_into_id: survivor.id }, options);
	await deleteRecord(trx, context, 'people', merged.id, afterMark.row.version as number, options);
	await audit(trx, context, { action: 'merge', entity: 'people', entityId: survivor.id, source, details: { ...details, ...summary } });
	return summary;
}
