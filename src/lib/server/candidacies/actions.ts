import { m } from '$lib/paraglide/messages';
import type { Db } from '../db';
import type { AuditContext } from '../audit/log';
import { can, type Actor } from '../auth/permissions';
import { createRecord, deleteRecord, updateRecord } from '../records/changes';
import { isUniqueViolation, RecordRefusal, withSource } from '../elections/refusal';
import { ruleErrors, type ActivityInput, type CandidacyInput, type NewCandidacyInput } from './schema';

// Writes of candidacies and campaign activities, inside the caller's transaction (pass trx). A
// candidacy belongs to its person's region; each change carries her id so it shows in her history.

async function contestOf(trx: Db, contestId: number) {
	return trx
		.selectFrom('contests as c')
		.innerJoin('elections as e', 'e.id', 'c.election_id')
		.select(['c.id', 'c.electoral_system', 'c.district'])
		.where('c.id', '=', contestId)
		.where('c.deleted_at', 'is', null)
		.where('e.deleted_at', 'is', null)
		.executeTakeFirst();
}

/** A majoritarian candidacy runs in the contest's district unless another one is given. */
function districtIn(contest: { electoral_system: string; district: string | null }, district: string | null): string | null {
	return district ?? (contest.electoral_system === 'majoritarian' ? contest.district : null);
}

async function checkParty(trx: Db, partyId: number | null) {
	if (partyId === null) return;
	const party = await trx.selectFrom('organizations').select('id').where('id', '=', partyId).where('kind', '=', 'party').where('deleted_at', 'is', null).executeTakeFirst();
	if (!party) throw new RecordRefusal(m.candidacy_party_invalid(), 'party_id');
}

/** Two tracked candidates of one party cannot hold the same position on its list. */
async function checkListPosition(trx: Db, c: { contest_id: number; party_id: number | null; list_position: number | null }, except?: number) {
	if (c.party_id === null || c.list_position === null) return;
	const holder = await trx
		.selectFrom('candidacies')
		.select('id')
		.where('contest_id', '=', c.contest_id)
		.where('party_id', '=', c.party_id)
		.where('list_position', '=', c.list_position)
		.where('deleted_at', 'is', null)
		.$if(except !== undefined, (q) => q.where('id', '<>', except!))
		.executeTakeFirst();
	if (holder) throw new RecordRefusal(m.candidacy_list_position_taken(), 'list_position', 409);
}

/** Records that a person runs in a contest; refused for a person outside the actor's regions. */
export async function createCandidacy(trx: Db, context: AuditContext, actor: Actor, input: NewCandidacyInput): Promise<number> {
	const person = await trx.selectFrom('people').select(['id', 'region_id']).where('id', '=', input.person_id).where('deleted_at', 'is', null).executeTakeFirst();
	if (!person) throw new RecordRefusal(m.candidacy_person_missing(), 'person_id');
	if (!can(actor, 'records:write', { regionId: person.region_id })) throw new RecordRefusal(m.candidacy_person_out_of_scope(), 'person_id', 403);
	const contest = await contestOf(trx, input.contest_id);
	if (!contest) throw new RecordRefusal(m.invalid_choice(), 'contest_id');
	const { source, ...values } = input;
	const district = districtIn(contest, values.district);
	const rules = RecordRefusal.of(ruleErrors({ ...values, district, votes: null, elected: null, took_seat: null }, contest.electoral_system));
	if (rules) throw rules;
	await checkParty(trx, values.party_id);
	const existing = await trx.selectFrom('candidacies').select('id').where('person_id', '=', person.id).where('contest_id', '=', contest.id).where('deleted_at', 'is', null).executeTakeFirst();
	if (existing) throw new RecordRefusal(m.candidacy_duplicate(), 'contest_id', 409);
	await checkListPosition(trx, values);
	try {
		const row = await createRecord(trx, context, 'candidacies', { ...values, district, source }, { source, details: { person_id: person.id } });
		return row.id as number;
	} catch (e) {
		// Two saves at once: the unique index catches what the check above could not see yet.
		if (isUniqueViolation(e)) throw new RecordRefusal(m.candidacy_duplicate(), 'contest_id', 409);
		throw e;
	}
}

export async function updateCandidacy(trx: Db, context: AuditContext, id: number, input: CandidacyInput) {
	const current = await trx.selectFrom('candidacies').select(['id', 'person_id', 'contest_id']).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
	const contest = current && (await contestOf(trx, current.contest_id));
	if (!current || !contest) throw new RecordRefusal(m.record_not_found(), null, 404);
	const { version, source, ...given } = input;
	const values = { ...given, district: districtIn(contest, given.district) };
	const rules = RecordRefusal.of(ruleErrors(values, contest.electoral_system));
	if (rules) throw rules;
	await checkParty(trx, values.party_id);
	await checkListPosition(trx, { ...values, contest_id: current.contest_id }, id);
	return updateRecord(trx, context, 'candidacies', id, version, withSource(values, source), { source, details: { person_id: current.person_id } });
}

export async function deleteCandidacy(trx: Db, context: AuditContext, id: number, version: number, source: string | null = null) {
	const current = await trx.selectFrom('candidacies').select('person_id').where('id', '=', id).executeTakeFirst();
	return deleteRecord(trx, context, 'candidacies', id, version, { source, details: { person_id: current?.person_id } });
}

async function candidacyPerson(trx: Db, candidacyId: number): Promise<number> {
	const c = await trx.selectFrom('candidacies').select('person_id').where('id', '=', candidacyId).where('deleted_at', 'is', null).executeTakeFirst();
	if (!c) throw new RecordRefusal(m.record_not_found(), null, 404);
	return c.person_id;
}

async function activityOf(trx: Db, candidacyId: number, activityId: number) {
	const a = await trx.selectFrom('campaign_activities').select('id').where('id', '=', activityId).where('candidacy_id', '=', candidacyId).where('deleted_at', 'is', null).executeTakeFirst();
	if (!a) throw new RecordRefusal(m.activity_gone(), null, 404);
	return a.id;
}

export async function addActivity(trx: Db, context: AuditContext, candidacyId: number, input: ActivityInput): Promise<number> {
	const personId = await candidacyPerson(trx, candidacyId);
	const row = await createRecord(trx, context, 'campaign_activities', { candidacy_id: candidacyId, ...input }, { source: input.source, details: { person_id: personId } });
	return row.id as number;
}

export async function updateActivity(trx: Db, context: AuditContext, candidacyId: number, activityId: number, version: number, input: ActivityInput) {
	const personId = await candidacyPerson(trx, candidacyId);
	const { source, ...values } = input;
	return updateRecord(trx, context, 'campaign_activities', await activityOf(trx, candidacyId, activityId), version, withSource(values, source), { source, details: { person_id: personId } });
}

export async function deleteActivity(trx: Db, context: AuditContext, candidacyId: number, activityId: number, version: number) {
	const personId = await candidacyPerson(trx, candidacyId);
	return deleteRecord(trx, context, 'campaign_activities', await activityOf(trx, candidacyId, activityId), version, { details: { person_id: personId } });
}
