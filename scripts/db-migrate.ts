// `npm run db:migrate`: bring the database named by DATABASE_URL (or the embedded one in DATA_DIR) up to date.
import { connect } from '../src/lib/server/db/connect';
import { databaseConfigFromEnv } from '../src/lib/server/db/index';
import { migrateToLatest } from '../src/lib/server/db/migrate';
import { runScript } from './lib/run';

await runScript(async () => {
	const handle = await connect(databaseConfigFromEnv());
	try {
		const result = await migrateToLatest(handle.db);
		const applied = result.results ?? [];
		if (applied.length === 0) console.log(`${handle.location}: already up to date.`);
		for (const r of applied) console.log(`${handle.location}: ${r.migrationName} ${r.status === 'Success' ? 'applied' : r.status}`);
	} finally {
		await handle.close();
	}
});
