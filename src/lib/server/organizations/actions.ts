import { sql } from 'kysely';
import { m } from '$lib/paraglide/messages';
import type { Db } from '../db';
import type { AuditContext } from '../audit/log';
import { createRecord, deleteRecord, RecordNotFoundError, updateRecord } from '../records/changes';
import { InputError } from '../trainings/errors';
import { regionExists } from '../trainings/actions';
import { livePerson } from '../trainings/attendance';
import type { MembershipInput, OrganizationInput, OtherNameInput } from './schema';

// Writes of organizations, their other names and their members. Callers open the transaction and
// pass `trx`; every change goes through the records layer (versioned, audited, soft).

function organizationColumns(input: OrganizationInput) {
	const { source: _source, ...columns } = input;
	return columns;
}

async function checkRegion(trx: Db, input: OrganizationInput) {
	if (input.region_id !== null && !(await regionExists(trx, input.region_id))) throw new InputError('region_id', m.invalid_choice());
}

export async function createOrganization(trx: Db, context: AuditContext, input: OrganizationInput) {
	await checkRegion(trx, input);
	return createRecord(trx, context, 'organizations', organizationColumns(input), { source: input.source });
}

export async function updateOrganization(trx: Db, context: AuditContext, id: number, version: number, input: OrganizationInput) {
	await checkRegion(trx, input);
	return updateRecord(trx, context, 'organizations', id, version, organizationColumns(input), { source: input.source });
}

/** Trainings it organized and election records (candidacies, party results and lists) that name it. */
export async function organizationUses(db: Db, id: number): Promise<number> {
	const { rows } = await sql<{ n: number }>`select
		(select count(*) from trainings where organizer_id = ${id} and deleted_at is null)
		+ (select count(*) from candidacies where party_id = ${id} and deleted_at is null)
		+ (select count(*) from party_results where party_id = ${id} and deleted_at is null)
		+ (select count(*) from party_list_entries where party_id = ${id} and deleted_at is null) as n`.execute(db);
	return Number(rows[0].n);
}

/**
 * Soft delete. Refused while trainings or election records still name it, so that no page is left
 * pointing at a deleted organizer or party; its other names and memberships go (and come back) with it.
 */
export async function deleteOrganization(trx: Db, context: AuditContext, id: number, version: number, source: string | null = null) {
	const uses = await organizationUses(trx, id);
	if (uses > 0) throw new InputError('_form', m.org_in_use({ count: uses }));
	return deleteRecord(trx, context, 'organizations', id, version, { source });
}

export function addOtherName(trx: Db, context: AuditContext, organizationId: number, input: OtherNameInput) {
	const { source, ...fields } = input;
	return createRecord(trx, context, 'organization_names', { organization_id: organizationId, ...fields }, { source, details: { organization_id: organizationId } });
}

export async function removeOtherName(trx: Db, context: AuditContext, organizationId: number, row: { id: number; version: number; source: string | null }) {
	const name = await trx.selectFrom('organization_names').select('id').where('id', '=', row.id).where('organization_id', '=', organizationId).executeTakeFirst();
	if (!name) throw new RecordNotFoundError('organization_names', row.id);
	return deleteRecord(trx, context, 'organization_names', row.id, row.version, { source: row.source, details: { organization_id: organizationId } });
}

export async function addMembership(trx: Db, context: AuditContext, organizationId: number, input: MembershipInput) {
	if (!(await livePerson(trx, input.person_id))) throw new InputError('person_id', m.invalid_choice());
	const { source, ...fields } = input;
	// The membership's own source column keeps where it is known from; the audit entry has it too.
	return createRecord(trx, context, 'memberships', { organization_id: organizationId, ...fields, source }, { source, details: { person_id: input.person_id, organization_id: organizationId } });
}

/** A membership of this organization (not another's: the URL names the organization). */
export async function membership(db: Db, organizationId: number, id: number) {
	const row = await db
		.selectFrom('memberships')
		.select(['id', 'person_id', 'start_date'])
		.where('id', '=', id)
		.where('organization_id', '=', organizationId)
		.where('deleted_at', 'is', null)
		.executeTakeFirst();
	if (!row) throw new RecordNotFoundError('memberships', id);
	return row;
}

/** Ends a membership on a date (or reopens it with null); the end cannot be before its start. */
export async function setMembershipEnd(
	trx: Db,
	context: AuditContext,
	organizationId: number,
	row: { id: number; version: number; end_date: string | null; source: string | null }
) {
	const current = await membership(trx, organizationId, row.id);
	if (row.end_date && current.start_date && row.end_date < current.start_date) throw new InputError('end_date', m.end_before_start());
	return updateRecord(trx, context, 'memberships', row.id, row.version, { end_date: row.end_date }, {
		source: row.source,
		details: { person_id: current.person_id, organization_id: organizationId }
	});
}

export async function removeMembership(trx: Db, context: AuditContext, organizationId: number, row: { id: number; version: number; source: string | null }) {
	const current = await membership(trx, organizationId, row.id);
	return deleteRecord(trx, context, 'memberships', row.id, row.version, {
		source: row.source,
		details: { person_id: current.person_id, organization_id: organizationId }
	});
}
