import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from '../../src/lib/server/db/connect';
import { migrateToLatest } from '../../src/lib/server/db/migrate';
import type { Db } from '../../src/lib/server/db';
import { createSession } from '../../src/lib/server/auth/sessions';
import { createShareLink } from '../../src/lib/server/auth/share-links';
import { loadDemo } from '../../src/lib/server/demo/load';

export const DEMO_PASSWORD = 'demo password for tests';

/**
 * Builds an embedded database in a new folder before the app starts on it (only one process may open
 * it): migrated, with `setup` applied, and marked as started so the app does not load the demo itself.
 */
export async function prepareDataDir<T>(setup: (db: Db) => Promise<T>): Promise<{ dataDir: string; result: T }> {
	const dataDir = mkdtempSync(join(tmpdir(), 'ct-e2e-'));
	const handle = await connect({ kind: 'pglite', dataDir });
	try {
		await migrateToLatest(handle.db);
		await handle.db.insertInto('app_settings').values({ key: 'first_start', value: JSON.stringify({ prepared: true }) }).execute();
		const result = await setup(handle.db);
		return { dataDir, result };
	} finally {
		await handle.close();
	}
}

export type Principal = 'anonymous' | 'share' | 'funder' | 'viewer' | 'organizer' | 'admin';
export const PRINCIPALS: Principal[] = ['anonymous', 'share', 'funder', 'viewer', 'organizer', 'admin'];

/** The demo data plus one cookie per principal: a session for each demo role and an open share link. */
export async function demoWithPrincipals(db: Db): Promise<Record<Principal, string>> {
	await loadDemo(db, { password: DEMO_PASSWORD });
	const cookies: Record<Principal, string> = { anonymous: '', share: '', funder: '', viewer: '', organizer: '', admin: '' };
	for (const role of ['funder', 'viewer', 'organizer', 'admin'] as const) {
		const user = await db.selectFrom('users').select('id').where('email', '=', `${role}@demo.example.org`).executeTakeFirstOrThrow();
		const session = await createSession(db, user.id, { ip: '127.0.0.1', userAgent: 'tests' });
		cookies[role] = `ct_session=${session.token}`;
	}
	const link = await createShareLink(db, {}, { label: 'Test funder', expiresAt: new Date(Date.now() + 86_400_000) });
	cookies.share = `ct_share=${link.token}`;
	return cookies;
}
