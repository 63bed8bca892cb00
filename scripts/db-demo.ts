// `npm run db:demo` loads the demo data (fictional people); `npm run db:demo -- --remove` removes exactly it.
import { connect } from '../src/lib/server/db/connect';
import { databaseConfigFromEnv } from '../src/lib/server/db/index';
import { migrateToLatest } from '../src/lib/server/db/migrate';
import { formatDemoAccounts } from '../src/lib/server/demo/accounts';
import { hasDemo, loadDemo, removeDemo } from '../src/lib/server/demo/load';
import { runScript } from './lib/run';

const args = process.argv.slice(2);
const unknown = args.filter((a) => a !== '--remove');
if (unknown.length) {
	console.error(`Unknown argument ${unknown[0]}. Usage: npm run db:demo [-- --remove]`);
	process.exit(2);
}

await runScript(async () => {
	const handle = await connect(databaseConfigFromEnv());
	try {
		await migrateToLatest(handle.db);
		if (args.includes('--remove')) {
			const removed = await removeDemo(handle.db);
			const total = Object.values(removed).reduce((a: number, b: number) => a + b, 0);
			console.log(`Removed ${total} demo rows from ${handle.location}:`, removed);
		} else if (await hasDemo(handle.db)) {
			console.log(`${handle.location} already holds the demo data; remove it first with: npm run db:demo -- --remove`);
		} else {
			const { counts, accounts } = await loadDemo(handle.db);
			console.log(`Loaded demo data — fictional people — into ${handle.location}:`, counts);
			console.log(formatDemoAccounts(accounts));
		}
	} finally {
		await handle.close();
	}
});
