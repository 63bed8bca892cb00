import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../db';

/**
 * The training cascade, computed in SQL (DESIGN.md §3–4). A facilitator of a training trained each of
 * its participants who completed it; "downstream" of a person is everyone she trained, everyone they
 * trained, and so on. Deleted people, trainings and participations are not part of it.
 *
 * Each walk is a recursive query that keeps (person, level) pairs with UNION, so a person reached by
 * two trainers, or at two depths, is counted once (at the shallowest level). A cycle in the data (a
 * woman recorded as training her own trainer) would make a walk go round; the walks stop at
 * MAX_LEVELS, and `cascadeCycles` finds such cycles for the data-quality page.
 */
export const MAX_LEVELS = 30;

/** trainer_id → trainee_id, once per pair: for walks over the whole cascade (every trainer, cycles, impact). */
const edges = sql`
	select distinct f.person_id as trainer_id, p.person_id as trainee_id
	from training_participants f
	join training_participants p on p.training_id = f.training_id and p.role = 'participant' and p.completed
		and p.deleted_at is null and p.person_id <> f.person_id
	join trainings t on t.id = f.training_id and t.deleted_at is null
	join people a on a.id = f.person_id and a.deleted_at is null
	join people b on b.id = p.person_id and b.deleted_at is null
	where f.role = 'facilitator' and f.deleted_at is null`;


export interface Reach {
	/** People reached at the first level (a training's participants; the women a person trained). */
	direct: number;
	/** Everyone reached, at any level, counted once. */
	total: number;
	/** How many levels deep the cascade goes (0 when it reached no one). */
	levels: number;
	/** total ÷ direct; null when there is no direct participant. */
	multiplier: number | null;
	/** People first reached at each level, from level 1. */
	perLevel: number[];
}

export interface CascadeNode {
	personId: number;
	level: number;
	/** The trainer through whom she was first reached (the lowest id among them); null at level 1. */
	parentId: number | null;
}

function reachOf(levels: { level: number; count: number }[]): Reach {
	const perLevel: number[] = [];
	for (const { level, count } of levels) perLevel[level - 1] = count;
	for (let i = 0; i < perLevel.length; i++) perLevel[i] ??= 0;
	const total = perLevel.reduce((sum, n) => sum + n, 0);
	const direct = perLevel[0] ?? 0;
	return { direct, total, levels: perLevel.length, multiplier: direct > 0 ? total / direct : null, perLevel };
}

/**
 * The joins from the people of `trainer` (a column reference) to the women they trained, as `p.person_id`:
 * the cascade's edges one step out of a frontier. Walking through the participation indexes from the
 * frontier costs what the walk reaches; building every edge first (`edges`) costs the whole cascade.
 */
const traineesOf = (trainer: string) => sql`
	join training_participants f on f.person_id = ${sql.ref(trainer)} and f.role = 'facilitator' and f.deleted_at is null
	join trainings t on t.id = f.training_id and t.deleted_at is null
	join people a on a.id = f.person_id and a.deleted_at is null
	join training_participants p on p.training_id = f.training_id and p.role = 'participant' and p.completed
		and p.deleted_at is null and p.person_id <> f.person_id
	join people b on b.id = p.person_id and b.deleted_at is null`;

/** One step down the cascade from `trainer` (a column reference) within a larger statement (impact/figures.ts), as `p.person_id`. */
export const cascadeStepFrom = (trainer: string): RawBuilder<unknown> => traineesOf(trainer);

/** The other way: from the women of `trainee` (a column reference) to those who trained them, as `f.person_id`. */
const trainersOf = (trainee: string) => sql`
	join training_participants p on p.person_id = ${sql.ref(trainee)} and p.role = 'participant' and p.completed and p.deleted_at is null
	join training_participants f on f.training_id = p.training_id and f.role = 'facilitator' and f.deleted_at is null and f.person_id <> p.person_id
	join trainings t on t.id = p.training_id and t.deleted_at is null
	join people a on a.id = f.person_id and a.deleted_at is null`;

/**
 * Walks down from level-1 people (a query of `person_id`) and returns each person reached with her
 * first level and, below level 1, the trainer through whom she was reached. `exclude` (a query of
 * `person_id`) removes people who are the cascade's own source, should a cycle lead back to them.
 */
