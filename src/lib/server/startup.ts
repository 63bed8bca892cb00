import { sql } from 'kysely';
import { closeAppDatabase, openAppDatabase, type Db } from './db';
import { migrateToLatest } from './db/migrate';
import { formatDemoAccounts } from './demo/accounts';
import { loadDemo } from './demo/load';
import { NAME_KEYS_VERSION, refreshNameKeys } from './people/maintenance';

const FIRST_START = 'first_start';

/**
 * Opens and migrates the database before the first request. On the embedded database the very first
 * start also loads the demo data — in the same transaction that records the first start, so a start
 * killed half-way loads it again next time and a completed one never loads it twice.
 */
export async function startServer(options: { dev: boolean }): Promise<void> {
	const handle = await openAppDatabase();
	const migrated = await migrateToLatest(handle.db);
	const applied = migrated.results?.length ?? 0;
	console.log(`Candidate Tracker: ${handle.kind === 'pglite' ? 'embedded PGlite' : 'PostgreSQL'} at ${handle.location}` +
		(applied ? ` (${applied} migration${applied === 1 ? '' : 's'} applied)` : ''));
	if (handle.kind === 'pglite') await loadDemoOnFirstStart(handle.db);
	const refreshed = await refreshNameKeys(handle.db);
	if (refreshed) console.log(`Updated the search and sort keys of ${refreshed} people.`);
	// PGlite runs no autovacuum, so its planner statistics exist only where someone ran ANALYZE; without
	// them it estimates one row per table and the cascade's recursive queries pick nested loops.
	if (handle.kind === 'pglite') await sql`analyze`.execute(handle.db);
	registerShutdown(options.dev);
}

export async function loadDemoOnFirstStart(db: Db): Promise<boolean> {
	const started = await db.selectFrom('app_settings').select('key').where('key', '=', FIRST_START).executeTakeFirst();
	if (started) return false;
	const t0 = Date.now();
	const { counts, accounts } = await loadDemo(db, {
		within: async (trx) => {
			await trx
				.insertInto('app_settings')
				.values([
					{ key: FIRST_START, value: JSON.stringify({ at: new Date().toISOString(), demo: true }) },
					// The demo's name keys are written by the current code: nothing to refresh.
					{ key: 'name_keys_version', value: JSON.stringify(NAME_KEYS_VERSION) }
				])
				.execute();
		}
	});
	console.log(`Loaded demo data — fictional people (${counts.people} people, ${counts.candidacies} candidacies) in ${Date.now() - t0} ms. ` +
		'Remove it with: npm run db:demo -- --remove');
	console.log(formatDemoAccounts(accounts));
	return true;
}

let shutdownRegistered = false;
function registerShutdown(dev: boolean) {
	if (shutdownRegistered) return;
	shutdownRegistered = true;
	const close = async () => {
		try {
			await closeAppDatabase();
		} catch (e) {
			console.error('Closing the database failed:', e);
		}
	};
	// adapter-node stops accepting requests on SIGINT/SIGTERM, drains, then emits this event.
	process.once('sveltekit:shutdown', close);
	if (dev) {
		for (const signal of ['SIGINT', 'SIGTERM'] as const) {
			process.once(signal, () => void close().then(() => process.exit(0)));
		}
	}
}

/** For /health: a trivial round trip to the database. */
export async function databaseIsUp(db: Db): Promise<boolean> {
	try {
		await sql`select 1`.execute(db);
		return true;
	} catch {
		return false;
	}
}
