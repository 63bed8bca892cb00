import type { Db } from '../db';
import type { Actor } from './permissions';
import { generateToken, hashToken } from './tokens';

export const SESSION_COOKIE = 'ct_session';
export const IDLE_TIMEOUT_MS = 7 * 24 * 3600 * 1000; // sliding
export const ABSOLUTE_TIMEOUT_MS = 30 * 24 * 3600 * 1000;
// Sliding the idle expiry at most this often saves a write on every request.
const REFRESH_AFTER_MS = 3600 * 1000;

export interface SessionMeta {
	ip: string | null;
	userAgent: string | null;
}

export async function createSession(db: Db, userId: number, meta: SessionMeta, now = new Date()) {
	const token = generateToken();
	const expiresAt = new Date(now.getTime() + IDLE_TIMEOUT_MS);
	const absoluteExpiresAt = new Date(now.getTime() + ABSOLUTE_TIMEOUT_MS);
	await db
		.insertInto('sessions')
		.values({
			id: hashToken(token),
			user_id: userId,
			created_at: now,
			last_seen_at: now,
			expires_at: expiresAt,
			absolute_expires_at: absoluteExpiresAt,
			ip: meta.ip,
			user_agent: meta.userAgent?.slice(0, 300) ?? null
		})
		.execute();
	return { token, id: hashToken(token), expiresAt };
}

/** The idle expiry slides forward, but never past the absolute expiry. */
export function slidExpiry(now: Date, absoluteExpiresAt: Date): Date {
	return new Date(Math.min(now.getTime() + IDLE_TIMEOUT_MS, absoluteExpiresAt.getTime()));
}

export function isExpired(session: { expires_at: Date; absolute_expires_at: Date }, now: Date): boolean {
	return session.expires_at.getTime() <= now.getTime() || session.absolute_expires_at.getTime() <= now.getTime();
}

/** Region ids a user is limited to, with every region below them; null when unlimited. */
export async function regionScope(db: Db, userId: number): Promise<number[] | null> {
	const rows = await db
		.withRecursive('scope(id)', (qb) =>
			qb
				.selectFrom('user_regions')
				.select('region_id as id')
				.where('user_id', '=', userId)
				.unionAll((u) => u.selectFrom('regions as r').innerJoin('scope', 'scope.id', 'r.parent_id').select('r.id'))
		)
		.selectFrom('scope')
		.select('id')
		.distinct()
		.execute();
	return rows.length ? rows.map((r) => r.id) : null;
}

/** The signed-in user for a session cookie, or null (unknown, expired, or user disabled). */
export async function authenticateSession(db: Db, token: string, now = new Date()): Promise<Actor | null> {
	const id = hashToken(token);
	const row = await db
		.selectFrom('sessions as s')
		.innerJoin('users as u', 'u.id', 's.user_id')
		.select(['s.id', 's.expires_at', 's.absolute_expires_at', 's.last_seen_at', 'u.id as user_id', 'u.role', 'u.display_name', 'u.email', 'u.disabled_at', 'u.locale'])
		.where('s.id', '=', id)
		.executeTakeFirst();
	if (!row) return null;
	if (row.disabled_at || isExpired(row, now)) {
		await db.deleteFrom('sessions').where('id', '=', id).execute();
		return null;
	}
	if (now.getTime() - row.last_seen_at.getTime() > REFRESH_AFTER_MS) {
		await db
			.updateTable('sessions')
			.set({ last_seen_at: now, expires_at: slidExpiry(now, row.absolute_expires_at) })
			.where('id', '=', id)
			.execute();
	}
	return {
		kind: 'user',
		userId: row.user_id,
		shareLinkId: null,
		role: row.role,
		displayName: row.display_name,
		email: row.email,
		regionScope: row.role === 'organizer' ? await regionScope(db, row.user_id) : null,
		sessionId: id,
		locale: row.locale
	};
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
	await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

/** Ends every session of a user (disabled, password or role changed), optionally keeping one. */
export async function deleteUserSessions(db: Db, userId: number, keepSessionId?: string): Promise<number> {
	let query = db.deleteFrom('sessions').where('user_id', '=', userId);
	if (keepSessionId) query = query.where('id', '<>', keepSessionId);
	const result = await query.executeTakeFirst();
	return Number(result.numDeletedRows);
}

export function listUserSessions(db: Db, userId: number, now = new Date()) {
	return db
		.selectFrom('sessions')
		.select(['id', 'created_at', 'last_seen_at', 'expires_at', 'ip', 'user_agent'])
		.where('user_id', '=', userId)
		.where('expires_at', '>', now)
		.where('absolute_expires_at', '>', now)
		.orderBy('last_seen_at', 'desc')
		.execute();
}

export async function purgeExpiredSessions(db: Db, now = new Date()): Promise<void> {
	await db
		.deleteFrom('sessions')
		.where((eb) => eb.or([eb('expires_at', '<=', now), eb('absolute_expires_at', '<=', now)]))
		.execute();
}