async function walkDown(db: Db, firstLevel: RawBuilder<unknown>, exclude: RawBuilder<unknown>): Promise<CascadeNode[]> {
	const { rows } = await sql<{ person_id: number; level: number; parent_id: number | null }>`
		with recursive reach(person_id, level) as (
			select person_id, 1 from (${firstLevel}) first_level
			union
			select p.person_id, r.level + 1 from reach r ${traineesOf('r.person_id')} where r.level < ${MAX_LEVELS}
		),
		firsts as materialized (
			select person_id, min(level) as level from reach
			where person_id not in (select person_id from (${exclude}) excluded)
			group by person_id
		),
		-- The edges into each woman reached, with her level (so that the join below is edge by edge).
		arrivals as materialized (
			select f.person_id as trainer_id, p.person_id as trainee_id, w.level from firsts w ${trainersOf('w.person_id')}
		),
		parents as (
			select a.trainee_id as person_id, min(a.trainer_id) as parent_id
			from arrivals a join firsts up on up.person_id = a.trainer_id and up.level = a.level - 1
			group by a.trainee_id
		)
		select f.person_id, f.level, p.parent_id
		from firsts f left join parents p on p.person_id = f.person_id
		order by f.level, f.person_id
	`.execute(db);
	return rows.map((r) => ({ personId: r.person_id, level: r.level, parentId: r.parent_id }));
}

function countLevels(nodes: CascadeNode[]): Reach {
	const counts = new Map<number, number>();
	for (const n of nodes) counts.set(n.level, (counts.get(n.level) ?? 0) + 1);
	return reachOf([...counts].map(([level, count]) => ({ level, count })));
}

/** The cascade below a training: its completed participants (level 1) and everyone downstream of them. */
export async function cascadeFromTraining(db: Db, trainingId: number): Promise<{ reach: Reach; nodes: CascadeNode[] }> {
	const participants = sql`
		select p.person_id from training_participants p
		join trainings t on t.id = p.training_id and t.deleted_at is null
		join people x on x.id = p.person_id and x.deleted_at is null
		where p.training_id = ${trainingId} and p.role = 'participant' and p.completed and p.deleted_at is null`;
	const facilitators = sql`
		select person_id from training_participants
		where training_id = ${trainingId} and role = 'facilitator' and deleted_at is null`;
	const nodes = await walkDown(db, participants, facilitators);
	return { reach: countLevels(nodes), nodes };
}

/** The cascade below a person: the women she trained (level 1) and everyone downstream of them. */
export async function cascadeFromPerson(db: Db, personId: number): Promise<{ reach: Reach; nodes: CascadeNode[] }> {
	const trained = sql`select distinct p.person_id from (select ${personId}::int as person_id) me ${traineesOf('me.person_id')}`;
	const nodes = await walkDown(db, trained, sql`select ${personId}::int as person_id`);
	return { reach: countLevels(nodes), nodes };
}

/** Her reach alone (the person page): the walk of cascadeFromPerson without working out who reached whom. */
export async function reachOfPerson(db: Db, personId: number): Promise<Reach> {
	return (await reachOfPeople(db, [personId])).get(personId) ?? reachOf([]);
}

/**
 * Reach of many people at once (for sizing nodes and ranking trainers): every trainer among `ids`
 * (all trainers when `ids` is null) with her direct and total reach and depth. People who trained no
 * one are absent from the map.
 */
export async function reachOfPeople(db: Db, ids: readonly number[] | null): Promise<Map<number, Reach>> {
	if (ids && ids.length === 0) return new Map();
	// Some people (an ego network): walk out from them through the indexes. Everyone (the network
	// page): every edge built once and joined by hash (an unreferenced CTE is not computed).
	const [first, step, trainee] = ids
		? [sql`select distinct r.root as trainer_id, p.person_id as trainee_id from unnest(${[...ids]}::int[]) r(root) ${traineesOf('r.root')}`, traineesOf('w.person_id'), sql`p.person_id`]
		: [sql`select trainer_id, trainee_id from edges`, sql`join edges e on e.trainer_id = w.person_id`, sql`e.trainee_id`];
	const { rows } = await sql<{ root: number; level: number; count: number }>`
		with recursive edges as materialized (${edges}),
		walk(root, person_id, level) as (
			select trainer_id, trainee_id, 1 from (${first}) first_level
			union
			select w.root, ${trainee}, w.level + 1 from walk w ${step}
			where w.level < ${MAX_LEVELS} and w.person_id <> w.root
		),
		firsts as (select root, person_id, min(level) as level from walk where person_id <> root group by root, person_id)
		select root, level, count(*)::int as count from firsts group by root, level order by root, level
	`.execute(db);
	const byRoot = new Map<number, { level: number; count: number }[]>();
	for (const r of rows) {
		const list = byRoot.get(r.root) ?? [];
		list.push({ level: r.level, count: r.count });
		byRoot.set(r.root, list);
	}
	return new Map([...byRoot].map(([root, levels]) => [root, reachOf(levels)]));
}

export interface Trainer {
	id: number;
	fullName: string;
	trainingId: number;
	training: string;
	startDate: string;
}

/**
 * The chain upward from a person: who trained her (level 1), who trained them (level 2), … back to
 * the people no one in the data trained (the TOT's facilitators). Each person appears once, at her
 * nearest level, with the training at which she trained someone of the level below.
 */
