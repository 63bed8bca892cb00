import { m } from '$lib/paraglide/messages';
import type { Db } from '../db';
import type { AuditContext } from '../audit/log';
import { createRecord, deleteRecord, RecordNotFoundError, updateRecord } from '../records/changes';
import { cascadeIds } from './choices';
import { InputError } from './errors';
import type { EventInput, TrainingInput } from './schema';

// Writes of trainings and their events. Every function takes the transaction (trx) its caller opened
// and changes records only through the records layer, which versions and audits each change.

export const regionExists = async (trx: Db, id: number) => (await trx.selectFrom('regions').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
export const organizationExists = async (trx: Db, id: number) =>
	(await trx.selectFrom('organizations').select('id').where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst()) !== undefined;
const trainingExists = async (trx: Db, id: number) =>
	(await trx.selectFrom('trainings').select('id').where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst()) !== undefined;

/** The references a training form names must exist; its parent may not be itself or one of its descendants. */
async function checkReferences(trx: Db, input: TrainingInput, trainingId?: number): Promise<void> {
	if (input.region_id !== null && !(await regionExists(trx, input.region_id))) throw new InputError('region_id', m.invalid_choice());
	if (input.organizer_id !== null && !(await organizationExists(trx, input.organizer_id))) throw new InputError('organizer_id', m.invalid_choice());
	if (input.parent_training_id !== null) {
		if (trainingId !== undefined && (await cascadeIds(trx, trainingId)).includes(input.parent_training_id)) {
			throw new InputError('parent_training_id', m.training_parent_cycle());
		}
		if (!(await trainingExists(trx, input.parent_training_id))) throw new InputError('parent_training_id', m.invalid_choice());
	}
}

export async function createTraining(trx: Db, context: AuditContext, input: TrainingInput) {
	await checkReferences(trx, input);
	return createRecord(trx, context, 'trainings', { ...input }, { source: input.source });
}

/** Saves the form over the training if it is still at `version` (else ConflictError, nothing written). */
export async function updateTraining(trx: Db, context: AuditContext, id: number, version: number, input: TrainingInput) {
	await checkReferences(trx, input, id);
	return updateRecord(trx, context, 'trainings', id, version, { ...input }, { source: input.source });
}

/** Soft delete: its events and attendance stay with it and come back if it is restored. */
export function deleteTraining(trx: Db, context: AuditContext, id: number, version: number, source: string | null = null) {
	return deleteRecord(trx, context, 'trainings', id, version, { source });
}

export function addEvent(trx: Db, context: AuditContext, trainingId: number, input: EventInput) {
	const { source, ...fields } = input;
	return createRecord(trx, context, 'training_events', { training_id: trainingId, ...fields }, { source, details: { training_id: trainingId } });
}

export async function removeEvent(trx: Db, context: AuditContext, trainingId: number, eventId: number, version: number, source: string | null = null) {
	const event = await trx.selectFrom('training_events').select('id').where('id', '=', eventId).where('training_id', '=', trainingId).executeTakeFirst();
	if (!event) throw new RecordNotFoundError('training_events', eventId);
	return deleteRecord(trx, context, 'training_events', eventId, version, { source, details: { training_id: trainingId } });
}
