import { describe, expect, it } from 'vitest';
import { generateToken, hashToken } from '../../src/lib/server/auth/tokens';
import { passwordProblem } from '../../src/lib/server/auth/passwords';
import { ABSOLUTE_TIMEOUT_MS, IDLE_TIMEOUT_MS, isExpired, slidExpiry } from '../../src/lib/server/auth/sessions';
import { lockSeconds, MAX_LOCK_SECONDS } from '../../src/lib/server/auth/throttle';
import { can, type Actor } from '../../src/lib/server/auth/permissions';
import { safeNext } from '../../src/lib/server/auth/guard';
import { suppressCount, suppressRate } from '../../src/lib/domain/privacy';

const actor = (role: Actor['role'], extra: Partial<Actor> = {}): Actor => ({
	kind: 'user',
	userId: 1,
	shareLinkId: null,
	role,
	displayName: role,
	email: `${role}@example.org`,
	regionScope: null,
	sessionId: 'x',
	locale: null,
	...extra
});

describe('tokens', () => {
	it('are 256 random bits, URL-safe, never repeated', () => {
		const tokens = new Set(Array.from({ length: 1000 }, generateToken));
		expect(tokens.size).toBe(1000);
		for (const t of [...tokens].slice(0, 20)) expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/);
	});
	it('are stored as their SHA-256, which does not reveal them', () => {
		expect(hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
		expect(hashToken('abc')).not.toContain('abc');
	});
});

describe('password rules', () => {
	it('accept 8 to 128 characters without composition rules', () => {
		expect(passwordProblem('seven77')).toBe('too_short');
		expect(passwordProblem('eight888 ')).toBeNull();
		expect(passwordProblem('all lowercase words')).toBeNull();
		expect(passwordProblem('x'.repeat(128))).toBeNull();
		expect(passwordProblem('x'.repeat(129))).toBe('too_long');
	});
	it('count characters, not bytes (Kyrgyz and Russian letters)', () => {
		expect(passwordProblem('Айгүлкыз')).toBeNull(); // 8 letters, 15 bytes
		expect(passwordProblem('Айгүлкы')).toBe('too_short');
	});
	it('refuse the most common passwords, whatever their case', () => {
		expect(passwordProblem('password')).toBe('too_common');
		expect(passwordProblem('12345678')).toBe('too_common');
		expect(passwordProblem('QWERTYUIOP')).toBe('too_common');
		expect(passwordProblem('iloveyou')).toBe('too_common');
	});
});

describe('session expiry', () => {
	const start = new Date('2026-01-01T00:00:00Z');
	const absolute = new Date(start.getTime() + ABSOLUTE_TIMEOUT_MS);
	it('slides the idle expiry forward but never past the absolute one', () => {
		const day10 = new Date(start.getTime() + 10 * 86_400_000);
		expect(slidExpiry(day10, absolute).getTime()).toBe(day10.getTime() + IDLE_TIMEOUT_MS);
		const day28 = new Date(start.getTime() + 28 * 86_400_000);
		expect(slidExpiry(day28, absolute).getTime()).toBe(absolute.getTime());
	});
	it('expires when either limit has passed', () => {
		const session = { expires_at: new Date(start.getTime() + IDLE_TIMEOUT_MS), absolute_expires_at: absolute };
		expect(isExpired(session, new Date(start.getTime() + IDLE_TIMEOUT_MS - 1))).toBe(false);
		expect(isExpired(session, new Date(start.getTime() + IDLE_TIMEOUT_MS))).toBe(true);
		expect(isExpired({ ...session, expires_at: new Date(absolute.getTime() + 1) }, absolute)).toBe(true);
	});
});

describe('sign-in back-off', () => {
	it('allows the free attempts, then waits 1, 2, 4 … seconds up to 300', () => {
		const waits = Array.from({ length: 14 }, (_, i) => lockSeconds(i + 1, 3));
		expect(waits).toEqual([0, 0, 0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300]);
		expect(lockSeconds(1000, 3)).toBe(MAX_LOCK_SECONDS);
	});
});

describe('can(user, permission, record)', () => {
	it('gives funders the impact views and their own account only', () => {
		const funder = actor('funder');
		expect(can(funder, 'impact:read')).toBe(true);
		expect(can(funder, 'account:manage')).toBe(true);
		for (const p of ['records:read', 'people:contacts', 'records:write', 'network:read', 'export:run', 'users:manage'] as const) {
			expect(can(funder, p)).toBe(false);
		}
	});
	it('gives a share link the impact views and nothing else', () => {
		const share = actor('funder', { kind: 'share', userId: null, shareLinkId: 7, sessionId: null });
		expect(can(share, 'impact:read')).toBe(true);
		expect(can(share, 'account:manage')).toBe(false);
	});
	it('lets viewers read but not write; organizers write but not manage users; admins everything', () => {
		expect(can(actor('viewer'), 'people:contacts')).toBe(true);
		expect(can(actor('viewer'), 'records:write')).toBe(false);
		expect(can(actor('organizer'), 'records:write')).toBe(true);
		expect(can(actor('organizer'), 'users:manage')).toBe(false);
		expect(can(actor('admin'), 'users:manage')).toBe(true);
		expect(can(null, 'impact:read')).toBe(false);
	});
	it('limits an organizer with regions to records in them', () => {
		const naryn = actor('organizer', { regionScope: [10, 11, 12] });
		expect(can(naryn, 'records:read', { regionId: 11 })).toBe(true);
		expect(can(naryn, 'records:read', { regionId: 20 })).toBe(false);
		expect(can(naryn, 'records:write', { regionId: null })).toBe(false);
		expect(can(naryn, 'impact:read', { regionId: 20 })).toBe(true);
		expect(can(actor('organizer'), 'records:read', { regionId: 20 })).toBe(true);
	});
});

describe('safeNext', () => {
	it('keeps local paths and refuses other hosts', () => {
		expect(safeNext('/people?q=a')).toBe('/people?q=a');
		for (const bad of ['//evil.example', 'https://evil.example', '/\\evil.example', 'javascript:alert(1)', null]) expect(safeNext(bad)).toBe('/');
	});
});

describe('small-cell suppression', () => {
	it('shows 1–4 as "<5" and hides rates built on them', () => {
		expect([0, 1, 4, 5, 120].map(suppressCount)).toEqual([0, '<5', '<5', 5, 120]);
		expect(suppressRate(3, 40)).toBeNull();
		expect(suppressRate(10, 4)).toBeNull();
		expect(suppressRate(10, 40)).toBe(0.25);
		expect(suppressRate(0, 0)).toBeNull();
	});
});
