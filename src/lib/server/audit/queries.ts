import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import type { Db } from '../db';

export const AUDIT_PAGE_SIZE = 50;

export const auditFilterSchema = z.object({
	action: z.string().trim().max(60).regex(/^[a-z_]*$/, { error: () => m.unknown_action() }).default(''),
	user: z.coerce.number().int().positive().optional(),
	entity: z.string().trim().max(60).regex(/^[a-z_]*$/, { error: () => m.unknown_record_type() }).default(''),
	from: z.iso.date({ error: () => m.date_format_error() }).optional(),
	to: z.iso.date({ error: () => m.date_format_error() }).optional(),
	page: z.coerce.number().int().min(1).max(100_000).default(1)
});
export type AuditFilter = z.output<typeof auditFilterSchema>;

export async function listAuditLog(db: Db, filter: AuditFilter) {
	let query = db.selectFrom('audit_log as a').leftJoin('users as u', 'u.id', 'a.user_id').leftJoin('share_links as l', 'l.id', 'a.share_link_id');
	if (filter.action) query = query.where('a.action', '=', filter.action);
	if (filter.user) query = query.where('a.user_id', '=', filter.user);
	if (filter.entity) query = query.where('a.entity', '=', filter.entity);
	if (filter.from) query = query.where('a.at', '>=', new Date(`${filter.from}T00:00:00Z`));
	if (filter.to) query = query.where('a.at', '<', new Date(new Date(`${filter.to}T00:00:00Z`).getTime() + 86_400_000));

	const [rows, total] = await Promise.all([
		query
			.select(['a.id', 'a.at', 'a.action', 'a.entity', 'a.entity_id', 'a.ip', 'a.before', 'a.after', 'a.source', 'a.reason', 'a.details', 'u.display_name as user_name', 'u.email as user_email', 'l.label as share_link_label'])
			.orderBy('a.at', 'desc')
			.orderBy('a.id', 'desc')
			.limit(AUDIT_PAGE_SIZE)
			.offset((filter.page - 1) * AUDIT_PAGE_SIZE)
			.execute(),
		query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
	]);
	return { rows, total: Number(total.n), pageSize: AUDIT_PAGE_SIZE };
}

/** The actions and users that occur in the log, for the filter menus. */
export async function auditFilterOptions(db: Db) {
	const actions = await db.selectFrom('audit_log').select('action').distinct().orderBy('action').execute();
	const users = await db.selectFrom('users').select(['id', 'display_name', 'email']).orderBy('display_name').execute();
	return { actions: actions.map((a) => a.action), users };
}
