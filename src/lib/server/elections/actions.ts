import { m } from '$lib/paraglide/messages';
import type { Db } from '../db';
import type { AuditContext } from '../audit/log';
import { createRecord, deleteRecord, updateRecord, type ChangeOptions } from '../records/changes';
import { isUniqueViolation, RecordRefusal, withSource } from './refusal';
import type { ContestInput, ElectionInput } from './schema';

// Writes of elections and contests. Each runs inside the caller's transaction (pass trx) and goes
// through the records layer: versioned, soft-deleted, audited with its source.

const options = (source: string | null): ChangeOptions => ({ source });

export async function createElection(trx: Db, context: AuditContext, input: ElectionInput) {
	const { source, ...values } = input;
	const country = await trx.selectFrom('regions').select('id').where('code', '=', 'KG').executeTakeFirst();
	const row = await createRecord(trx, context, 'elections', { ...values, source, country_id: country?.id ?? null }, options(source));
	return row.id as number;
}

export async function updateElection(trx: Db, context: AuditContext, id: number, version: number, input: ElectionInput) {
	const { source, ...values } = input;
	return updateRecord(trx, context, 'elections', id, version, withSource(values, source), options(source));
}

/** Soft-deletes an election; refused while it still holds council races (delete those first). */
export async function deleteElection(trx: Db, context: AuditContext, id: number, version: number, source: string | null = null) {
	const live = await trx.selectFrom('contests').select((eb) => eb.fn.countAll<number>().as('n')).where('election_id', '=', id).where('deleted_at', 'is', null).executeTakeFirstOrThrow();
	if (Number(live.n) > 0) throw new RecordRefusal(m.election_has_contests({ count: Number(live.n) }), null, 409);
	return deleteRecord(trx, context, 'elections', id, version, options(source));
}

async function checkContestRegion(trx: Db, regionId: number) {
	const region = await trx
		.selectFrom('regions as r')
		.innerJoin('regions as parent', 'parent.id', 'r.parent_id')
		.leftJoin('regions as top', (j) => j.onRef('top.id', '=', 'parent.parent_id'))
		.select('r.id')
		.where('r.id', '=', regionId)
		.where((eb) => eb.or([eb('parent.code', '=', 'KG'), eb('top.code', '=', 'KG')]))
		.executeTakeFirst();
	if (!region) throw new RecordRefusal(m.invalid_choice(), 'region_id');
}

function duplicateContest(e: unknown): never {
	if (isUniqueViolation(e)) throw new RecordRefusal(m.contest_duplicate(), 'name_en', 409);
	throw e;
}

export async function createContest(trx: Db, context: AuditContext, electionId: number, input: ContestInput) {
	await checkContestRegion(trx, input.region_id);
	const election = await trx.selectFrom('elections').select('id').where('id', '=', electionId).where('deleted_at', 'is', null).executeTakeFirst();
	if (!election) throw new RecordRefusal(m.record_not_found(), null, 404);
	const { source, ...values } = input;
	try {
		const row = await createRecord(trx, context, 'contests', { ...values, source, election_id: electionId }, options(source));
		return row.id as number;
	} catch (e) {
		duplicateContest(e);
	}
}

/**
 * Changes a contest. Its electoral system cannot change while tracked candidacies hold list positions
 * or districts that the new system would not have.
 */
export async function updateContest(trx: Db, context: AuditContext, id: number, version: number, input: ContestInput) {
	await checkContestRegion(trx, input.region_id);
	const field = input.electoral_system === 'party_list' ? 'district' : 'list_position';
	const clash = await trx
		.selectFrom('candidacies')
		.select('id')
		.where('contest_id', '=', id)
		.where('deleted_at', 'is', null)
		.where(field, 'is not', null)
		.executeTakeFirst();
	if (clash) throw new RecordRefusal(m.contest_system_in_use(), 'electoral_system', 409);
	try {
		const { source, ...values } = input;
		return await updateRecord(trx, context, 'contests', id, version, withSource(values, source), options(source));
	} catch (e) {
		duplicateContest(e);
	}
}

/** Soft-deletes a contest; refused while tracked candidacies run in it. */
export async function deleteContest(trx: Db, context: AuditContext, id: number, version: number, source: string | null = null) {
	const live = await trx.selectFrom('candidacies').select((eb) => eb.fn.countAll<number>().as('n')).where('contest_id', '=', id).where('deleted_at', 'is', null).executeTakeFirstOrThrow();
	if (Number(live.n) > 0) throw new RecordRefusal(m.contest_has_candidacies({ count: Number(live.n) }), null, 409);
	return deleteRecord(trx, context, 'contests', id, version, options(source));
}
