import type { Db } from '../db';

// Failed sign-ins slow down, then lock, per e-mail and per address (ASVS V6.3). Kept in the database,
// so a restart does not reset them. An address gets more free attempts than an e-mail: many people
// may sign in from one office network.
export const FREE_FAILURES = { email: 3, ip: 10 } as const;
export const MAX_LOCK_SECONDS = 300;
/** After a quiet hour, earlier failures are forgotten. */
export const FORGET_AFTER_MS = 3600 * 1000;

export type ThrottleKind = keyof typeof FREE_FAILURES;

export function throttleKey(kind: ThrottleKind, value: string): string {
	return `${kind}:${value.trim().toLowerCase()}`;
}

/** Back-off after the free attempts: 1, 2, 4, 8 … seconds, at most 300. */
export function lockSeconds(failures: number, free: number): number {
	if (failures <= free) return 0;
	return Math.min(2 ** (failures - free - 1), MAX_LOCK_SECONDS);
}

/** Seconds to wait before another attempt (0 = go ahead). */
export async function waitSeconds(db: Db, keys: string[], now = new Date()): Promise<number> {
	const rows = await db.selectFrom('login_throttle').select('locked_until').where('key', 'in', keys).execute();
	const until = Math.max(0, ...rows.map((r) => r.locked_until?.getTime() ?? 0));
	return Math.max(0, Math.ceil((until - now.getTime()) / 1000));
}

export async function recordFailure(db: Db, keys: Array<{ kind: ThrottleKind; key: string }>, now = new Date()): Promise<void> {
	for (const { kind, key } of keys) {
		const row = await db.selectFrom('login_throttle').selectAll().where('key', '=', key).executeTakeFirst();
		const stale = !row || now.getTime() - row.last_failure_at.getTime() > FORGET_AFTER_MS;
		const failures = stale ? 1 : row.failures + 1;
		const seconds = lockSeconds(failures, FREE_FAILURES[kind]);
		const locked_until = seconds ? new Date(now.getTime() + seconds * 1000) : null;
		await db
			.insertInto('login_throttle')
			.values({ key, failures, last_failure_at: now, locked_until })
			.onConflict((oc) => oc.column('key').doUpdateSet({ failures, last_failure_at: now, locked_until }))
			.execute();
	}
}

export async function clearFailures(db: Db, key: string): Promise<void> {
	await db.deleteFrom('login_throttle').where('key', '=', key).execute();
}
