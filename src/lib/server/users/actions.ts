import { sql } from 'kysely';
import { m } from '$lib/paraglide/messages';
import type { Role } from '../../domain/enums';
import type { Db } from '../db';
import { audit, type AuditContext } from '../audit/log';
import { hashPassword, verifyPassword } from '../auth/passwords';
import { deleteUserSessions } from '../auth/sessions';
import { generateToken, hashToken } from '../auth/tokens';

export const INVITATION_TTL_MS = 7 * 24 * 3600 * 1000;

/** Expected refusals, shown to the user as a message (never a 500). */
export class UserActionError extends Error {
	constructor(
		readonly code: 'email_taken' | 'not_found' | 'stale' | 'self' | 'last_admin' | 'wrong_password' | 'setup_done',
		message: string,
		readonly field?: string
	) {
		super(message);
	}
}

const isUniqueViolation = (e: unknown) => (e as { code?: string })?.code === '23505';

interface NewUser {
	email: string;
	displayName: string;
	role: Role;
	password?: string | null;
	regionIds?: number[];
}

async function insertUser(trx: Db, context: AuditContext, input: NewUser) {
	try {
		const user = await trx
			.insertInto('users')
			.values({
				email: input.email,
				display_name: input.displayName,
				role: input.role,
				password_hash: input.password ? await hashPassword(input.password) : null,
				password_changed_at: input.password ? new Date() : null
			})
			.returning(['id', 'email', 'role'])
			.executeTakeFirstOrThrow();
		const regionIds = input.role === 'organizer' ? (input.regionIds ?? []) : [];
		if (regionIds.length) await trx.insertInto('user_regions').values(regionIds.map((region_id) => ({ user_id: user.id, region_id }))).execute();
		await audit(trx, context, {
			action: 'user_created',
			entity: 'users',
			entityId: user.id,
			after: { email: user.email, role: user.role, display_name: input.displayName, region_ids: regionIds }
		});
		return user;
	} catch (e) {
		if (isUniqueViolation(e)) throw new UserActionError('email_taken', m.email_taken(), 'email');
		throw e;
	}
}

export function createUser(db: Db, context: AuditContext, input: NewUser) {
	return db.transaction().execute((trx) => insertUser(trx, context, input));
}

/** The one-time setup: creates the first admin, and refuses once any account exists. */
export function createFirstAdmin(db: Db, context: AuditContext, input: { email: string; displayName: string; password: string }) {
	return db.transaction().execute(async (trx) => {
		// Two first visits at once must not both become the first admin.
		await sql`select pg_advisory_xact_lock(20120324)`.execute(trx);
		const any = await trx.selectFrom('users').select('id').limit(1).executeTakeFirst();
		if (any) throw new UserActionError('setup_done', m.setup_done());
		return insertUser(trx, context, { ...input, role: 'admin' });
	});
}

async function issueInvitation(trx: Db, context: AuditContext, userId: number, now: Date) {
	const token = generateToken();
	const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS);
	await trx.updateTable('user_tokens').set({ used_at: now }).where('user_id', '=', userId).where('kind', '=', 'invitation').where('used_at', 'is', null).execute();
	await trx
		.insertInto('user_tokens')
		.values({ kind: 'invitation', token_hash: hashToken(token), user_id: userId, created_by: context.actor?.userId ?? null, expires_at: expiresAt })
		.execute();
	await audit(trx, context, { action: 'user_invited', entity: 'users', entityId: userId, details: { expires_at: expiresAt.toISOString() } });
	return { token, expiresAt };
}

/** Creates an account without a password and a one-time link (7 days) for its owner to set one. */
export function inviteUser(db: Db, context: AuditContext, input: Omit<NewUser, 'password'>, now = new Date()) {
	return db.transaction().execute(async (trx) => {
		const user = await insertUser(trx, context, input);
		const invitation = await issueInvitation(trx, context, user.id, now);
		return { userId: user.id, ...invitation };
	});
}

export function reissueInvitation(db: Db, context: AuditContext, userId: number, now = new Date()) {
	return db.transaction().execute(async (trx) => {
		const user = await trx.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst();
		if (!user) throw new UserActionError('not_found', m.no_such_user());
		return issueInvitation(trx, context, userId, now);
	});
}

export type InvitationProblem = 'unknown' | 'expired' | 'used';

export async function findInvitation(db: Db, token: string, now = new Date()) {
	const row = await db
		.selectFrom('user_tokens as t')
		.innerJoin('users as u', 'u.id', 't.user_id')
		.select(['t.id', 't.expires_at', 't.used_at', 'u.id as user_id', 'u.email', 'u.display_name', 'u.disabled_at'])
		.where('t.token_hash', '=', hashToken(token))
		.where('t.kind', '=', 'invitation')
		.executeTakeFirst();
	if (!row || row.disabled_at) return { problem: 'unknown' as InvitationProblem };
	if (row.used_at) return { problem: 'used' as InvitationProblem };
	if (row.expires_at.getTime() <= now.getTime()) return { problem: 'expired' as InvitationProblem };
	return { invitation: row };
}

