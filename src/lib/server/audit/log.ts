import type { Db } from '../db';
import type { Actor } from '../auth/permissions';

export interface AuditEntry {
	action: string;
	entity?: string;
	entityId?: number | null;
	before?: unknown;
	after?: unknown;
	source?: string | null;
	reason?: string | null;
	details?: Record<string, unknown>;
	importJobId?: number | null;
}

export interface AuditContext {
	/** Who acted: a signed-in user, a share link, or nobody (a failed sign-in, the command line). */
	actor?: Pick<Actor, 'userId' | 'shareLinkId'> | null;
	ip?: string | null;
}

/**
 * Appends to audit_log. Pass the transaction (trx) of the change it records so that both commit or
 * neither does. Never pass passwords or tokens in `details`.
 */
export async function audit(db: Db, context: AuditContext, entry: AuditEntry): Promise<void> {
	await db.insertInto('audit_log').values(auditRow(context, entry)).execute();
}

/** The audit_log row for an entry (for writing many at once; `audit` writes one). */
export function auditRow(context: AuditContext, entry: AuditEntry) {
	const json = (v: unknown) => (v === undefined ? null : JSON.stringify(v));
	return {
		user_id: context.actor?.userId ?? null,
		share_link_id: context.actor?.shareLinkId ?? null,
		ip: context.ip ?? null,
		action: entry.action,
		entity: entry.entity ?? null,
		entity_id: entry.entityId ?? null,
		before: json(entry.before),
		after: json(entry.after),
		source: entry.source ?? null,
		reason: entry.reason ?? null,
		details: json(entry.details),
		import_job_id: entry.importJobId ?? null
	};
}
