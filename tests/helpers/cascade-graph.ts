import type { Db } from '../../src/lib/server/db';

/**
 * Builders of hand-made cascades for tests and benchmarks. "A ⇒ B" = A facilitated a training that B
 * completed.
 */

/** Inserts people by name (Latin, so that search and sort keys are the names); returns name → id. */
export async function addPeople(db: Db, names: string[]): Promise<Record<string, number>> {
	const ids: Record<string, number> = {};
	for (let i = 0; i < names.length; i += 2000) {
		const rows = await db
			.insertInto('people')
			.values(names.slice(i, i + 2000).map((n) => ({ full_name: n, name_latin: n, search_key: n.toLowerCase(), sort_key: n.toLowerCase() })))
			.returning(['id', 'full_name'])
			.execute();
		for (const r of rows) ids[r.full_name] = r.id;
	}
	return ids;
}

let day = 0;

/** A training led by `facilitators`, completed by `participants` (and attended without completing by `dropped`). */
export async function addTraining(
	db: Db,
	facilitators: number[],
	participants: number[],
	options: { dropped?: number[]; kind?: 'tot' | 'step_down'; title?: string } = {}
): Promise<number> {
	day++;
	const date = new Date(Date.UTC(2012, 2, 1) + (day % 3000) * 86_400_000).toISOString().slice(0, 10);
	const { id } = await db
		.insertInto('trainings')
		.values({ title: options.title ?? `Training ${day}`, kind: options.kind ?? 'step_down', start_date: date, end_date: date })
		.returning('id')
		.executeTakeFirstOrThrow();
	const rows = [
		...facilitators.map((person_id) => ({ training_id: id, person_id, role: 'facilitator' as const, completed: true })),
		...participants.map((person_id) => ({ training_id: id, person_id, role: 'participant' as const, completed: true })),
		...(options.dropped ?? []).map((person_id) => ({ training_id: id, person_id, role: 'participant' as const, completed: false }))
	];
	for (let i = 0; i < rows.length; i += 1000) await db.insertInto('training_participants').values(rows.slice(i, i + 1000)).execute();
	return id;
}

export interface LayeredCascade {
	tot: number;
	/** The people of each level, from the TOT's graduates down. */
	levels: number[][];
	/** Who trained whom (trainer → trainees), to compute expected answers without SQL. */
	trainedBy: Map<number, number[]>;
}

/**
 * A TOT led by one trainer, whose `sizes[0]` graduates train `sizes[1]` women, who train `sizes[2]`,
 * … Every step-down is co-led by the next trainer of the level above, so trainers share trainees.
 * Each size must be a multiple of the one before. `prefix` keeps names apart between builds.
 */
export async function addLayeredCascade(db: Db, sizes: number[], prefix = 'Layer'): Promise<LayeredCascade> {
	const total = sizes.reduce((a, b) => a + b, 0);
	const names = Array.from({ length: total + 1 }, (_, i) => `${prefix} ${i}`);
	const byName = await addPeople(db, names);
	const [lead, ...women] = names.map((n) => byName[n]);
	const levels: number[][] = [];
	let offset = 0;
	for (const size of sizes) {
		levels.push(women.slice(offset, offset + size));
		offset += size;
	}
	const tot = await addTraining(db, [lead], levels[0], { kind: 'tot', title: `${prefix} TOT` });
	const trainedBy = new Map<number, number[]>([[lead, levels[0]]]);
	for (let depth = 1; depth < levels.length; depth++) {
		const trainers = levels[depth - 1];
		const perTrainer = levels[depth].length / trainers.length;
		for (let k = 0; k < trainers.length; k++) {
			const pair = [trainers[k], trainers[(k + 1) % trainers.length]];
			const trainees = levels[depth].slice(k * perTrainer, (k + 1) * perTrainer);
			await addTraining(db, pair, trainees);
			for (const trainer of pair) trainedBy.set(trainer, [...(trainedBy.get(trainer) ?? []), ...trainees]);
		}
	}
	return { tot, levels, trainedBy };
}

/** Reach level by level from one person, by a breadth-first walk in memory (the independent answer). */
export function reachByWalk(trainedBy: Map<number, number[]>, from: number): number[] {
	const seen = new Set([from]);
	const perLevel: number[] = [];
	for (let frontier = [from]; ; ) {
		const next = [...new Set(frontier.flatMap((id) => trainedBy.get(id) ?? []))].filter((id) => !seen.has(id));
		if (next.length === 0) return perLevel;
		next.forEach((id) => seen.add(id));
		perLevel.push(next.length);
		frontier = next;
	}
}
