import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { Kysely } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import { openPglite } from '../../src/lib/server/db/connect';
import { migrateToLatest } from '../../src/lib/server/db/migrate';
import type { Database } from '../../src/lib/server/db/types';
import { pgliteTemplatePath } from './template';

export default async function setup() {
	const path = pgliteTemplatePath();
	if (!process.env.TEST_DATABASE_URL) {
		console.warn('\n[db tests] PostgreSQL suites skipped: TEST_DATABASE_URL is not set (they run on PGlite only).\n');
	}
	if (existsSync(path)) return;
	const pglite = await openPglite();
	const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
	await migrateToLatest(db);
	const dump = await pglite.dumpDataDir('gzip');
	writeFileSync(`${path}.part`, Buffer.from(await dump.arrayBuffer()));
	renameSync(`${path}.part`, path);
	await db.destroy();
}
