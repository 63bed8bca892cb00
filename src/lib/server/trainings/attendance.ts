import { m } from '$lib/paraglide/messages';
import type { ParticipantRole } from '../../domain/enums';
import type { Db } from '../db';
import type { AuditContext } from '../audit/log';
import { createRecord, deleteRecord, RecordNotFoundError, updateRecord } from '../records/changes';
import { InputError } from './errors';
import type { AddParticipantInput } from './schema';

// Who attended or led a training. Each change carries details.person_id so that it appears in her
// history too. Callers open the transaction and pass `trx`.

/** The message for a person listed twice; also what a unique violation (a race) is shown as. */
export const alreadyListed = () => m.attendance_already_listed();

/** The person a change names, if she exists and was not deleted. */
export function livePerson(trx: Db, personId: number) {
	return trx.selectFrom('people').select(['id', 'region_id', 'full_name']).where('id', '=', personId).where('deleted_at', 'is', null).executeTakeFirst();
}

/**
 * Lists a person in a training as participant or facilitator. One participation per person per
 * training: listing her again is refused with a clear message (the unique index
 * training_participants_once guards against two requests at once).
 */
export async function addParticipant(trx: Db, context: AuditContext, trainingId: number, input: AddParticipantInput) {
	if (!(await livePerson(trx, input.person_id))) throw new InputError('person_id', m.invalid_choice());
	const listed = await trx
		.selectFrom('training_participants')
		.select('id')
		.where('training_id', '=', trainingId)
		.where('person_id', '=', input.person_id)
		.where('deleted_at', 'is', null)
		.executeTakeFirst();
	if (listed) throw new InputError('person_id', alreadyListed());
	return createRecord(
		trx,
		context,
		'training_participants',
		{ training_id: trainingId, person_id: input.person_id, role: input.role, completed: false },
		{ source: input.source, details: { person_id: input.person_id, training_id: trainingId } }
	);
}

/** A participation of this training (not another's: the URL names the training the user may change). */
async function participation(trx: Db, trainingId: number, id: number) {
	const row = await trx
		.selectFrom('training_participants')
		.select(['id', 'person_id'])
		.where('id', '=', id)
		.where('training_id', '=', trainingId)
		.where('deleted_at', 'is', null)
		.executeTakeFirst();
	if (!row) throw new RecordNotFoundError('training_participants', id);
	return row;
}

interface RowChange {
	id: number;
	version: number;
	source: string | null;
}

async function changeParticipation(trx: Db, context: AuditContext, trainingId: number, row: RowChange, changes: { completed?: boolean; role?: ParticipantRole }) {
	const { person_id } = await participation(trx, trainingId, row.id);
	return updateRecord(trx, context, 'training_participants', row.id, row.version, changes, { source: row.source, details: { person_id, training_id: trainingId } });
}

export function setCompleted(trx: Db, context: AuditContext, trainingId: number, row: RowChange & { completed: boolean }) {
	return changeParticipation(trx, context, trainingId, row, { completed: row.completed });
}

export function setRole(trx: Db, context: AuditContext, trainingId: number, row: RowChange & { role: ParticipantRole }) {
	return changeParticipation(trx, context, trainingId, row, { role: row.role });
}

/** Soft delete: she can be listed again afterwards, and the removal can be undone from history. */
export async function removeParticipant(trx: Db, context: AuditContext, trainingId: number, row: RowChange) {
	const { person_id } = await participation(trx, trainingId, row.id);
	return deleteRecord(trx, context, 'training_participants', row.id, row.version, { source: row.source, details: { person_id, training_id: trainingId } });
}
