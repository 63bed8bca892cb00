import type { Db } from '../db';
import type { AuditContext } from '../audit/log';
import { createRecord, deleteRecord } from '../records/changes';

export class TieError extends Error {
	constructor(readonly code: 'self' | 'duplicate' | 'not_found') {
		super(code);
	}
}

/** Records a tie between two people (for a mentor tie, `personId` mentors `otherPersonId`). */
export async function addTie(
	trx: Db,
	context: AuditContext,
	personId: number,
	input: { other_person_id: number; kind: string; start_date: string | null; note: string | null; source: string | null }
) {
	if (input.other_person_id === personId) throw new TieError('self');
	const other = await trx.selectFrom('people').select('id').where('id', '=', input.other_person_id).where('deleted_at', 'is', null).executeTakeFirst();
	if (!other) throw new TieError('not_found');
	try {
		return await createRecord(
			trx,
			context,
			'relationships',
			{ person_id: personId, other_person_id: input.other_person_id, kind: input.kind, start_date: input.start_date, note: input.note, source: input.source },
			{ source: input.source, details: { person_id: personId, other_person_id: input.other_person_id } }
		);
	} catch (e) {
		if ((e as { code?: string }).code === '23505') throw new TieError('duplicate');
		throw e;
	}
}

export async function removeTie(trx: Db, context: AuditContext, personId: number, tieId: number, version: number) {
	const tie = await trx
		.selectFrom('relationships')
		.select(['id', 'person_id', 'other_person_id'])
		.where('id', '=', tieId)
		.where((eb) => eb.or([eb('person_id', '=', personId), eb('other_person_id', '=', personId)]))
		.executeTakeFirst();
	if (!tie) throw new TieError('not_found');
	return deleteRecord(trx, context, 'relationships', tieId, version, { details: { person_id: personId } });
}
