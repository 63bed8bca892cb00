import { expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Db } from '../../src/lib/server/db';
import { authenticateSession, createSession, IDLE_TIMEOUT_MS, listUserSessions } from '../../src/lib/server/auth/sessions';
import { signIn } from '../../src/lib/server/auth/sign-in';
import { authenticateShareLink, createShareLink, revokeShareLink } from '../../src/lib/server/auth/share-links';
import { hashToken } from '../../src/lib/server/auth/tokens';
import {
	acceptInvitation,
	changePassword,
	createFirstAdmin,
	createUser,
	findInvitation,
	inviteUser,
	setUserDisabled,
	updateUser,
	UserActionError
} from '../../src/lib/server/users/actions';
import { describeEachDatabase } from '../helpers/databases';

const DAY = 86_400_000;
const meta = { ip: '10.0.0.1', userAgent: 'test' };
const PASSWORD = 'a long and unusual phrase';
let seq = 0;

async function newUser(db: Db, role: 'admin' | 'organizer' | 'viewer' | 'funder' = 'viewer', regionIds: number[] = []) {
	const email = `user${++seq}.${role}@example.org`;
	const user = await createUser(db, {}, { email, displayName: `User ${seq}`, role, password: PASSWORD, regionIds });
	return { ...user, email };
}

describeEachDatabase('sessions', (t) => {
	it('authenticate by the token, store only its hash, and slide the idle expiry', async () => {
		const user = await newUser(t.db);
		const start = new Date('2026-01-01T00:00:00Z');
		const session = await createSession(t.db, user.id, meta, start);
		const stored = await t.db.selectFrom('sessions').selectAll().where('user_id', '=', user.id).executeTakeFirstOrThrow();
		expect(stored.id).toBe(hashToken(session.token));
		expect(stored.id).not.toBe(session.token);

		const day5 = new Date(start.getTime() + 5 * DAY);
		expect((await authenticateSession(t.db, session.token, day5))?.userId).toBe(user.id);
		const slid = await t.db.selectFrom('sessions').select('expires_at').where('id', '=', stored.id).executeTakeFirstOrThrow();
		expect(slid.expires_at.getTime()).toBe(day5.getTime() + IDLE_TIMEOUT_MS);
	});

	it('end after 7 idle days, and after 30 days however active', async () => {
		const user = await newUser(t.db);
		const start = new Date('2026-02-01T00:00:00Z');
		const idle = await createSession(t.db, user.id, meta, start);
		expect(await authenticateSession(t.db, idle.token, new Date(start.getTime() + 7 * DAY + 1))).toBeNull();
		expect(await t.db.selectFrom('sessions').select('id').where('id', '=', hashToken(idle.token)).executeTakeFirst()).toBeUndefined();

		const busy = await createSession(t.db, user.id, meta, start);
		for (let day = 6; day < 30; day += 6) {
			expect(await authenticateSession(t.db, busy.token, new Date(start.getTime() + day * DAY))).not.toBeNull();
		}
		expect(await authenticateSession(t.db, busy.token, new Date(start.getTime() + 30 * DAY))).toBeNull();
	});

	it('end when the user is disabled, changes role, or changes password (except the current one)', async () => {
		const admin = await newUser(t.db, 'admin');
		const ctx = { actor: { userId: admin.id, shareLinkId: null } };
		const user = await newUser(t.db, 'viewer');
		const a = await createSession(t.db, user.id, meta);
		await setUserDisabled(t.db, ctx, user.id, true);
		expect(await authenticateSession(t.db, a.token)).toBeNull();
		await setUserDisabled(t.db, ctx, user.id, false);

		const b = await createSession(t.db, user.id, meta);
		const version = (await t.db.selectFrom('users').select('version').where('id', '=', user.id).executeTakeFirstOrThrow()).version;
		await updateUser(t.db, ctx, user.id, { displayName: 'Renamed', role: 'organizer', regionIds: [], version });
		expect(await authenticateSession(t.db, b.token)).toBeNull();

		const current = await createSession(t.db, user.id, meta);
		const other = await createSession(t.db, user.id, meta);
		await changePassword(t.db, { actor: { userId: user.id, shareLinkId: null } }, user.id, PASSWORD, 'another long phrase', hashToken(current.token));
		expect(await authenticateSession(t.db, current.token)).not.toBeNull();
		expect(await authenticateSession(t.db, other.token)).toBeNull();
		expect((await listUserSessions(t.db, user.id)).length).toBe(1);
		await expect(changePassword(t.db, {}, user.id, 'wrong current', 'yet another phrase')).rejects.toThrow(UserActionError);
	});

	it('give an organizer limited to an oblast that oblast and its raions', async () => {
		const naryn = await t.db.selectFrom('regions').select('id').where('code', '=', 'KG-N').executeTakeFirstOrThrow();
		const user = await newUser(t.db, 'organizer', [naryn.id]);
		const session = await createSession(t.db, user.id, meta);
		const actor = await authenticateSession(t.db, session.token);
		const raions = await t.db.selectFrom('regions').select('id').where('parent_id', '=', naryn.id).execute();
		expect(raions).toHaveLength(5);
		expect(actor?.regionScope?.sort((x, y) => x - y)).toEqual([naryn.id, ...raions.map((r) => r.id)].sort((x, y) => x - y));
	});
});

