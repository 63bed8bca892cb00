import { sql } from 'kysely';
import type { Locale } from '../../domain/enums';
import type { Db } from '../db';

export function listUsers(db: Db, locale: Locale) {
	return db
		.selectFrom('users as u')
		.select((eb) => [
			'u.id',
			'u.email',
			'u.display_name',
			'u.role',
			'u.disabled_at',
			'u.created_at',
			'u.is_demo',
			'u.version',
			eb
				.selectFrom('user_regions as ur')
				.innerJoin('regions as r', 'r.id', 'ur.region_id')
				.select(sql<string[]>`coalesce(array_agg(${sql.ref(`r.name_${locale}`)} order by r.code), '{}')`.as('names'))
				.whereRef('ur.user_id', '=', 'u.id')
				.as('regions'),
			eb.exists(eb.selectFrom('user_tokens as t').select('t.id').whereRef('t.user_id', '=', 'u.id').where('t.used_at', 'is', null).where('t.kind', '=', 'invitation')).as('invited'),
			eb.selectFrom('sessions as s').select((s) => s.fn.max('s.last_seen_at').as('x')).whereRef('s.user_id', '=', 'u.id').as('last_seen_at')
		])
		.orderBy('u.disabled_at', (o) => o.nullsFirst())
		.orderBy('u.email')
		.execute();
}

export async function getUser(db: Db, id: number) {
	const user = await db
		.selectFrom('users')
		.select(['id', 'email', 'display_name', 'role', 'disabled_at', 'version', 'password_hash', 'created_at', 'is_demo'])
		.where('id', '=', id)
		.executeTakeFirst();
	if (!user) return undefined;
	const regions = await db.selectFrom('user_regions').select('region_id').where('user_id', '=', id).execute();
	const { password_hash, ...rest } = user;
	return { ...rest, hasPassword: password_hash !== null, regionIds: regions.map((r) => r.region_id) };
}

export async function countUsers(db: Db): Promise<number> {
	const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
	return Number(row.n);
}

/** Oblasts and cities (with the country) an organizer may be limited to. */
export function assignableRegions(db: Db) {
	return db
		.selectFrom('regions')
		.select(['id', 'code', 'name_en', 'name_ru', 'name_ky', 'level'])
		.where('level', 'in', ['oblast', 'city'])
		.orderBy('level')
		.orderBy('name_en')
		.execute();
}
