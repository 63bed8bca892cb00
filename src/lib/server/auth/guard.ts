import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { getDb } from '../db';
import { audit } from '../audit/log';
import { can, type Actor, type Permission, type RecordScope } from './permissions';
import { ABSOLUTE_TIMEOUT_MS, createSession, SESSION_COOKIE } from './sessions';
import { SHARE_COOKIE } from './share-links';
import type { EditableTable } from '../records/changes';
import { recordPlace, type RecordPlace } from '../records/scope';

export const SHARE_PROBLEMS = {
	expired: m.share_expired,
	revoked: m.share_revoked,
	unknown: m.share_unknown
} as const;

/**
 * The check every load, action and endpoint starts with. Nobody signed in → the sign-in page (or the
 * share link's own message); signed in without the permission → 403, recorded in the audit log.
 */
export async function authorize(event: RequestEvent, permission: Permission, record?: RecordScope): Promise<Actor> {
	const actor = event.locals.actor;
	if (!actor) {
		if (event.locals.shareProblem) error(410, SHARE_PROBLEMS[event.locals.shareProblem]());
		const next = event.url.pathname + event.url.search;
		redirect(303, `/sign-in?next=${encodeURIComponent(next)}`);
	}
	if (!can(actor, permission, record)) {
		await audit(getDb(), { actor, ip: event.locals.ip }, {
			action: 'permission_denied',
			details: { permission, method: event.request.method, path: event.url.pathname, region_id: record?.regionId }
		});
		error(403, m.forbidden());
	}
	return actor;
}

/** For pages anyone may see (sign-in, setup): the actor if there is one, no check. */
export function optionalActor(event: RequestEvent): Actor | null {
	return event.locals.actor;
}

/** Where to send someone after signing in: only a path on this site, never another host. */
export function safeNext(next: string | null): string {
	if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
	return next;
}

export function auditContext(event: RequestEvent) {
	return { actor: event.locals.actor, ip: event.locals.ip };
}

/** The session cookie: HttpOnly, SameSite=Lax, Secure over https; the server enforces the expiries. */
export function setSessionCookie(event: Pick<RequestEvent, 'cookies' | 'url'>, token: string): void {
	event.cookies.set(SESSION_COOKIE, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: event.url.protocol === 'https:',
		maxAge: ABSOLUTE_TIMEOUT_MS / 1000
	});
	event.cookies.delete(SHARE_COOKIE, { path: '/' });
}

/** Signs a user in on this request (after setup or accepting an invitation). */
export async function startSession(event: RequestEvent, userId: number): Promise<void> {
	const session = await createSession(getDb(), userId, { ip: event.locals.ip, userAgent: event.request.headers.get('user-agent') });
	setSessionCookie(event, session.token);
}

const WRITES: ReadonlySet<Permission> = new Set(['records:write', 'records:revert', 'records:restore']);

/**
 * authorize() for one record: 404 when it does not exist (or is deleted, unless `deleted` is allowed),
 * then the permission where the record belongs. Shared records (organizations, elections, contests)
 * can be read by all staff and changed only by users without a region limit.
 */
export async function authorizeRecord(
	event: RequestEvent,
	permission: Permission,
	table: EditableTable,
	id: number,
	options: { deleted?: boolean } = {}
): Promise<{ actor: Actor; place: RecordPlace }> {
	await authorize(event, permission);
	const place = await recordPlace(getDb(), table, id);
	if (!place || (place.deleted && !options.deleted)) error(404, m.record_not_found());
	const scope = place.global ? (WRITES.has(permission) ? { regionId: null } : undefined) : { regionId: place.regionId };
	const actor = await authorize(event, permission, scope);
	return { actor, place };
}
