// `npm run faults`: the fault scenarios of scripts/lib/faults.ts against the built server, printed as
// they are observed — PostgreSQL stopped and started under load (on an instance of its own: needs the
// PostgreSQL 15 binaries, PG_BIN), clients hanging up mid-request, and kill -9 on the embedded
// database during writes. Exits 1 when the app answered anything but 200/503, stayed down, crashed,
// leaked a connection or lost an acknowledged write. tests/e2e/faults.test.ts asserts the same.
import { buildIfNeeded } from './lib/build-if-needed.js';
import { runScript } from './lib/run';
import { abortScenario, killDuringWritesScenario, postgresRestartScenario, startPostgresApp, type Tally } from './lib/faults';
import { hasPostgresBinaries, PG_BIN } from '../tests/helpers/postgres-instance';

const problems: string[] = [];
const check = (ok: boolean, problem: string) => ok || problems.push(problem);
const formatTally = (tally: Tally) =>
	Object.entries(tally)
		.map(([phase, statuses]) => `  ${phase.padEnd(11)} ${Object.entries(statuses).map(([status, n]) => `${n} × ${status}`).join(', ')}`)
		.join('\n');

async function postgresFaults() {
	if (!hasPostgresBinaries) {
		console.log(`Skipping the PostgreSQL scenarios: no initdb in ${PG_BIN} (set PG_BIN).`);
		return;
	}
	const target = await startPostgresApp();
	try {
		console.log('PostgreSQL stopped for 3 s under 4 writers and 4 readers, then started again:');
		const restart = await postgresRestartScenario(target);
		console.log(formatTally(restart.tally));
		for (const [locale, page] of Object.entries(restart.downPages)) {
			console.log(`  down, ${locale}: HTTP ${page.status}, Retry-After ${page.retryAfter}: ${page.body.match(/<p>([^<]*)<\/p>/)?.[1] ?? '(no text)'}`);
		}
		console.log(`  recovered ${restart.recoveryMs} ms after PostgreSQL was back; ${restart.acknowledged} acknowledged writes, ${restart.missing.length} missing`);
		check(restart.downPages.ru.status === 503 && restart.downPages.ky.status === 503 && restart.health === 503, 'no 503 while PostgreSQL was down');
		check(Object.values(restart.tally).every((statuses) => Object.keys(statuses).every((s) => s === '200' || s === '503')), 'answers other than 200/503');
		check(restart.recoveryMs < 5_000, 'no recovery within 5 s');
		check(restart.appAlive, 'the server process died');
		check(restart.missing.length === 0, `acknowledged writes lost: ${restart.missing.join(', ')}`);

		console.log('Clients hanging up mid-request:');
		const aborts = await abortScenario(target);
		console.log(`  ${aborts.aborted} requests aborted in flight, ${aborts.truncated} bodies cut off; app connections ${aborts.before} before, ` +
			`${aborts.remaining} after ${aborts.settleMs} ms (pool idle timeout 10 s); then 20 at once: ${JSON.stringify(aborts.laterStatuses)}`);
		check(aborts.remaining === 0, 'connections left open after aborted requests');
		check(aborts.laterStatuses['200'] === 20, 'requests after the aborts failed');
	} finally {
		await target.close();
	}
}

async function main() {
	buildIfNeeded();
	await postgresFaults();
	console.log('kill -9 of the server on the embedded database during writes, then a restart on the same DATA_DIR:');
	const kill = await killDuringWritesScenario();
	console.log(`  ${kill.acknowledged} acknowledged writes, ${kill.missing.length} missing; restarted server answered ${kill.restartedStatus}`);
	check(kill.missing.length === 0, `acknowledged writes lost after kill -9: ${kill.missing.join(', ')}`);
	check(kill.restartedStatus === 200, 'the restarted server did not serve the old session');
	if (problems.length) throw new Error(problems.join('; '));
	console.log('All fault checks passed.');
}

await runScript(main);
