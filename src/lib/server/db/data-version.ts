import { sql } from 'kysely';
import type { Db } from './index';
import { EDITABLE_TABLES } from '../records/changes';

// Figures derived from many records (the network's) are cached in memory and recomputed only when the
// records changed. Every change made through the records layer writes an audit row; bulk changes that
// bypass it (loading and removing the demo data) bump a counter in app_settings instead. Both live in
// the database, so a change made by another process (npm run db:demo on PostgreSQL) is seen too.

const SETTING = 'data_version';

/** Records that bulk changes happened outside the records layer (call it inside their transaction). */
export async function bumpDataVersion(trx: Db): Promise<void> {
	await sql`
		insert into app_settings (key, value) values (${SETTING}, '1'::jsonb)
		on conflict (key) do update set value = to_jsonb(coalesce((app_settings.value #>> '{}')::int, 0) + 1), updated_at = now()
	`.execute(trx);
}

/**
 * Audit ids are taken when a change is written but become visible when its transaction commits, so a
 * slow transaction can commit below the newest id already seen. Counting the change rows among the
 * last WINDOW ids notices such a late commit (unless more than WINDOW changes were written meanwhile).
 */
const WINDOW = 1000;

/** A value that differs whenever any record has changed: compare it, not the records, before using a cache. */
export async function dataFingerprint(db: Db): Promise<string> {
	const tables = [...EDITABLE_TABLES];
	const { rows } = await sql<{ last: string | null; recent: string; version: string | null }>`
		with last as (select max(id) as id from audit_log where entity = any(${tables}::text[]) and after is not null)
		select last.id::text as last,
			(select count(*) from audit_log a
				where a.id > coalesce(last.id, 0) - ${WINDOW} and a.entity = any(${tables}::text[]) and a.after is not null)::text as recent,
			(select value #>> '{}' from app_settings where key = ${SETTING}) as version
		from last
	`.execute(db);
	const { last, recent, version } = rows[0];
	return `${last ?? 0}:${recent}:${version ?? 0}`;
}