export async function trainedByChain(db: Db, personId: number): Promise<Trainer[][]> {
	const { rows } = await sql<{ id: number; level: number; full_name: string; training_id: number; title: string; start_date: string }>`
		with recursive up(person_id, level) as (
			select ${personId}::int, 0
			union
			select f.person_id, u.level + 1 from up u ${trainersOf('u.person_id')} where u.level < ${MAX_LEVELS}
		),
		firsts as (select person_id, min(level) as level from up where person_id <> ${personId} group by person_id),
		-- Who each of them trained, and at which training (walked up through the indexes, not built for everyone).
		links as materialized (
			select distinct f.person_id as trainer_id, p.person_id as trainee_id, t.id as training_id
			from firsts w
			join training_participants f on f.person_id = w.person_id and f.role = 'facilitator' and f.deleted_at is null
			join training_participants p on p.training_id = f.training_id and p.role = 'participant' and p.completed
				and p.deleted_at is null and p.person_id <> f.person_id
			join trainings t on t.id = f.training_id and t.deleted_at is null
		)
		select f.person_id as id, f.level, p.full_name, t.id as training_id, t.title, t.start_date
		from firsts f
		join people p on p.id = f.person_id
		join lateral (
			select l.training_id from links l join firsts below on below.person_id = l.trainee_id and below.level = f.level - 1
			where l.trainer_id = f.person_id
			union
			select l.training_id from links l where l.trainer_id = f.person_id and l.trainee_id = ${personId} and f.level = 1
			order by 1 limit 1
		) via on true
		join trainings t on t.id = via.training_id
		order by f.level, p.sort_key collate "C", f.person_id
	`.execute(db);
	const chain: Trainer[][] = [];
	for (const r of rows) {
		(chain[r.level - 1] ??= []).push({ id: r.id, fullName: r.full_name, trainingId: r.training_id, training: r.title, startDate: r.start_date });
	}
	return chain.filter(Boolean);
}

export interface CascadeCycle {
	/** The people on the cycle (each can reach every other through "trained"), by name. */
	people: { id: number; fullName: string }[];
	/** The recorded trainings that close it: trainer → trainee at a training, both on the cycle. */
	links: { trainerId: number; traineeId: number; trainingId: number; training: string }[];
}

/**
 * Cycles in the cascade: groups of people each of whom is, through the records, downstream of every
 * other (strongly connected groups). Only someone who both trained and was trained can be on a cycle,
 * so the walks start and step only among such people.
 */
export async function cascadeCycles(db: Db): Promise<CascadeCycle[]> {
	const { rows } = await sql<{ root: number; members: number[] }>`
		with recursive edges as materialized (${edges}),
		candidates as materialized (select trainer_id as id from edges intersect select trainee_id from edges),
		inner_edges as materialized (
			select e.trainer_id, e.trainee_id from edges e
			where e.trainer_id in (select id from candidates) and e.trainee_id in (select id from candidates)
		),
		walk(root, person_id, level) as (
			select trainer_id, trainee_id, 1 from inner_edges
			union
			select w.root, e.trainee_id, w.level + 1 from walk w join inner_edges e on e.trainer_id = w.person_id
			where w.level < ${MAX_LEVELS} and w.person_id <> w.root
		),
		reaches as materialized (select distinct root, person_id from walk)
		select a.root, array_agg(a.person_id order by a.person_id) as members
		from reaches a
		where exists (select 1 from reaches b where b.root = a.person_id and b.person_id = a.root)
		group by a.root
	`.execute(db);
	// Each member of a cycle lists the same group (herself included, as she reaches herself).
	const groups = new Map<string, number[]>();
	for (const r of rows) groups.set(r.members.join(','), r.members);
	if (groups.size === 0) return [];
	const ids = [...new Set([...groups.values()].flat())];
	const names = new Map(
		(await db.selectFrom('people').select(['id', 'full_name']).where('id', 'in', ids).execute()).map((p) => [p.id, p.full_name])
	);
	const links = await db
		.selectFrom('training_participants as f')
		.innerJoin('training_participants as p', (j) =>
			j.onRef('p.training_id', '=', 'f.training_id').on('p.role', '=', 'participant').on('p.completed', '=', true).on('p.deleted_at', 'is', null)
		)
		.innerJoin('trainings as t', 't.id', 'f.training_id')
		.select(['f.person_id as trainerId', 'p.person_id as traineeId', 't.id as trainingId', 't.title as training'])
		.where('f.role', '=', 'facilitator')
		.where('f.deleted_at', 'is', null)
		.where('t.deleted_at', 'is', null)
		.where('f.person_id', 'in', ids)
		.where('p.person_id', 'in', ids)
		.orderBy('t.start_date')
		.orderBy('t.id')
		.execute();
	return [...groups.values()].map((members) => {
		const inGroup = new Set(members);
		return {
			people: members.map((id) => ({ id, fullName: names.get(id) ?? '' })),
			links: links.filter((l) => inGroup.has(l.trainerId) && inGroup.has(l.traineeId) && l.trainerId !== l.traineeId)
		};
	});
}
