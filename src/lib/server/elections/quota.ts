import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { GENDERS, type Gender } from '../../domain/enums';
import { quotaCheck, type QuotaCheck } from '../../domain/quota';
import type { Db } from '../db';
import type { AuditContext } from '../audit/log';
import { createRecord, deleteRecord, updateRecord } from '../records/changes';
import { optionalChoice, optionalIdRef, optionalPersonName, requiredInt, sourceField } from '../fields';
import { validateRows } from './rows';
import { RecordRefusal } from './refusal';

// City-kenesh party lists and their quota check (no more than 70% of one sex, domain/quota.ts): the
// list size is kept on the party's result, each position with its gender in party_list_entries.

export const MAX_LIST_SIZE = 300;

async function listEntries(db: Db, contestId: number, partyId?: number) {
	return db
		.selectFrom('party_list_entries')
		.select(['id', 'version', 'party_id', 'position', 'gender', 'person_id', 'name'])
		.where('contest_id', '=', contestId)
		.$if(partyId !== undefined, (q) => q.where('party_id', '=', partyId!))
		.where('deleted_at', 'is', null)
		.orderBy('position')
		.execute();
}

/** The quota verdict of every party of a contest that has a result or recorded positions, from stored rows. */
export async function contestQuotas(db: Db, contestId: number): Promise<Map<number, QuotaCheck>> {
	const results = await db.selectFrom('party_results').select(['party_id', 'list_size']).where('contest_id', '=', contestId).where('deleted_at', 'is', null).execute();
	const entries = await listEntries(db, contestId);
	const parties = new Set([...results.map((r) => r.party_id), ...entries.map((e) => e.party_id)]);
	return new Map(
		[...parties].map((party) => [party, quotaCheck(results.find((r) => r.party_id === party)?.list_size ?? null, entries.filter((e) => e.party_id === party))])
	);
}

/**
 * One party's list in a contest: its size and recorded positions, the tracked candidacies on it (to
 * prefill their positions as women), and the verdict from what is stored.
 */
export async function partyList(db: Db, contestId: number, partyId: number, regionScope: number[] | null) {
	const result = await db
		.selectFrom('party_results')
		.select(['id', 'version', 'list_size', 'seats_won'])
		.where('contest_id', '=', contestId)
		.where('party_id', '=', partyId)
		.where('deleted_at', 'is', null)
		.executeTakeFirst();
	const entries = await listEntries(db, contestId, partyId);
	let tracked = db
		.selectFrom('candidacies as x')
		.innerJoin('people as p', 'p.id', 'x.person_id')
		.select(['x.id', 'x.person_id', 'p.full_name', 'p.gender', 'x.list_position'])
		.where('x.contest_id', '=', contestId)
		.where('x.party_id', '=', partyId)
		.where('x.list_position', 'is not', null)
		.where('x.deleted_at', 'is', null)
		.where('p.deleted_at', 'is', null);
	if (regionScope) tracked = tracked.where('p.region_id', 'in', regionScope.length ? regionScope : [-1]);
	const candidacies = await tracked.orderBy('x.list_position').execute();
	return { result: result ?? null, entries, candidacies, check: quotaCheck(result?.list_size ?? null, entries) };
}

const positionRow = z.object({
	gender: optionalChoice(GENDERS),
	name: optionalPersonName(200),
	person: optionalIdRef,
	version: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().positive().optional())
});
export type ListPositionRow = z.output<typeof positionRow>;

export const listSizeSchema = z.object({ list_size: requiredInt(1, MAX_LIST_SIZE), result_version: optionalIdRef, source: sourceField });

/** The positions posted (row key = position number); a name needs a gender to go with it. */
export function validateListPositions(formData: FormData, listSize: number) {
	return validateRows(formData, ['gender', 'name', 'person', 'version'], () => positionRow, (rows, addError) => {
		for (const { key, data } of rows) {
			const position = Number(key);
			if (!Number.isInteger(position) || position < 1 || position > listSize) addError('gender', key, m.list_position_outside({ size: listSize }));
			else if (data.gender === null && data.name !== null) addError('gender', key, m.list_gender_needed());
		}
	});
}

/**
 * Saves the list size on the party's result (creating the result if there is none) and the positions
 * posted: a position with a gender is created or changed, one left empty is removed. Positions beyond
 * a smaller list size are removed too.
 */
export async function saveList(
	trx: Db,
	context: AuditContext,
	contestId: number,
	partyId: number,
	input: { list_size: number; result_version: number | null; source: string | null },
	rows: Array<{ key: string; data: ListPositionRow }>
) {
	const { source } = input;
	const result = await trx.selectFrom('party_results').select(['id', 'version']).where('contest_id', '=', contestId).where('party_id', '=', partyId).where('deleted_at', 'is', null).executeTakeFirst();
	if (!result) await createRecord(trx, context, 'party_results', { contest_id: contestId, party_id: partyId, list_size: input.list_size, source }, { source });
	// A result or an entry the form did not know of was added meanwhile: version 0 makes that a conflict.
	else await updateRecord(trx, context, 'party_results', result.id, input.result_version ?? 0, { list_size: input.list_size }, { source });

	const current = new Map((await listEntries(trx, contestId, partyId)).map((e) => [e.position, e]));
	const onList = new Set(
		(await trx.selectFrom('candidacies').select('person_id').where('contest_id', '=', contestId).where('party_id', '=', partyId).where('deleted_at', 'is', null).execute()).map((c) => c.person_id)
	);
	for (const { key, data } of rows) {
		const position = Number(key);
		const entry = current.get(position);
		current.delete(position);
		if (position > input.list_size) continue;
		if (data.person !== null && !onList.has(data.person)) throw new RecordRefusal(m.list_person_not_candidate(), `name-${key}`);
		const values = { gender: data.gender as Gender, name: data.name, person_id: data.person };
		const details = data.person ? { person_id: data.person } : undefined;
		if (!entry && data.gender) {
			await createRecord(trx, context, 'party_list_entries', { contest_id: contestId, party_id: partyId, position, ...values, source }, { source, details });
		} else if (entry && !data.gender) {
			await deleteRecord(trx, context, 'party_list_entries', entry.id, data.version ?? 0, { source });
		} else if (entry) {
			await updateRecord(trx, context, 'party_list_entries', entry.id, data.version ?? 0, values, { source, details });
		}
	}
	for (const entry of current.values()) {
		if (entry.position > input.list_size) await deleteRecord(trx, context, 'party_list_entries', entry.id, undefined, { source });
	}
}
