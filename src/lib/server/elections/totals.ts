import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import type { Db } from '../db';
import type { AuditContext } from '../audit/log';
import { changesSince, ConflictError, createRecord, deleteRecord, updateRecord } from '../records/changes';
import { checkbox, optionalIdRef, optionalInt, versionField } from '../fields';
import { validateRows } from './rows';
import { isUniqueViolation, RecordRefusal, withSource } from './refusal';
import type { TotalsInput } from './schema';

// A contest's official totals (one row per contest) and its party results (seats won and list size
// per party), both shared records from the election commission's protocols.

export async function contestTotals(db: Db, contestId: number) {
	return db.selectFrom('contest_totals').selectAll().where('contest_id', '=', contestId).where('deleted_at', 'is', null).executeTakeFirst();
}

/** Creates the totals of a contest, or changes them at the version the form was loaded with. */
export async function saveTotals(trx: Db, context: AuditContext, contestId: number, input: TotalsInput) {
	const { version, source, ...values } = input;
	const current = await trx.selectFrom('contest_totals').selectAll().where('contest_id', '=', contestId).where('deleted_at', 'is', null).forUpdate().executeTakeFirst();
	if (!current) return (await createRecord(trx, context, 'contest_totals', { contest_id: contestId, ...values, source }, { source })).id as number;
	// Someone entered the totals after this form was loaded empty: a conflict, not a silent overwrite.
	if (version === null) throw new ConflictError(current, await changesSince(trx, 'contest_totals', current.id, 0));
	await updateRecord(trx, context, 'contest_totals', current.id, version, withSource(values, source), { source });
	return current.id;
}

export async function partyResults(db: Db, contestId: number) {
	return db
		.selectFrom('party_results as r')
		.innerJoin('organizations as o', 'o.id', 'r.party_id')
		.select(['r.id', 'r.version', 'r.party_id', 'o.name as party', 'r.seats_won', 'r.list_size', 'r.votes', 'r.vote_share'])
		.where('r.contest_id', '=', contestId)
		.where('r.deleted_at', 'is', null)
		.orderBy('r.seats_won', (ob) => ob.desc().nullsLast())
		.orderBy('o.name')
		.execute();
}

const seatsWon = optionalInt(0, 500);
const listSize = optionalInt(1, 300);
const existingRow = z.object({ version: versionField, seats_won: seatsWon, list_size: listSize, remove: checkbox });
const newRow = z.object({ party_id: optionalIdRef, seats_won: seatsWon, list_size: listSize });
type PartyResultRow = { version?: number; party_id?: number | null; seats_won: number | null; list_size: number | null; remove?: boolean };

/**
 * The party-results form: existing rows keyed by their id, and a `new` row to add a party. Seats won
 * together may not exceed the contest's seats.
 */
export function validatePartyResults(formData: FormData, seats: number | null) {
	return validateRows<z.ZodType<PartyResultRow>>(
		formData,
		['version', 'party_id', 'seats_won', 'list_size', 'remove'],
		(key) => (key === 'new' ? newRow : existingRow) as z.ZodType<PartyResultRow>,
		(rows, addError) => {
			const added = rows.find((r) => r.key === 'new');
			if (added && added.data.party_id === null && (added.data.seats_won !== null || added.data.list_size !== null)) addError('party_id', 'new', m.required_field());
			let total = 0;
			for (const { key, data } of rows) {
				if (data.remove) continue;
				total += data.seats_won ?? 0;
				if (seats !== null && total > seats) addError('seats_won', key, m.results_seats_over({ seats }));
			}
		},
		// Several forms share the contest page; each source field needs its own name (and id).
		'parties_source'
	);
}

export async function savePartyResults(
	trx: Db,
	context: AuditContext,
	contestId: number,
	rows: Array<{ key: string; data: PartyResultRow }>,
	source: string | null
) {
	const current = await partyResults(trx, contestId);
	const byId = new Map(current.map((r) => [String(r.id), r]));
	for (const { key, data } of rows) {
		if (key === 'new') {
			if (data.party_id === null || data.party_id === undefined) continue;
			const party = await trx.selectFrom('organizations').select('id').where('id', '=', data.party_id).where('kind', '=', 'party').where('deleted_at', 'is', null).executeTakeFirst();
			if (!party) throw new RecordRefusal(m.candidacy_party_invalid(), 'party_id-new');
			try {
				await createRecord(trx, context, 'party_results', { contest_id: contestId, party_id: party.id, seats_won: data.seats_won, list_size: data.list_size, source }, { source });
			} catch (e) {
				if (isUniqueViolation(e)) throw new RecordRefusal(m.results_party_duplicate(), 'party_id-new', 409);
				throw e;
			}
			continue;
		}
		const row = byId.get(key);
		if (!row) throw new RecordRefusal(m.results_row_gone(), `seats_won-${key}`, 409);
		if (data.remove) await deleteRecord(trx, context, 'party_results', row.id, data.version, { source });
		else await updateRecord(trx, context, 'party_results', row.id, data.version!, { seats_won: data.seats_won, list_size: data.list_size }, { source });
	}
}
