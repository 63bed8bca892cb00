import { sql } from 'kysely';
import type { Locale } from '../../domain/enums';
import { suppressCount, suppressRate, type SuppressedCount } from '../../domain/privacy';
import type { Db } from '../db';
import { localizedName } from '../db/localized';
import { cascadeFromTraining } from '../network/cascade';

export interface RegionCount {
	/** The oblast or city of republican significance; null for people with no region recorded. */
	regionId: number | null;
	region: string | null;
	count: number;
}

/** How far one Training of Trainers reached, in numbers only: no person is named or identified. */
export interface TotReach {
	trainingId: number;
	title: string;
	startDate: string;
	direct: number;
	total: number;
	levels: number;
	multiplier: number | null;
	perLevel: number[];
	/** The women reached (all levels), by the oblast or city they live in, largest first. */
	byRegion: RegionCount[];
}

/** The cascade of every Training of Trainers, oldest first (DESIGN.md §4: reach and multiplier). */
export async function totReach(db: Db, locale: Locale): Promise<TotReach[]> {
	const tots = await db
		.selectFrom('trainings')
		.select(['id', 'title', 'start_date'])
		.where('kind', '=', 'tot')
		.where('deleted_at', 'is', null)
		.orderBy('start_date')
		.orderBy('id')
		.execute();
	const result: TotReach[] = [];
	for (const tot of tots) {
		const { reach, nodes } = await cascadeFromTraining(db, tot.id);
		result.push({ trainingId: tot.id, title: tot.title, startDate: tot.start_date, ...reach, byRegion: await reachedByRegion(db, nodes.map((n) => n.personId), locale) });
	}
	return result;
}

async function reachedByRegion(db: Db, ids: number[], locale: Locale): Promise<RegionCount[]> {
	if (ids.length === 0) return [];
	const rows = await db
		.selectFrom('people as p')
		.leftJoin('regions as r', 'r.id', 'p.region_id')
		// A raion counts with its oblast; an oblast or city counts as itself.
		.leftJoin('regions as top', (j) => j.on(sql<boolean>`top.id = case when r.level = 'raion' then r.parent_id else r.id end`))
		.select(['top.id as regionId', localizedName('top', locale).as('region'), sql<number>`count(*)::int`.as('count')])
		.where(sql<boolean>`p.id = any(${ids}::int[])`)
		.groupBy(['top.id', localizedName('top', locale)])
		.orderBy(sql`count(*)`, 'desc')
		.orderBy(localizedName('top', locale))
		.execute();
	return rows.map((r) => ({ regionId: r.regionId, region: r.region, count: Number(r.count) }));
}

export interface ShownTotReach extends Omit<TotReach, 'direct' | 'total' | 'perLevel' | 'byRegion'> {
	direct: SuppressedCount;
	total: SuppressedCount;
	perLevel: SuppressedCount[];
	byRegion: (Omit<RegionCount, 'count'> & { count: SuppressedCount })[];
}

/** For funders and share links: counts of 1–4 as "<5", and a multiplier built on one hidden. */
export function suppressTotReach(reach: TotReach): ShownTotReach {
	return {
		...reach,
		direct: suppressCount(reach.direct),
		total: suppressCount(reach.total),
		multiplier: suppressRate(reach.total, reach.direct),
		perLevel: reach.perLevel.map(suppressCount),
		byRegion: reach.byRegion.map((r) => ({ ...r, count: suppressCount(r.count) }))
	};
}
