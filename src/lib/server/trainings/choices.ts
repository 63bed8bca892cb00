import { sql } from 'kysely';
import type { Locale } from '../../domain/enums';
import type { Db } from '../db';
import { regionChoices } from '../regions';
import { organizationChoices } from '../organizations/queries';

/** The training itself and every training that descends from it (its cascade), by id. */
export async function cascadeIds(db: Db, trainingId: number): Promise<number[]> {
	// UNION (not UNION ALL) stops at rows already seen, so even a corrupt cycle cannot loop forever.
	const { rows } = await sql<{ id: number }>`
		with recursive cascade(id) as (
			select ${trainingId}::int
			union
			select t.id from trainings t join cascade c on t.parent_training_id = c.id
		)
		select id from cascade`.execute(db);
	return rows.map((r) => r.id);
}

/**
 * Trainings a training may descend from: not itself nor one of its own descendants. A region-limited
 * organizer sees those of her regions, and every Training of Trainers (the root of every cascade,
 * usually held in the capital).
 */
export async function parentChoices(db: Db, regionScope: number[] | null, trainingId?: number) {
	const excluded = trainingId === undefined ? [] : await cascadeIds(db, trainingId);
	let query = db.selectFrom('trainings').select(['id', 'title', 'start_date']).where('deleted_at', 'is', null);
	if (excluded.length) query = query.where('id', 'not in', excluded);
	if (regionScope) {
		const scope = regionScope.length ? regionScope : [-1];
		query = query.where((eb) => eb.or([eb('region_id', 'in', scope), eb('kind', '=', 'tot')]));
	}
	const rows = await query.orderBy('start_date', 'desc').orderBy('id', 'desc').execute();
	return rows.map((r) => ({ value: r.id, title: r.title, date: r.start_date }));
}

/** Everything the training form offers: regions (her own, for a region-limited organizer), organizers, parents. */
export async function trainingFormChoices(db: Db, regionScope: number[] | null, locale: Locale, trainingId?: number) {
	const [regions, organizations, parents] = await Promise.all([
		regionChoices(db, locale),
		organizationChoices(db),
		parentChoices(db, regionScope, trainingId)
	]);
	return { regions: regionScope ? regions.filter((r) => regionScope.includes(r.value)) : regions, organizations, parents };
}
