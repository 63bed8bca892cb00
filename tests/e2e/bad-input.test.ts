import { rmSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../../src/lib/server/db/connect';
import type { Db } from '../../src/lib/server/db';
import { startApp, type RunningApp } from '../helpers/app';
import { matrixIds } from '../helpers/matrix-ids';
import { demoWithPrincipals, prepareDataDir } from '../helpers/prepare';
import { createShareLink } from '../../src/lib/server/auth/share-links';
import { peopleBadInput } from './areas/people';
import { trainingBadInput } from './areas/trainings';
import { electionBadInput } from './areas/elections';
import type { BadInputCase, MatrixIds } from './permission-matrix';

export function allBadInput(ids: MatrixIds): BadInputCase[] {
	return [...peopleBadInput(ids), ...trainingBadInput(ids), ...electionBadInput(ids)];
}

async function snapshot(db: Db, tables: string[]): Promise<Record<string, string>> {
	const out: Record<string, string> = {};
	for (const table of tables) {
		const { rows } = await sql<{ state: string }>`select count(*) || ':' || coalesce(max(version * 1000003 + id)::text, '') || ':' || coalesce(sum(version)::text, '') as state from ${sql.table(table)}`.execute(db);
		out[table] = rows[0].state;
	}
	return out;
}

describe('bad input on every form: a clear field message, 4xx, nothing stored', () => {
	let app: RunningApp;
	let cookie: string;
	let cases: BadInputCase[];
	let before: Record<string, string>;
	let tables: string[];

	beforeAll(async () => {
		const prepared = await prepareDataDir(async (db) => {
			const cookies = await demoWithPrincipals(db);
			const link = await createShareLink(db, {}, { label: 'Bad input', expiresAt: new Date(Date.now() + 86_400_000) });
			const user = await db.selectFrom('users').select('id').where('role', '=', 'viewer').executeTakeFirstOrThrow();
			const ids = await matrixIds(db, { user: user.id, shareLink: link.id });
			const all = allBadInput(ids);
			const touched = [...new Set(all.flatMap((c) => c.tables))];
			return { cookie: cookies.admin, ids, snapshot: await snapshot(db, touched), tables: touched };
		});
		cookie = prepared.result.cookie;
		cases = allBadInput(prepared.result.ids);
		before = prepared.result.snapshot;
		tables = prepared.result.tables;
		app = await startApp({}, { keepDataDir: prepared.dataDir });
	});
	afterAll(async () => {
		await app?.stop();
		if (app?.dataDir) rmSync(app.dataDir, { recursive: true, force: true });
	});

	it('refuses every bad value with a 4xx naming the field', async () => {
		expect(cases.length).toBeGreaterThan(0);
		const problems: string[] = [];
		for (const c of cases) {
			for (const bad of c.bad) {
				const body = new URLSearchParams();
				for (const [k, v] of Object.entries({ ...c.valid, [bad.field]: bad.value })) {
					for (const item of Array.isArray(v) ? v : [v]) body.append(k, item);
				}
				const res = await fetch(`${app.url}${c.url}${c.action ?? ''}`, {
					method: 'POST',
					headers: { cookie, origin: app.url, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
					body,
					redirect: 'manual'
				});
				const html = await res.text();
				const label = `${c.form} — ${bad.why} (${bad.field}=${JSON.stringify(bad.value).slice(0, 40)})`;
				if (res.status < 400 || res.status >= 500) problems.push(`${label}: status ${res.status}`);
				else if (!html.includes(`id="field-${bad.errorField ?? bad.field}-error"`)) problems.push(`${label}: no message at the field`);
				if (/<script>alert|<img src=x/i.test(html)) problems.push(`${label}: markup echoed unescaped`);
			}
		}
		expect(problems).toEqual([]);
	});

	it('stored nothing', async () => {
		await app.stop('SIGTERM');
		const handle = await connect({ kind: 'pglite', dataDir: app.dataDir! });
		try {
			expect(await snapshot(handle.db, tables)).toEqual(before);
		} finally {
			await handle.close();
		}
	});
});
