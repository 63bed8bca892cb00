import type { Locale } from '../../domain/enums';
import type { Db } from '../db';
import { localizedName } from '../db/localized';

// Reads of candidacies and their campaign activities.

/** A candidacy with its person, contest, election and party (undefined when it or its contest is deleted). */
export async function getCandidacy(db: Db, id: number, locale: Locale) {
	return db
		.selectFrom('candidacies as x')
		.innerJoin('people as p', 'p.id', 'x.person_id')
		.innerJoin('contests as c', 'c.id', 'x.contest_id')
		.innerJoin('elections as e', 'e.id', 'c.election_id')
		.leftJoin('organizations as o', 'o.id', 'x.party_id')
		.selectAll('x')
		.select([
			'p.full_name',
			'p.region_id',
			localizedName('c', locale).as('contest'),
			'c.election_id',
			'c.electoral_system',
			'c.council_kind',
			'c.district as contest_district',
			'c.seats',
			localizedName('e', locale).as('election'),
			'e.date as election_date',
			'o.name as party'
		])
		.where('x.id', '=', id)
		.where('x.deleted_at', 'is', null)
		.where('c.deleted_at', 'is', null)
		.executeTakeFirst();
}
export type CandidacyView = NonNullable<Awaited<ReturnType<typeof getCandidacy>>>;

export async function campaignActivities(db: Db, candidacyId: number) {
	return db
		.selectFrom('campaign_activities')
		.select(['id', 'version', 'kind', 'date', 'description', 'people_reached', 'source'])
		.where('candidacy_id', '=', candidacyId)
		.where('deleted_at', 'is', null)
		.orderBy('date', (ob) => ob.asc().nullsLast())
		.orderBy('id')
		.execute();
}

/**
 * A person's candidacies, oldest election first, for her page: the council in the interface language,
 * the election date, party and list position or district, status and result, and how many campaign
 * activities are recorded. `elected` is null while the result is pending (never counted as lost).
 */
export async function candidaciesOfPerson(db: Db, personId: number, locale: Locale) {
	return db
		.selectFrom('candidacies as x')
		.innerJoin('contests as c', 'c.id', 'x.contest_id')
		.innerJoin('elections as e', 'e.id', 'c.election_id')
		.leftJoin('organizations as o', 'o.id', 'x.party_id')
		.select((eb) => [
			'x.id',
			'x.contest_id',
			'c.election_id',
			localizedName('c', locale).as('contest'),
			'c.council_kind',
			localizedName('e', locale).as('election'),
			'e.date as election_date',
			'o.name as party',
			'x.list_position',
			'x.district',
			'x.status',
			'x.exit_stage',
			'x.votes',
			'x.vote_share',
			'x.elected',
			'x.took_seat',
			eb
				.selectFrom('campaign_activities as a')
				.select((s) => s.fn.countAll<number>().as('n'))
				.whereRef('a.candidacy_id', '=', 'x.id')
				.where('a.deleted_at', 'is', null)
				.as('activities')
		])
		.where('x.person_id', '=', personId)
		.where('x.deleted_at', 'is', null)
		.where('c.deleted_at', 'is', null)
		.where('e.deleted_at', 'is', null)
		.orderBy('e.date')
		.orderBy('x.id')
		.execute()
		.then((rows) => rows.map((r) => ({ ...r, activities: Number(r.activities ?? 0) })));
}
export type PersonCandidacy = Awaited<ReturnType<typeof candidaciesOfPerson>>[number];

/** Contests to run in, newest election first, named "council, district — election". */
export async function contestOptions(db: Db, locale: Locale) {
	const rows = await db
		.selectFrom('contests as c')
		.innerJoin('elections as e', 'e.id', 'c.election_id')
		.select(['c.id', localizedName('c', locale).as('name'), 'c.district', localizedName('e', locale).as('election'), 'c.electoral_system'])
		.where('c.deleted_at', 'is', null)
		.where('e.deleted_at', 'is', null)
		.orderBy('e.date', 'desc')
		.orderBy(localizedName('c', locale))
		.orderBy('c.district')
		.execute();
	return rows.map((r) => ({ value: r.id, label: `${r.name}${r.district ? `, ${r.district}` : ''} — ${r.election}`, system: r.electoral_system }));
}

/** The person a new candidacy is for: her name and region (for the permission check). */
export async function candidatePerson(db: Db, id: number) {
	return db.selectFrom('people').select(['id', 'full_name', 'region_id', 'name_latin']).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
}