describeEachDatabase('sign-in throttling', (t) => {
	it('refuses with one generic result, then locks with a growing wait, even for the right password', async () => {
		const user = await newUser(t.db);
		const t0 = new Date('2026-03-01T10:00:00Z');
		const at = (s: number) => new Date(t0.getTime() + s * 1000);
		const attempt = (password: string, s: number, ip = '10.0.0.2') => signIn(t.db, { email: user.email, password }, { ip, userAgent: null }, at(s));

		expect(await attempt('wrong', 0)).toEqual({ ok: false, reason: 'invalid' });
		expect(await attempt('wrong', 1)).toEqual({ ok: false, reason: 'invalid' });
		expect(await attempt('wrong', 2)).toEqual({ ok: false, reason: 'invalid' });
		expect(await attempt('wrong', 3)).toEqual({ ok: false, reason: 'throttled', waitSeconds: 1 });
		expect(await attempt(PASSWORD, 3.5)).toEqual({ ok: false, reason: 'throttled', waitSeconds: 1 });
		expect(await attempt('wrong', 5)).toEqual({ ok: false, reason: 'throttled', waitSeconds: 2 });
		expect(await attempt('wrong', 8)).toEqual({ ok: false, reason: 'throttled', waitSeconds: 4 });
		// Kept in the database, so a restarted server sees the same lock.
		const row = await t.db.selectFrom('login_throttle').selectAll().where('key', '=', `email:${user.email}`).executeTakeFirstOrThrow();
		expect(row.failures).toBe(6);
		expect(row.locked_until?.getTime()).toBe(at(12).getTime());

		const ok = await attempt(PASSWORD, 13);
		expect(ok.ok).toBe(true);
		expect(await t.db.selectFrom('login_throttle').select('key').where('key', '=', `email:${user.email}`).executeTakeFirst()).toBeUndefined();
	});

	it('locks an address that tries many e-mails, and an unknown e-mail fails like a wrong password', async () => {
		const t0 = new Date('2026-03-02T10:00:00Z');
		const results = [];
		for (let i = 0; i < 11; i++) {
			results.push(await signIn(t.db, { email: `nobody${i}@example.org`, password: 'whatever' }, { ip: '10.9.9.9', userAgent: null }, new Date(t0.getTime() + i * 1000)));
		}
		expect(results.slice(0, 10).every((r) => !r.ok && r.reason === 'invalid')).toBe(true);
		expect(results[10]).toEqual({ ok: false, reason: 'throttled', waitSeconds: 1 });
	});

	it('records sign-ins and failures in the audit log, never the password or the token', async () => {
		const user = await newUser(t.db);
		await signIn(t.db, { email: user.email, password: 'my secret guess 123' }, meta);
		const ok = await signIn(t.db, { email: user.email, password: PASSWORD }, { ...meta, ip: '10.0.0.3' });
		expect(ok.ok).toBe(true);
		const rows = await t.db.selectFrom('audit_log').select(['action', 'ip', 'details', 'user_id']).where('entity_id', '=', user.id).where('entity', '=', 'users').orderBy('id').execute();
		expect(rows.map((r) => r.action)).toEqual(['user_created', 'sign_in_failed', 'sign_in']);
		expect(rows[1]).toMatchObject({ ip: '10.0.0.1', details: { email: user.email } });
		expect(rows[2]).toMatchObject({ ip: '10.0.0.3', user_id: user.id });
		const all = await sql<{ dump: string }>`select coalesce(string_agg(audit_log::text, ' '), '') as dump from audit_log`.execute(t.db);
		expect(all.rows[0].dump).not.toContain('my secret guess 123');
		expect(all.rows[0].dump).not.toContain(PASSWORD);
		if (ok.ok) expect(all.rows[0].dump).not.toContain(ok.token);
	});
});

