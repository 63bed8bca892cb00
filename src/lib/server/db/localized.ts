import { sql } from 'kysely';
import type { Locale } from '../../domain/enums';

/**
 * The name column of `table` (regions, elections, contests carry name_en/name_ru/name_ky) for the
 * language. The locale is one of three known codes, never user text, so the reference is safe.
 */
export function localizedName(table: string, locale: Locale) {
	return sql<string>`${sql.ref(`${table}.name_${locale}`)}`;
}

/** Orders by a people alias's sort key byte by byte (see sortKey in domain/names.ts), alike in both databases. */
export function byName(alias: string) {
	return sql`${sql.ref(`${alias}.sort_key`)} collate "C"`;
}
