import { sql } from 'kysely';
import type { Db } from '../db';

export interface HeadlineTotals {
	/** Distinct people with a completed participation (as participant) in any training. */
	trained: number;
	trainings: number;
	/** Trained people with a candidacy that got at least as far as registration. */
	ran: number;
	candidacies: number;
	/** Candidacies with elected = true. */
	elected: number;
}

/** The home page's headline figures (DESIGN.md §4), one round trip. */
export async function headlineTotals(db: Db): Promise<HeadlineTotals> {
	const trainedPeople = db
		.selectFrom('training_participants as tp')
		.innerJoin('people as p', 'p.id', 'tp.person_id')
		.innerJoin('trainings as t', 't.id', 'tp.training_id')
		.select('tp.person_id')
		.distinct()
		.where('tp.role', '=', 'participant')
		.where('tp.completed', '=', true)
		.where('tp.deleted_at', 'is', null)
		.where('p.deleted_at', 'is', null)
		.where('t.deleted_at', 'is', null);

	const liveCandidacies = db
		.selectFrom('candidacies as c')
		.innerJoin('people as p', 'p.id', 'c.person_id')
		.where('c.deleted_at', 'is', null)
		.where('p.deleted_at', 'is', null);

	const row = await db
		.selectNoFrom((eb) => [
			eb.selectFrom(trainedPeople.as('tr')).select(sql<number>`count(*)`.as('n')).as('trained'),
			eb.selectFrom('trainings').select(sql<number>`count(*)`.as('n')).where('deleted_at', 'is', null).as('trainings'),
			eb
				.selectFrom(
					liveCandidacies
						.select('c.person_id')
						.distinct()
						.where((w) => w.or([w('c.status', 'in', ['registered', 'on_ballot']), w('c.exit_stage', 'in', ['registered', 'on_ballot'])]))
						.where('c.person_id', 'in', trainedPeople)
						.as('r')
				)
				.select(sql<number>`count(*)`.as('n'))
				.as('ran'),
			liveCandidacies.select(sql<number>`count(*)`.as('n')).as('candidacies'),
			liveCandidacies.select(sql<number>`count(*)`.as('n')).where('c.elected', '=', true).as('elected')
		])
		.executeTakeFirstOrThrow();
	return {
		trained: Number(row.trained ?? 0),
		trainings: Number(row.trainings ?? 0),
		ran: Number(row.ran ?? 0),
		candidacies: Number(row.candidacies ?? 0),
		elected: Number(row.elected ?? 0)
	};
}