/** Sets the password from an invitation link; the link cannot be used again. */
export async function acceptInvitation(db: Db, context: AuditContext, token: string, password: string, now = new Date()) {
	const found = await findInvitation(db, token, now);
	if (!('invitation' in found) || !found.invitation) return found;
	const { invitation } = found;
	const passwordHash = await hashPassword(password);
	await db.transaction().execute(async (trx) => {
		const used = await trx.updateTable('user_tokens').set({ used_at: now }).where('id', '=', invitation.id).where('used_at', 'is', null).executeTakeFirst();
		if (Number(used.numUpdatedRows) !== 1) throw new UserActionError('stale', m.invitation_just_used());
		await trx
			.updateTable('users')
			.set((eb) => ({ password_hash: passwordHash, password_changed_at: now, updated_at: now, version: eb('version', '+', 1) }))
			.where('id', '=', invitation.user_id)
			.execute();
		await deleteUserSessions(trx, invitation.user_id);
		await audit(trx, { ...context, actor: { userId: invitation.user_id, shareLinkId: null } }, { action: 'password_set', entity: 'users', entityId: invitation.user_id });
	});
	return { userId: invitation.user_id };
}

async function activeAdmins(trx: Db, exceptUserId: number): Promise<number> {
	const row = await trx
		.selectFrom('users')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('role', '=', 'admin')
		.where('disabled_at', 'is', null)
		.where('id', '<>', exceptUserId)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

/** Changes name, role and region limits. A change of role or regions ends the user's sessions. */
export function updateUser(db: Db, context: AuditContext, id: number, input: { displayName: string; role: Role; regionIds: number[]; version: number }) {
	return db.transaction().execute(async (trx) => {
		const before = await trx.selectFrom('users').select(['id', 'display_name', 'role', 'version']).where('id', '=', id).forUpdate().executeTakeFirst();
		if (!before) throw new UserActionError('not_found', m.no_such_user());
		if (before.version !== input.version) {
			throw new UserActionError('stale', m.stale_user());
		}
		if (before.role === 'admin' && input.role !== 'admin') {
			if (id === context.actor?.userId) throw new UserActionError('self', m.cannot_demote_self(), 'role');
			if ((await activeAdmins(trx, id)) === 0) throw new UserActionError('last_admin', m.last_admin(), 'role');
		}
		const regionIds = input.role === 'organizer' ? [...new Set(input.regionIds)].sort((a, b) => a - b) : [];
		const oldRegions = (await trx.selectFrom('user_regions').select('region_id').where('user_id', '=', id).orderBy('region_id').execute()).map((r) => r.region_id);
		await trx
			.updateTable('users')
			.set({ display_name: input.displayName, role: input.role, updated_at: new Date(), version: before.version + 1 })
			.where('id', '=', id)
			.execute();
		await trx.deleteFrom('user_regions').where('user_id', '=', id).execute();
		if (regionIds.length) await trx.insertInto('user_regions').values(regionIds.map((region_id) => ({ user_id: id, region_id }))).execute();
		const accessChanged = before.role !== input.role || oldRegions.join() !== regionIds.join();
		if (accessChanged) await deleteUserSessions(trx, id);
		await audit(trx, context, {
			action: 'user_updated',
			entity: 'users',
			entityId: id,
			before: { display_name: before.display_name, role: before.role, region_ids: oldRegions },
			after: { display_name: input.displayName, role: input.role, region_ids: regionIds },
			details: accessChanged ? { sessions_ended: true } : undefined
		});
	});
}

/** Disabling ends every session at once; enabling lets the user sign in again. */
export function setUserDisabled(db: Db, context: AuditContext, id: number, disabled: boolean) {
	return db.transaction().execute(async (trx) => {
		const user = await trx.selectFrom('users').select(['id', 'role', 'disabled_at']).where('id', '=', id).forUpdate().executeTakeFirst();
		if (!user) throw new UserActionError('not_found', m.no_such_user());
		if (disabled && id === context.actor?.userId) throw new UserActionError('self', m.cannot_disable_self());
		if (disabled && user.role === 'admin' && (await activeAdmins(trx, id)) === 0) {
			throw new UserActionError('last_admin', m.last_admin());
		}
		await trx
			.updateTable('users')
			.set((eb) => ({ disabled_at: disabled ? new Date() : null, updated_at: new Date(), version: eb('version', '+', 1) }))
			.where('id', '=', id)
			.execute();
		if (disabled) await deleteUserSessions(trx, id);
		await audit(trx, context, { action: disabled ? 'user_disabled' : 'user_enabled', entity: 'users', entityId: id });
	});
}

/** A user changes their own password; their other sessions end. */
export async function changePassword(db: Db, context: AuditContext, userId: number, current: string, next: string, keepSessionId?: string) {
	const user = await db.selectFrom('users').select(['password_hash']).where('id', '=', userId).executeTakeFirst();
	if (!user?.password_hash || !(await verifyPassword(user.password_hash, current))) {
		throw new UserActionError('wrong_password', m.wrong_current_password(), 'current');
	}
	const passwordHash = await hashPassword(next);
	await db.transaction().execute(async (trx) => {
		await trx
			.updateTable('users')
			.set((eb) => ({ password_hash: passwordHash, password_changed_at: new Date(), updated_at: new Date(), version: eb('version', '+', 1) }))
			.where('id', '=', userId)
			.execute();
		await deleteUserSessions(trx, userId, keepSessionId);
		await audit(trx, context, { action: 'password_changed', entity: 'users', entityId: userId });
	});
}
