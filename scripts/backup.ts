// `npm run backup -- FILE [--with-password-hashes]`: the whole database (DATABASE_URL, or the embedded
// one in DATA_DIR) as one JSON file. Without the option, password hashes and share-link tokens are left
// out: restored accounts then set their passwords through invitation links.
import { renameSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { connect } from '../src/lib/server/db/connect';
import { databaseConfigFromEnv } from '../src/lib/server/db/index';
import { migrateToLatest } from '../src/lib/server/db/migrate';
import { backupDatabase } from '../src/lib/server/backup/backup';
import { describeBackup } from '../src/lib/server/backup/format';
import { runScript } from './lib/run';

const USAGE = 'Usage: npm run backup -- FILE [--with-password-hashes]';

await runScript(async () => {
	const { values, positionals } = parseArgs({ allowPositionals: true, options: { 'with-password-hashes': { type: 'boolean', default: false } } });
	if (positionals.length !== 1) throw new Error(`Name one file to write the backup to. ${USAGE}`);
	const [file] = positionals;
	const started = Date.now();
	const handle = await connect(databaseConfigFromEnv());
	try {
		await migrateToLatest(handle.db);
		const { text, counts } = await backupDatabase(handle.db, { passwordHashes: values['with-password-hashes'] });
		// Written beside and renamed, so an interrupted backup never leaves a half file under FILE's name.
		writeFileSync(`${file}.part`, text);
		renameSync(`${file}.part`, file);
		console.log(`Backed up ${handle.location} to ${file}: ${describeBackup(counts, Buffer.byteLength(text))}, in ${Date.now() - started} ms.`);
		if (!values['with-password-hashes']) {
			console.log('Password hashes and share-link tokens are left out (add --with-password-hashes to keep them, e.g. to move the database).');
		}
	} finally {
		await handle.close();
	}
});
