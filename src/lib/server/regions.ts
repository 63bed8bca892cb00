import type { Locale } from '../domain/enums';
import type { Db } from './db';
import { localizedName } from './db/localized';

/** The ids of a region and everything below it: an oblast with its raions, the country with all (a subquery). */
export function regionAndBelow(db: Db, region: number) {
	return db
		.selectFrom('regions')
		.select('id')
		.where((eb) => eb.or([eb('id', '=', region), eb('parent_id', '=', region), eb('parent_id', 'in', db.selectFrom('regions').select('id').where('parent_id', '=', region))]));
}

/** Regions for a select: each oblast or city followed by its raions, names in the interface language. */
export async function regionChoices(db: Db, locale: Locale) {
	const regions = await db
		.selectFrom('regions')
		.select(['id', 'level', 'parent_id', 'code', localizedName('regions', locale).as('name')])
		.where('level', '<>', 'country')
		.orderBy('code')
		.execute();
	const tops = regions.filter((r) => r.level !== 'raion');
	return tops.flatMap((top) => [
		{ value: top.id, label: top.name },
		...regions.filter((r) => r.parent_id === top.id).map((r) => ({ value: r.id, label: `— ${r.name}` }))
	]);
}

/** Countries other than Kyrgyzstan (facilitators from abroad live there). */
export async function countryChoices(db: Db, locale: Locale) {
	const rows = await db.selectFrom('regions').select(['id', localizedName('regions', locale).as('name')]).where('level', '=', 'country').orderBy('code').execute();
	return rows.map((r) => ({ value: r.id, label: r.name }));
}