describeEachDatabase('share links, invitations and the first admin', (t) => {
	it('a share link works until it is revoked or expires, and only its hash is stored', async () => {
		const link = await createShareLink(t.db, {}, { label: 'Funder', expiresAt: new Date(Date.now() + DAY) });
		const stored = await t.db.selectFrom('share_links').select('token_hash').where('id', '=', link.id).executeTakeFirstOrThrow();
		expect(stored.token_hash).toBe(hashToken(link.token));
		const ok = await authenticateShareLink(t.db, link.token);
		expect('actor' in ok && ok.actor).toMatchObject({ kind: 'share', role: 'funder', shareLinkId: link.id, userId: null });
		expect(await authenticateShareLink(t.db, link.token, new Date(Date.now() + 2 * DAY))).toEqual({ problem: 'expired' });
		expect(await revokeShareLink(t.db, {}, link.id)).toBe(true);
		expect(await authenticateShareLink(t.db, link.token)).toEqual({ problem: 'revoked' });
		expect(await revokeShareLink(t.db, {}, link.id)).toBe(false);
		expect(await authenticateShareLink(t.db, 'made-up')).toEqual({ problem: 'unknown' });
		const actions = await t.db.selectFrom('audit_log').select('action').where('entity', '=', 'share_links').where('entity_id', '=', link.id).orderBy('id').execute();
		expect(actions.map((a) => a.action)).toEqual(['share_link_created', 'share_link_revoked']);
	});

	it('an invitation sets the password once, and expires after 7 days', async () => {
		const invited = await inviteUser(t.db, {}, { email: 'invitee@example.org', displayName: 'Invitee', role: 'viewer' });
		const found = await findInvitation(t.db, invited.token);
		expect('invitation' in found && found.invitation?.email).toBe('invitee@example.org');
		expect(await findInvitation(t.db, invited.token, new Date(Date.now() + 8 * DAY))).toEqual({ problem: 'expired' });
		expect(await acceptInvitation(t.db, {}, invited.token, PASSWORD)).toEqual({ userId: invited.userId });
		expect(await acceptInvitation(t.db, {}, invited.token, PASSWORD)).toEqual({ problem: 'used' });
		const ok = await signIn(t.db, { email: 'INVITEE@example.org', password: PASSWORD }, meta);
		expect(ok.ok).toBe(true);
		await expect(inviteUser(t.db, {}, { email: 'invitee@example.org', displayName: 'Again', role: 'viewer' })).rejects.toThrow('already an account');
	});

	it('a stale edit of a user is refused, not silently applied', async () => {
		const user = await newUser(t.db);
		const { version } = await t.db.selectFrom('users').select('version').where('id', '=', user.id).executeTakeFirstOrThrow();
		await updateUser(t.db, {}, user.id, { displayName: 'First edit', role: 'viewer', regionIds: [], version });
		await expect(updateUser(t.db, {}, user.id, { displayName: 'Stale edit', role: 'viewer', regionIds: [], version })).rejects.toThrow('Someone else changed');
		const after = await t.db.selectFrom('users').select('display_name').where('id', '=', user.id).executeTakeFirstOrThrow();
		expect(after.display_name).toBe('First edit');
	});
});

describeEachDatabase('the first admin and the last admin', (t) => {
	it('the first admin can be created only while there is no account, and the last admin cannot be removed', async () => {
		expect(await t.db.selectFrom('users').select('id').execute()).toEqual([]);
		const first = await createFirstAdmin(t.db, {}, { email: 'first@example.org', displayName: 'First', password: PASSWORD });
		expect(first.role).toBe('admin');
		await expect(createFirstAdmin(t.db, {}, { email: 'second@example.org', displayName: 'Second', password: PASSWORD })).rejects.toThrow('already been completed');

		const second = await newUser(t.db, 'admin');
		await setUserDisabled(t.db, {}, second.id, true);
		const last = await t.db.selectFrom('users').select(['id', 'version']).where('id', '=', first.id).executeTakeFirstOrThrow();
		await expect(setUserDisabled(t.db, {}, last.id, true)).rejects.toThrow('At least one active admin');
		await expect(updateUser(t.db, {}, last.id, { displayName: 'x', role: 'viewer', regionIds: [], version: last.version })).rejects.toThrow('At least one active admin');
		await expect(setUserDisabled(t.db, { actor: { userId: last.id, shareLinkId: null } }, last.id, true)).rejects.toThrow('your own account');
	});

});
