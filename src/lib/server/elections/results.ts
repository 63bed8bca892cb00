import { sql } from 'kysely';
import { m } from '$lib/paraglide/messages';
import type { ElectoralSystem } from '../../domain/enums';
import type { Db } from '../db';
import { byName } from '../db/localized';
import type { AuditContext } from '../audit/log';
import { can, type Actor } from '../auth/permissions';
import { ConflictError, updateRecord, type ChangeMeanwhile } from '../records/changes';
import { resultRowSchema, RESULT_ROW_FIELDS, ruleErrors, type ResultRow } from '../candidacies/schema';
import { validateRows, type RowsResult } from './rows';
import { RecordRefusal } from './refusal';

// The results grid of a contest: every tracked candidacy in one form, saved in one transaction. One
// bad row refuses the whole save; so does one stale row (someone changed it meanwhile).

/** The tracked candidacies of a contest, as the grid shows them; narrowed to a region scope. */
export async function contestCandidacies(db: Db, contestId: number, regionScope: number[] | null) {
	let query = db
		.selectFrom('candidacies as x')
		.innerJoin('people as p', 'p.id', 'x.person_id')
		.leftJoin('organizations as o', 'o.id', 'x.party_id')
		.select([
			'x.id', 'x.version', 'x.person_id', 'p.full_name', 'p.region_id', 'x.party_id', sql<string | null>`coalesce(o.short_name, o.name)`.as('party'), 'x.status', 'x.exit_stage',
			'x.list_position', 'x.district', 'x.votes', 'x.vote_share', 'x.elected', 'x.took_seat'
		])
		.where('x.contest_id', '=', contestId)
		.where('x.deleted_at', 'is', null)
		.where('p.deleted_at', 'is', null);
	if (regionScope) query = query.where('p.region_id', 'in', regionScope.length ? regionScope : [-1]);
	return query.orderBy('o.name').orderBy('x.list_position').orderBy(byName('p')).orderBy('x.id').execute();
}

/** Validates the posted grid: each row's fields and the candidacy rules of this contest's system. */
export function validateResults(formData: FormData, system: ElectoralSystem): RowsResult<ResultRow> {
	return validateRows(formData, RESULT_ROW_FIELDS, () => resultRowSchema, (rows, addError) => {
		for (const { key, data } of rows) {
			for (const [field, message] of Object.entries(ruleErrors({ ...data, district: null }, system))) addError(field, key, message);
		}
	});
}

/** Rows refused because they changed meanwhile, by row key (the candidacy id). */
export class ResultsConflictError extends Error {
	constructor(readonly rows: Array<{ key: string; version: number; meanwhile: ChangeMeanwhile[] }>) {
		super('Some rows of the results were changed meanwhile');
	}
}

/**
 * Saves the rows (keyed by candidacy id) of a contest's grid, all or nothing. Every row must be a
 * candidacy of this contest that the actor may change; two of one party cannot share a list position.
 */
export async function saveResults(
	trx: Db,
	context: AuditContext,
	actor: Actor,
	contestId: number,
	rows: Array<{ key: string; data: ResultRow }>,
	source: string | null
): Promise<number> {
	if (rows.length === 0) throw new RecordRefusal(m.results_nothing_posted());
	const ids = rows.map((r) => Number(r.key));
	const found = await trx
		.selectFrom('candidacies as x')
		.innerJoin('people as p', 'p.id', 'x.person_id')
		.select(['x.id', 'x.person_id', 'p.region_id'])
		.where('x.id', 'in', ids)
		.where('x.contest_id', '=', contestId)
		.where('x.deleted_at', 'is', null)
		.execute();
	const byId = new Map(found.map((f) => [f.id, f]));
	const conflicts: ResultsConflictError['rows'] = [];
	let changed = 0;
	for (const { key, data } of rows) {
		const candidacy = byId.get(Number(key));
		if (!candidacy) throw new RecordRefusal(m.results_row_gone(), `status-${key}`, 409);
		if (!can(actor, 'records:write', { regionId: candidacy.region_id })) throw new RecordRefusal(m.forbidden(), `status-${key}`, 403);
		const { version, ...changes } = data;
		try {
			const result = await updateRecord(trx, context, 'candidacies', candidacy.id, version, changes, { source, details: { person_id: candidacy.person_id } });
			if (result.changed.length) changed++;
		} catch (e) {
			if (!(e instanceof ConflictError)) throw e;
			conflicts.push({ key, version: e.current.version as number, meanwhile: e.meanwhile });
		}
	}
	// Throwing rolls back the rows already written in this transaction: all or nothing.
	if (conflicts.length) throw new ResultsConflictError(conflicts);
	const clash = await trx
		.selectFrom('candidacies as x')
		.innerJoin('candidacies as y', (j) => j.onRef('y.contest_id', '=', 'x.contest_id').onRef('y.party_id', '=', 'x.party_id').onRef('y.list_position', '=', 'x.list_position').onRef('y.id', '<>', 'x.id'))
		.select('x.id')
		.where('x.id', 'in', ids)
		.where('x.deleted_at', 'is', null)
		.where('y.deleted_at', 'is', null)
		.orderBy('x.id')
		.executeTakeFirst();
	if (clash) throw new RecordRefusal(m.candidacy_list_position_taken(), `list_position-${clash.id}`, 409);
	return changed;
}
