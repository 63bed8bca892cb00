import { sql } from 'kysely';
import { ORGANIZATION_KINDS, type OrganizationKind } from '../../domain/enums';
import type { Db } from '../db';
import { networkPeople, type NetworkFilter } from './graph';

/** Partner organizations by default: every kind but political parties (their lists are elsewhere). */
export const PARTNER_KINDS: readonly OrganizationKind[] = ORGANIZATION_KINDS.filter((k) => k !== 'party');

/**
 * Which organizations link the most trained women: each with the number of distinct women among its
 * current members (membership not deleted) who completed a training as a participant (training and
 * participation not deleted), most first. Members are the network's people: within `regionScope` and
 * matching `filter`. Organizations without any such member are left out.
 */
export async function organizationLinks(
	db: Db,
	options: { filter?: NetworkFilter; regionScope?: readonly number[] | null; kinds?: readonly OrganizationKind[]; limit?: number } = {}
) {
	const kinds = options.kinds ?? PARTNER_KINDS;
	if (kinds.length === 0) return [];
	const trainedWoman = sql<boolean>`(p.gender = 'female' and exists (
		select 1 from training_participants tp join trainings t on t.id = tp.training_id and t.deleted_at is null
		where tp.person_id = p.id and tp.role = 'participant' and tp.completed and tp.deleted_at is null
	))`;
	return db
		.selectFrom('organizations as o')
		.innerJoin('memberships as ms', (j) => j.onRef('ms.organization_id', '=', 'o.id').on('ms.deleted_at', 'is', null))
		.innerJoin('people as p', 'p.id', 'ms.person_id')
		.select([
			'o.id',
			'o.name',
			'o.short_name as shortName',
			'o.kind',
			sql<number>`count(distinct p.id) filter (where ${trainedWoman})::int`.as('trainedWomen'),
			sql<number>`count(distinct p.id)::int`.as('members')
		])
		.where('o.deleted_at', 'is', null)
		.where('o.kind', 'in', [...kinds])
		.where('p.id', 'in', networkPeople(db, options.filter ?? {}, options.regionScope ?? null).select('p.id'))
		.groupBy('o.id')
		.having(sql<number>`count(distinct p.id) filter (where ${trainedWoman})`, '>', 0)
		.orderBy('trainedWomen', 'desc')
		.orderBy('o.name')
		.orderBy('o.id')
		.limit(options.limit ?? 20)
		.execute();
}
