import type { Locale } from '../../domain/enums';
import type { Db } from '../db';
import { audit } from '../audit/log';
import { verifyAgainstDummy, verifyPassword } from './passwords';
import { createSession, type SessionMeta } from './sessions';
import { clearFailures, recordFailure, throttleKey, waitSeconds } from './throttle';

export type SignInResult =
	| { ok: true; token: string; expiresAt: Date; userId: number; locale: Locale | null }
	| { ok: false; reason: 'invalid' }
	| { ok: false; reason: 'throttled'; waitSeconds: number };

/**
 * Checks an e-mail and password. The caller shows one generic message for every failure, so nobody
 * learns whether an e-mail has an account; a locked-out caller is told how long to wait.
 */
export async function signIn(db: Db, input: { email: string; password: string }, meta: SessionMeta, now = new Date()): Promise<SignInResult> {
	const email = input.email.trim().toLowerCase();
	const emailKey = throttleKey('email', email);
	const ipKey = throttleKey('ip', meta.ip ?? 'unknown');
	const context = { ip: meta.ip };

	const wait = await waitSeconds(db, [emailKey, ipKey], now);
	if (wait > 0) {
		await audit(db, context, { action: 'sign_in_throttled', details: { email } });
		return { ok: false, reason: 'throttled', waitSeconds: wait };
	}

	const user = await db
		.selectFrom('users')
		.select(['id', 'password_hash', 'disabled_at', 'locale'])
		.where((eb) => eb(eb.fn('lower', ['email']), '=', email))
		.executeTakeFirst();
	const valid = user?.password_hash && !user.disabled_at ? await verifyPassword(user.password_hash, input.password) : await verifyAgainstDummy(input.password);

	if (!valid || !user) {
		await recordFailure(db, [{ kind: 'email', key: emailKey }, { kind: 'ip', key: ipKey }], now);
		await audit(db, context, { action: 'sign_in_failed', entity: user ? 'users' : undefined, entityId: user?.id, details: { email } });
		const after = await waitSeconds(db, [emailKey, ipKey], now);
		return after > 0 ? { ok: false, reason: 'throttled', waitSeconds: after } : { ok: false, reason: 'invalid' };
	}

	await clearFailures(db, emailKey);
	const session = await createSession(db, user.id, meta, now);
	await audit(db, { ip: meta.ip, actor: { userId: user.id, shareLinkId: null } }, { action: 'sign_in', entity: 'users', entityId: user.id });
	return { ok: true, token: session.token, expiresAt: session.expiresAt, userId: user.id, locale: user.locale };
}
