// `npm run restore -- FILE`: a backup into an empty database (DATABASE_URL, or the embedded one in
// DATA_DIR), all or nothing. Also the way to move up from the embedded database to PostgreSQL:
//   npm run backup -- moving.json --with-password-hashes           (with the server stopped)
//   DATABASE_URL=postgres://… npm run restore -- moving.json
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { connect } from '../src/lib/server/db/connect';
import { databaseConfigFromEnv } from '../src/lib/server/db/index';
import { describeBackup } from '../src/lib/server/backup/format';
import { restoreBackup } from '../src/lib/server/backup/restore';
import { runScript } from './lib/run';

const USAGE = 'Usage: npm run restore -- FILE';

await runScript(async () => {
	const { positionals } = parseArgs({ allowPositionals: true, options: {} });
	if (positionals.length !== 1) throw new Error(`Name the one backup file to restore. ${USAGE}`);
	const [file] = positionals;
	let text: string;
	try {
		text = readFileSync(file, 'utf8');
	} catch (e) {
		throw new Error(`Cannot read ${file}: ${e instanceof Error ? e.message : e}`);
	}
	const started = Date.now();
	const handle = await connect(databaseConfigFromEnv());
	try {
		const result = await restoreBackup(handle.db, text);
		console.log(`Restored ${file} into ${handle.location}: ${describeBackup(result.counts, Buffer.byteLength(text))}, in ${Date.now() - started} ms.`);
		const restored = Object.entries(result.counts).filter(([, n]) => n > 0);
		console.log(`Rows: ${restored.map(([table, n]) => `${table} ${n}`).join(', ')}.`);
		if (!result.passwordHashes) {
			const origin = process.env.ORIGIN ?? `http://localhost:${process.env.PORT ?? 3000}`;
			console.log('The backup holds no password hashes, so no account has a password yet. Each admin sets hers with this link,');
			console.log('then re-invites the others from Admin → Users:');
			for (const invitation of result.invitations) {
				console.log(`  ${invitation.email}: ${origin}/invitation/${invitation.token} (valid until ${invitation.expiresAt.toISOString()})`);
			}
			if (result.invitations.length === 0) console.log('  (the backup has no active admin: create one with npm run user:create)');
		}
	} finally {
		await handle.close();
	}
});
