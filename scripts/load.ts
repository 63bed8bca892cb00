// `npm run load [-- --connections 50 --duration 30]`: drives the built server on PostgreSQL with
// autocannon — signed-in pages and campaign-activity writes through the real form actions — and prints
// requests per second and p50/p99 latency per route group. Exits 1 on any error, timeout or answer
// other than 2xx/3xx. The database is a throwaway one on LOAD_SERVER_URL (default: the local
// PostgreSQL), created with the demo data and dropped afterwards, or DATABASE_URL when given.
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { buildIfNeeded } from './lib/build-if-needed.js';
import { runScript } from './lib/run';
import { activityFields, demoTargets, formPost, prepareDemo, signIn, throwawayDatabase, withDatabase, DEMO_APP_PASSWORD } from './lib/demo-app';
import { startApp } from '../tests/helpers/app';

interface GroupStats {
	latencies: number[];
	bad: number;
}

type Context = Record<string, unknown>;

const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)];

function percentile(sorted: number[], p: number): number {
	return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : 0;
}

// The delete form of the activity this connection just added, found in the page the add answered with.
function activityFormAfter(html: string, description: string): { activity: string; version: string } | null {
	const at = html.indexOf(`>${description}<`);
	if (at < 0) return null;
	const rest = html.slice(at);
	const activity = /name="activity" value="(\d+)"/.exec(rest)?.[1];
	const version = /name="version" value="(\d+)"/.exec(rest)?.[1];
	return activity && version ? { activity, version } : null;
}

async function main() {
	const { values: args } = parseArgs({
		options: { connections: { type: 'string', short: 'c', default: '50' }, duration: { type: 'string', short: 'd', default: '30' } }
	});
	const connections = Number(args.connections);
	const duration = Number(args.duration);
	if (!(connections >= 1) || !(duration >= 1)) throw new Error('--connections and --duration take positive numbers');

	buildIfNeeded();
	const given = process.env.DATABASE_URL;
	const throwaway = given ? null : await throwawayDatabase(process.env.LOAD_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres', 'ct_load');
	const databaseUrl = given ?? throwaway!.url;
	let app: Awaited<ReturnType<typeof startApp>> | undefined;
	try {
		const password = (await withDatabase(databaseUrl, (db) => prepareDemo(db))) ? DEMO_APP_PASSWORD : (process.env.DEMO_PASSWORD ?? DEMO_APP_PASSWORD);
		const targets = await withDatabase(databaseUrl, demoTargets);
		app = await startApp({ DATABASE_URL: databaseUrl });
		const reader = await signIn(app.url, 'viewer@demo.example.org', password);
		const writer = await signIn(app.url, 'organizer@demo.example.org', password);
		console.log(`Load: ${connections} connections for ${duration} s against ${app.url} …`);

		const groups = new Map<string, GroupStats>();
		let writeMarker = 0;
		const runId = randomBytes(3).toString('hex');
		// Every request is timed from its setup to its answer (one request in flight per connection).
		const timed = (group: string, build: (request: autocannon.Request, context: Context) => autocannon.Request | null, onAnswer?: (body: string, context: Context) => void) => {
			groups.set(group, { latencies: [], bad: 0 });
			const stats = groups.get(group)!;
			return {
				setupRequest(request: autocannon.Request, context: Context) {
					context.sentAt = performance.now();
					return build(request, context);
				},
				onResponse(status: number, body: string, context: Context) {
					stats.latencies.push(performance.now() - (context.sentAt as number));
					if (status >= 400) stats.bad++;
					else onAnswer?.(body, context);
				}
			};
		};
		const page = (group: string, path: () => string) =>
			timed(group, (request) => ({ ...request, method: 'GET', path: path(), headers: { cookie: reader, accept: 'text/html' } }));
		const form = (request: autocannon.Request, path: string, fields: Record<string, string>) => ({ ...request, method: 'POST', path, ...formPost(app!.url, writer, fields) });
		let lostActivities = 0;

		const requests: autocannon.Request[] = [
			page('home', () => '/'),
			page('people list + search', () => `/people?q=${encodeURIComponent(targets.search)}`),
			page('person page', () => `/people/${pick(targets.people)}`),
			page('trainings', () => '/trainings'),
			page('elections', () => '/elections'),
			page('impact', () => '/impact'),
			page('network', () => '/network'),
			timed(
				'write: add activity',
				(request, context) => {
					context.candidacy = pick(targets.candidacies);
					context.description = `load ${runId} ${++writeMarker}`;
					return form(request, `/candidacies/${context.candidacy}?/addActivity`, activityFields(context.description as string));
				},
				(body, context) => {
					context.added = activityFormAfter(body, context.description as string);
					if (!context.added) lostActivities++;
				}
			),
			timed('write: remove activity', (request, context) => {
				const added = context.added as { activity: string; version: string } | null;
				return added ? form(request, `/candidacies/${context.candidacy}?/deleteActivity`, added) : null;
			})
		];

		const result = await autocannon({ url: app.url, connections, duration, timeout: 10, requests });

		const rows = [...groups].map(([group, { latencies, bad }]) => {
			const sorted = latencies.sort((a, b) => a - b);
			return [group, String(sorted.length), (sorted.length / result.duration).toFixed(1), percentile(sorted, 50).toFixed(0), percentile(sorted, 99).toFixed(0), String(bad)];
		});
		rows.push(['overall', String(result.requests.total), result.requests.average.toFixed(1), String(result.latency.p50), String(result.latency.p99), String(result['4xx'] + result['5xx'])]);
		printTable(['route group', 'requests', 'req/s', 'p50 ms', 'p99 ms', '4xx/5xx'], rows);
		console.log(`${result['2xx']} × 2xx, ${result['3xx']} × 3xx, ${result['4xx']} × 4xx, ${result['5xx']} × 5xx, ${result.errors} errors (${result.timeouts} timeouts) in ${result.duration} s`);

		const problems = [
			result.errors && `${result.errors} connection errors or timeouts`,
			result['4xx'] + result['5xx'] && `${result['4xx'] + result['5xx']} answers with 4xx/5xx`,
			lostActivities && `${lostActivities} added activities missing from the page that answered the add`
		].filter(Boolean);
		if (problems.length) {
			console.error(`Server output (last lines):\n${app.output().split('\n').slice(-30).join('\n')}`);
			throw new Error(`The load run failed: ${problems.join('; ')}`);
		}
	} finally {
		await app?.stop();
		await throwaway?.drop();
	}
}

function printTable(head: string[], rows: string[][]) {
	const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
	const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
	console.log(line(head));
	console.log(widths.map((w) => '─'.repeat(w)).join('  '));
	for (const row of rows) console.log(line(row));
}

await runScript(main);
