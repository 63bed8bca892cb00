import type { Db } from '../db';
import { audit, type AuditContext } from '../audit/log';
import type { Actor } from './permissions';
import { generateToken, hashToken } from './tokens';

export const SHARE_COOKIE = 'ct_share';

export type ShareLinkProblem = 'unknown' | 'expired' | 'revoked';

export async function createShareLink(db: Db, context: AuditContext, input: { label: string; expiresAt: Date }) {
	const token = generateToken();
	return db.transaction().execute(async (trx) => {
		const link = await trx
			.insertInto('share_links')
			.values({ token_hash: hashToken(token), label: input.label, expires_at: input.expiresAt, created_by: context.actor?.userId ?? null })
			.returning(['id', 'label', 'expires_at'])
			.executeTakeFirstOrThrow();
		await audit(trx, context, { action: 'share_link_created', entity: 'share_links', entityId: link.id, after: { label: link.label, expires_at: link.expires_at } });
		return { ...link, token };
	});
}

export function listShareLinks(db: Db) {
	return db
		.selectFrom('share_links as l')
		.leftJoin('users as u', 'u.id', 'l.created_by')
		.select(['l.id', 'l.label', 'l.created_at', 'l.expires_at', 'l.revoked_at', 'l.last_used_at', 'l.use_count', 'u.display_name as created_by_name'])
		.orderBy('l.created_at', 'desc')
		.execute();
}

export async function revokeShareLink(db: Db, context: AuditContext, id: number): Promise<boolean> {
	return db.transaction().execute(async (trx) => {
		const revoked = await trx
			.updateTable('share_links')
			.set({ revoked_at: new Date(), revoked_by: context.actor?.userId ?? null })
			.where('id', '=', id)
			.where('revoked_at', 'is', null)
			.returning(['id', 'label'])
			.executeTakeFirst();
		if (revoked) await audit(trx, context, { action: 'share_link_revoked', entity: 'share_links', entityId: id, before: { label: revoked.label } });
		return revoked !== undefined;
	});
}

function shareActor(link: { id: number; label: string }): Actor {
	return {
		kind: 'share',
		userId: null,
		shareLinkId: link.id,
		role: 'funder',
		displayName: link.label,
		email: null,
		regionScope: null,
		sessionId: null,
		locale: null
	};
}

/** The funder-view principal a share token stands for, or why it cannot be used. */
export async function authenticateShareLink(db: Db, token: string, now = new Date()): Promise<{ actor: Actor } | { problem: ShareLinkProblem }> {
	const link = await db
		.selectFrom('share_links')
		.select(['id', 'label', 'expires_at', 'revoked_at'])
		.where('token_hash', '=', hashToken(token))
		.executeTakeFirst();
	if (!link) return { problem: 'unknown' };
	if (link.revoked_at) return { problem: 'revoked' };
	if (link.expires_at.getTime() <= now.getTime()) return { problem: 'expired' };
	return { actor: shareActor(link) };
}

/** Counts an opening of the link (not every request made with it) and records it in the audit log. */
export async function recordShareLinkUse(db: Db, context: AuditContext, linkId: number, now = new Date()): Promise<void> {
	await db.transaction().execute(async (trx) => {
		await trx
			.updateTable('share_links')
			.set((eb) => ({ last_used_at: now, use_count: eb('use_count', '+', 1) }))
			.where('id', '=', linkId)
			.execute();
		await audit(trx, context, { action: 'share_link_used', entity: 'share_links', entityId: linkId });
	});
}
