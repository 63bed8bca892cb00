import { sql } from 'kysely';
import { searchKey, sortKey } from '../../domain/names';
import type { Db } from '../db';

// The derived name keys are computed in application code; when their definition changes, rows
// written before the change are brought up to date once, at start-up.
export const NAME_KEYS_VERSION = 2;
const SETTING = 'name_keys_version';

export async function refreshNameKeys(db: Db): Promise<number> {
	const setting = await db.selectFrom('app_settings').select('value').where('key', '=', SETTING).executeTakeFirst();
	if (setting?.value === NAME_KEYS_VERSION) return 0;
	let updated = 0;
	await db.transaction().execute(async (trx) => {
		let lastId = 0;
		for (;;) {
			const rows = await trx.selectFrom('people').select(['id', 'full_name', 'name_latin']).where('id', '>', lastId).orderBy('id').limit(1000).execute();
			if (rows.length === 0) break;
			lastId = rows[rows.length - 1].id;
			const values = rows.map((r) => sql`(${r.id}::int, ${sortKey(r.full_name)}, ${[...new Set([searchKey(r.full_name), searchKey(r.name_latin)])].join(' ')})`);
			await sql`update people p set sort_key = v.sort_key, search_key = v.search_key
				from (values ${sql.join(values)}) as v(id, sort_key, search_key) where p.id = v.id`.execute(trx);
			updated += rows.length;
		}
		await trx
			.insertInto('app_settings')
			.values({ key: SETTING, value: JSON.stringify(NAME_KEYS_VERSION) })
			.onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(NAME_KEYS_VERSION), updated_at: new Date() }))
			.execute();
	});
	return updated;
}
