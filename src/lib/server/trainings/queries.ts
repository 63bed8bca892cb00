import { sql } from 'kysely';
import type { Locale, ParticipantRole } from '../../domain/enums';
import type { Db } from '../db';
import { byName, localizedName } from '../db/localized';
import type { TrainingListQuery } from './schema';

export const TRAININGS_PAGE_SIZE = 25;

/** How many people (not deleted) attend the outer training `t` in a role; with `completedOnly`, those who completed it. */
function attendance(db: Db, role: ParticipantRole, completedOnly = false) {
	let query = db
		.selectFrom('training_participants as tp')
		.innerJoin('people as p', 'p.id', 'tp.person_id')
		.select((c) => c.fn.countAll<number>().as('n'))
		.where('tp.training_id', '=', sql.ref<number>('t.id'))
		.where('tp.role', '=', role)
		.where('tp.deleted_at', 'is', null)
		.where('p.deleted_at', 'is', null);
	if (completedOnly) query = query.where('tp.completed', '=', true);
	return query;
}

/** Facilitators' names, as written, for the list. */
const facilitatorNames = sql<string | null>`(select string_agg(p.full_name, ', ' order by p.sort_key collate "C")
	from training_participants tp join people p on p.id = tp.person_id
	where tp.training_id = t.id and tp.role = 'facilitator' and tp.deleted_at is null and p.deleted_at is null)`;

/** Trainings for the list: filtered, sorted and paged from the URL, narrowed to a region scope when given. */
export async function listTrainings(db: Db, query: TrainingListQuery, regionScope: number[] | null, locale: Locale) {
	let base = db
		.selectFrom('trainings as t')
		.leftJoin('regions as r', 'r.id', 't.region_id')
		.leftJoin('organizations as o', 'o.id', 't.organizer_id')
		.where('t.deleted_at', 'is', null);
	if (regionScope) base = base.where('t.region_id', 'in', regionScope.length ? regionScope : [-1]);
	if (query.kind) base = base.where('t.kind', '=', query.kind);
	// A region stands for itself and its raions.
	if (query.region) base = base.where((eb) => eb.or([eb('t.region_id', '=', query.region!), eb('r.parent_id', '=', query.region!)]));
	if (query.year) base = base.where('t.start_date', '>=', `${query.year}-01-01`).where('t.start_date', '<', `${query.year + 1}-01-01`);

	const rows = await base
		.select([
			't.id',
			't.title',
			't.kind',
			't.start_date',
			't.end_date',
			't.organizer_id',
			'o.name as organizer',
			localizedName('r', locale).as('region'),
			attendance(db, 'participant').as('participants'),
			attendance(db, 'participant', true).as('completed'),
			facilitatorNames.as('facilitators')
		])
		.$call((q) => {
			const dir = query.dir;
			if (query.sort === 'title') return q.orderBy('t.title', dir);
			if (query.sort === 'participants') return q.orderBy(sql`participants`, dir).orderBy('t.start_date', 'desc');
			return q.orderBy('t.start_date', dir);
		})
		.orderBy('t.id', query.dir)
		.limit(TRAININGS_PAGE_SIZE)
		.offset((query.page - 1) * TRAININGS_PAGE_SIZE)
		.execute();
	const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
	return { rows, total: Number(total.n), pageSize: TRAININGS_PAGE_SIZE };
}

/** The years trainings started in, newest first, for the list's filter. */
export async function trainingYears(db: Db, regionScope: number[] | null): Promise<number[]> {
	let query = db.selectFrom('trainings').select(sql<number>`extract(year from start_date)::int`.as('year')).distinct().where('deleted_at', 'is', null);
	if (regionScope) query = query.where('region_id', 'in', regionScope.length ? regionScope : [-1]);
	const rows = await query.orderBy('year', 'desc').execute();
	return rows.map((r) => Number(r.year));
}

/** A training with its events, attendance, the training it descends from and those that descend from it. */
export async function getTraining(db: Db, id: number, locale: Locale) {
	const training = await db
		.selectFrom('trainings as t')
		.leftJoin('regions as r', 'r.id', 't.region_id')
		.leftJoin('organizations as o', (join) => join.onRef('o.id', '=', 't.organizer_id').on('o.deleted_at', 'is', null))
		.leftJoin('trainings as parent', (join) => join.onRef('parent.id', '=', 't.parent_training_id').on('parent.deleted_at', 'is', null))
		.selectAll('t')
		.select([localizedName('r', locale).as('region'), 'o.name as organizer', 'parent.title as parent_title', 'parent.start_date as parent_start_date'])
		.where('t.id', '=', id)
		.where('t.deleted_at', 'is', null)
		.executeTakeFirst();
	if (!training) return undefined;
	const [events, participants, children] = await Promise.all([
		db
			.selectFrom('training_events')
			.select(['id', 'version', 'kind', 'date', 'title', 'description'])
			.where('training_id', '=', id)
			.where('deleted_at', 'is', null)
			.orderBy('date')
			.orderBy('id')
			.execute(),
		db
			.selectFrom('training_participants as tp')
			.innerJoin('people as p', 'p.id', 'tp.person_id')
			.leftJoin('regions as r', 'r.id', 'p.region_id')
			.select(['tp.id', 'tp.version', 'tp.role', 'tp.completed', 'p.id as person_id', 'p.full_name', 'p.name_latin', localizedName('r', locale).as('region')])
			.where('tp.training_id', '=', id)
			.where('tp.deleted_at', 'is', null)
			.where('p.deleted_at', 'is', null)
			// Facilitators first, then participants, each alphabetically across scripts.
			.orderBy('tp.role')
			.orderBy(byName('p'))
			.orderBy('tp.id')
			.execute(),
		db
			.selectFrom('trainings as t')
			.leftJoin('regions as r', 'r.id', 't.region_id')
			.select([
				't.id',
				't.title',
				't.kind',
				't.start_date',
				localizedName('r', locale).as('region'),
				attendance(db, 'participant').as('participants')
			])
			.where('t.parent_training_id', '=', id)
			.where('t.deleted_at', 'is', null)
			.orderBy('t.start_date')
			.orderBy('t.id')
			.execute()
	]);
	return { training, events, participants, children };
}

/** A training as stored, for its edit form. */
export function getTrainingRecord(db: Db, id: number) {
	return db.selectFrom('trainings').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
}

/**
 * The trainings a person attended or led, oldest first, with her role and whether she completed
 * each (for her page). Deleted trainings and removed participations are left out.
 */
export function trainingsOfPerson(db: Db, personId: number) {
	return db
		.selectFrom('training_participants as tp')
		.innerJoin('trainings as t', 't.id', 'tp.training_id')
		.select(['tp.id as participation_id', 't.id', 't.title', 't.kind', 't.start_date', 't.end_date', 't.region_id', 'tp.role', 'tp.completed'])
		.where('tp.person_id', '=', personId)
		.where('tp.deleted_at', 'is', null)
		.where('t.deleted_at', 'is', null)
		.orderBy('t.start_date')
		.orderBy('t.id')
		.execute();
}
export type PersonTraining = Awaited<ReturnType<typeof trainingsOfPerson>>[number];
