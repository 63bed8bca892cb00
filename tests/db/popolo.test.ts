import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db';
import type { DatabaseHandle } from '../../src/lib/server/db/connect';
import type { Actor } from '../../src/lib/server/auth/permissions';
import type { AuditContext } from '../../src/lib/server/audit/log';
import { loadDemo } from '../../src/lib/server/demo/load';
import { deleteRecord, revertChange, updateRecord } from '../../src/lib/server/records/changes';
import { exportPopolo } from '../../src/lib/server/popolo/export';
import { importPopolo, PopoloDocumentError, type PopoloImportResult } from '../../src/lib/server/popolo/import';
import { normalisedName, parsePopolo, type PopoloDocument, type PopoloIdentifier } from '../../src/lib/server/popolo/schema';
import { describeEachDatabase, freshDatabase } from '../helpers/databases';
import { sharedDataFile } from '../helpers/shared-data';

const SECRET_NOTE = 'Private: met her at the clinic, do not share';

function actor(role: Actor['role'], userId: number, regionScope: number[] | null = null): Actor {
	return { kind: 'user', userId, shareLinkId: null, role, displayName: role, email: null, regionScope, sessionId: null, locale: null };
}

async function adminIn(db: Db): Promise<{ actor: Actor; context: AuditContext }> {
	const user = await db.insertInto('users').values({ email: `admin${Math.random()}@example.org`, display_name: 'Admin', role: 'admin' }).returning('id').executeTakeFirstOrThrow();
	return { actor: actor('admin', user.id), context: { actor: { userId: user.id, shareLinkId: null }, ip: null } };
}

function runImport(db: Db, context: AuditContext, document: unknown, fileName = 'popolo.json'): Promise<PopoloImportResult> {
	return db.transaction().execute((trx) => importPopolo(trx, context, document, fileName));
}

const count = async (db: Db, table: 'people' | 'import_jobs' | 'organizations' | 'memberships') =>
	Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

/**
 * What must survive a round trip, without the ids each database gives (and the 'popolo' identifier
 * the import keeps of them). Councils and candidacies come from contests, which the import leaves alone.
 */
function withoutIds(doc: PopoloDocument) {
	const strip = (ids: PopoloIdentifier[] | undefined) => (ids ?? []).filter((i) => i.scheme !== 'popolo');
	const sorted = <T>(rows: T[]) => rows.map((r) => JSON.stringify(r)).sort();
	const persons = new Map(doc.persons.map(({ id, identifiers, ...p }) => [id, JSON.stringify({ ...p, identifiers: strip(identifiers) })]));
	const organizations = new Map(doc.organizations.filter((o) => !o.id.startsWith('council/')).map(({ id, identifiers, ...o }) => [id, JSON.stringify({ ...o, identifiers: strip(identifiers) })]));
	const memberships = doc.memberships
		.filter((ms) => ms.role !== 'candidate')
		.map(({ id: _, person_id, organization_id, ...ms }) => ({ ...ms, person: persons.get(person_id), organization: organizations.get(organization_id) }));
	return { persons: sorted([...persons.values()]), organizations: sorted([...organizations.values()]), memberships: sorted(memberships) };
}

/** An EveryPolitician-style ep-popolo document built from their CSV of the 5th Jogorku Kenesh (120 members). */
function everyPoliticianKyrgyzstan() {
	const [header, ...lines] = readFileSync(sharedDataFile('everypolitician-kyrgyzstan-term5.csv'), 'utf8').trim().split('\n');
	const columns = header.split(',');
	// The file has no quoted fields (checked: no '"' in it), so a plain split reads it.
	const rows = lines.map((line) => Object.fromEntries(line.split(',').map((value, i) => [columns[i], value])));
	const parties = new Map(rows.map((r) => [r.group_id, r]));
	return {
		persons: rows.map((r) => ({
			id: r.id,
			name: r.name,
			sort_name: r.sort_name,
			...(r.gender ? { gender: r.gender } : {}),
			...(r.email ? { email: r.email } : {}),
			identifiers: r.wikidata ? [{ scheme: 'wikidata', identifier: r.wikidata }] : [],
			images: r.image ? [{ url: r.image }] : [],
			links: [],
			contact_details: []
		})),
		organizations: [
			{ id: '1ba661a9-22ad-4d0f-8a60-fe8e28f2488c', name: 'Supreme Council', classification: 'legislature', identifiers: [], seats: 120 },
			...[...parties.values()].map((r) => ({
				id: `party/${r.group_id}`,
				name: r.group,
				classification: 'party',
				identifiers: r.wikidata_group ? [{ scheme: 'wikidata', identifier: r.wikidata_group }] : []
			}))
		],
		memberships: rows.map((r) => ({
			person_id: r.id,
			organization_id: '1ba661a9-22ad-4d0f-8a60-fe8e28f2488c',
			on_behalf_of_id: `party/${r.group_id}`,
			legislative_period_id: 'term/5',
			role: 'member'
		})),
		events: [{ id: 'term/5', name: '5th Convocation', classification: 'legislative period', start_date: '2010-11-10', end_date: '2015-10-28', organization_id: '1ba661a9-22ad-4d0f-8a60-fe8e28f2488c' }],
		areas: [],
		meta: { source: 'tests: built from everypolitician-kyrgyzstan-term5.csv' }
	};
}

describeEachDatabase('Popolo export and import', (t) => {
	let admin: { actor: Actor; context: AuditContext };
	let exported: PopoloDocument;
	let deletedPerson: number;
	const others: DatabaseHandle[] = [];
	const otherDatabase = async () => {
		const handle = await freshDatabase(t.kind);
		others.push(handle);
		return handle.db;
	};

	beforeAll(async () => {
		await loadDemo(t.db);
		admin = await adminIn(t.db);
		const [first, second] = await t.db.selectFrom('people').select(['id', 'version']).where('deleted_at', 'is', null).orderBy('id').limit(2).execute();
		await t.db.transaction().execute((trx) => updateRecord(trx, admin.context, 'people', first.id, first.version, { notes: SECRET_NOTE, phone: '+996 555 123 456' }));
		await t.db.transaction().execute((trx) => deleteRecord(trx, admin.context, 'people', second.id, second.version));
		deletedPerson = second.id;
		exported = await exportPopolo(t.db, admin.actor);
	});
	afterAll(async () => {
		for (const handle of others) await handle.close();
	});

	it('exports the demo data as a document its own reader accepts, without deleted rows or notes', async () => {
		expect(parsePopolo(JSON.parse(JSON.stringify(exported)))).toMatchObject({ ok: true });
		const live = await t.db.selectFrom('people').select('id').where('deleted_at', 'is', null).execute();
		expect(exported.persons.map((p) => p.id).sort()).toEqual(live.map((p) => `person/${p.id}`).sort());
		expect(exported.persons.map((p) => p.id)).not.toContain(`person/${deletedPerson}`);
		expect(exported.memberships.filter((ms) => ms.person_id === `person/${deletedPerson}`)).toEqual([]);
		const text = JSON.stringify(exported);
		expect(text).not.toContain(SECRET_NOTE);
		expect(text).not.toMatch(/"notes"|"consent/);
		// Contests as posts of councils, elections as events, candidacies as memberships of role 'candidate'.
		expect(exported.posts.length).toBe(Number((await t.db.selectFrom('contests').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n));
		expect(exported.posts.every((p) => exported.organizations.some((o) => o.id === p.organization_id) && exported.areas.some((a) => a.id === p.area_id))).toBe(true);
		expect(exported.events.every((e) => e.classification === 'election' && /^\d{4}-\d{2}-\d{2}$/.test(e.start_date))).toBe(true);
		const candidacies = exported.memberships.filter((ms) => ms.role === 'candidate');
		expect(candidacies.length).toBeGreaterThan(0);
		expect(candidacies.every((c) => exported.posts.some((p) => p.id === c.post_id) && exported.events.some((e) => e.id === c.x_candidacy?.election_id))).toBe(true);
		// A birth year alone is a valid Popolo date.
		expect(exported.persons.filter((p) => p.birth_date).every((p) => /^\d{4}$/.test(p.birth_date!))).toBe(true);
	});

	it('gives contacts only to those who may see them, and only the people of a limited organizer’s regions', async () => {
		const withContacts = exported.persons.filter((p) => p.contact_details?.length);
		expect(withContacts.length).toBeGreaterThan(0);
		expect(JSON.stringify(exported)).toContain('+996 555 123 456');
		// A funder may never see contacts (she cannot run an export either; the document would still not carry them).
		const forFunder = await exportPopolo(t.db, actor('funder', admin.actor.userId!));
		expect(forFunder.persons.length).toBe(exported.persons.length);
		expect(forFunder.persons.filter((p) => 'contact_details' in p)).toEqual([]);
		expect(JSON.stringify(forFunder)).not.toContain('+996 555 123 456');

		const naryn = await t.db.selectFrom('regions').select('id').where('code', 'like', 'KG-N%').execute();
		const limited = await exportPopolo(t.db, actor('organizer', admin.actor.userId!, naryn.map((r) => r.id)));
		const inNaryn = await t.db.selectFrom('people').select('id').where('deleted_at', 'is', null).where('region_id', 'in', naryn.map((r) => r.id)).execute();
		expect(limited.persons.map((p) => p.id).sort()).toEqual(inNaryn.map((p) => `person/${p.id}`).sort());
		expect(limited.memberships.every((ms) => limited.persons.some((p) => p.id === ms.person_id))).toBe(true);
	});

	it('round-trips: export → import into an empty database → export gives the same people, organizations and memberships', async () => {
		const target = await otherDatabase();
		const { context, actor: targetAdmin } = await adminIn(target);
		const result = await runImport(target, context, JSON.parse(JSON.stringify(exported)), 'demo.json');
		expect(result.problems).toEqual([]);
		expect(result.persons).toEqual({ created: exported.persons.length, updated: 0, skipped: 0 });
		const again = await exportPopolo(target, targetAdmin);
		const before = withoutIds(exported);
		const after = withoutIds(again);
		expect(after.persons).toEqual(before.persons);
		expect(after.organizations).toEqual(before.organizations);
		expect(after.memberships).toEqual(before.memberships);
		expect(after.memberships.length).toBeGreaterThan(0);

		// The same file a second time adds and changes nothing.
		const second = await runImport(target, context, JSON.parse(JSON.stringify(exported)), 'demo.json');
		for (const kind of ['persons', 'organizations', 'memberships'] as const) expect(second[kind]).toMatchObject({ created: 0, updated: 0 });
		expect(await target.selectFrom('audit_log').select('id').where('import_job_id', '=', second.jobId).execute()).toEqual([]);
	});

	it('imports the 120 members of the 5th Jogorku Kenesh from an EveryPolitician document, each party once, and nothing the second time', async () => {
		const target = await otherDatabase();
		const { context } = await adminIn(target);
		const document = everyPoliticianKyrgyzstan();
		const organizationsBefore = await count(target, 'organizations');
		const first = await runImport(target, context, document, 'ep-popolo-v1.0.json');
		expect(first.problems).toEqual([]);
		expect(first.persons).toEqual({ created: 120, updated: 0, skipped: 0 });
		// The reference data already has SDPK, Respublika, Ata-Meken and Ar-Namys: found by name, not duplicated.
		// Created: the Supreme Council, AtaZHurt, Onuguu, Reforma uchun, Yntymak; "unknown" is no party.
		expect(first.organizations).toEqual({ created: 5, updated: 5, skipped: 1 });
		expect(await count(target, 'organizations')).toBe(organizationsBefore + 5);
		// 120 seats, and a party membership for everyone but the two whose group is "unknown".
		expect(first.memberships).toEqual({ created: 238, updated: 0, skipped: 0 });

		const orgs = await target.selectFrom('organizations').select(['id', 'name', 'short_name', 'identifiers']).where('deleted_at', 'is', null).execute();
		const named = (name: string) => orgs.filter((o) => [o.name, o.short_name].some((n) => n && normalisedName(n) === normalisedName(name)));
		expect(named('Ata Meken').map((o) => o.name)).toEqual(['Ata-Meken']);
		expect(named('AtaMeken')).toEqual(named('Ata Meken'));
		expect(named('Ata Meken')[0].identifiers).toEqual(
			expect.arrayContaining([
				{ scheme: 'popolo', identifier: 'party/ata_meken' },
				{ scheme: 'popolo', identifier: 'party/atameken' },
				{ scheme: 'wikidata', identifier: 'Q753013' }
			])
		);
		expect(named('unknown')).toEqual([]);
		const members = async (organizationId: number) =>
			(await target.selectFrom('memberships').select(['role', 'start_date', 'end_date']).where('organization_id', '=', organizationId).where('deleted_at', 'is', null).execute()).length;
		expect(await members(named('Ata Meken')[0].id)).toBe(16);
		expect(await members(named('SDPK')[0].id)).toBe(26);
		const council = named('Supreme Council')[0];
		expect(await target.selectFrom('memberships').select(['role', 'start_date', 'end_date']).where('organization_id', '=', council.id).distinct().execute()).toEqual([
			{ role: 'member', start_date: '2010-11-10', end_date: '2015-10-28' }
		]);

		const people = await target.selectFrom('people').select(['full_name', 'name_latin', 'gender', 'identifiers']).execute();
		const galina = people.find((p) => p.full_name === 'SKRIPKINA Galina Anatolevna');
		expect(galina).toMatchObject({ name_latin: 'SKRIPKINA Galina Anatolevna', gender: 'female' });
		expect(people.filter((p) => p.gender === 'unknown').length).toBe(103);
		expect(people.every((p) => p.identifiers.some((i) => i.scheme === 'popolo'))).toBe(true);

		const job = await target.selectFrom('import_jobs').selectAll().where('id', '=', first.jobId).executeTakeFirstOrThrow();
		expect(job).toMatchObject({ kind: 'popolo', format: 'json', file_name: 'ep-popolo-v1.0.json', status: 'committed', user_id: context.actor!.userId, created_count: 363, updated_count: 5, skipped_count: 1 });
		const audited = await target.selectFrom('audit_log').select('id').where('import_job_id', '=', first.jobId).execute();
		expect(audited.length).toBe(363 + 5);

		const second = await runImport(target, context, document, 'ep-popolo-v1.0.json');
		expect(second).toMatchObject({
			persons: { created: 0, updated: 0, skipped: 120 },
			organizations: { created: 0, updated: 0, skipped: 11 },
			memberships: { created: 0, updated: 0, skipped: 238 },
			problems: []
		});
		expect(await count(target, 'people')).toBe(120);
		expect(await target.selectFrom('audit_log').select('id').where('import_job_id', '=', second.jobId).execute()).toEqual([]);
	});

	it('refuses an invalid document, naming where it is wrong, and writes nothing', async () => {
		const document = everyPoliticianKyrgyzstan();
		delete (document.persons[3] as { name?: string }).name;
		(document.memberships[7] as { start_date?: string }).start_date = '10.11.2010';
		const jobs = await count(t.db, 'import_jobs');
		const people = await count(t.db, 'people');
		const refused = runImport(t.db, admin.context, document);
		await expect(refused).rejects.toBeInstanceOf(PopoloDocumentError);
		const problems = ((await refused.catch((e) => e)) as PopoloDocumentError).problems;
		expect(problems.map((p) => p.path)).toEqual(['persons[3].name', 'memberships[7].start_date']);
		expect(problems[0].message).toMatch(/required/i);
		await expect(runImport(t.db, admin.context, [1, 2])).rejects.toThrow(/\(the document\)/);
		expect(await count(t.db, 'import_jobs')).toBe(jobs);
		expect(await count(t.db, 'people')).toBe(people);
	});

	it('reports a membership of a person or organization the file does not have, and imports the rest', async () => {
		const target = await otherDatabase();
		const { context } = await adminIn(target);
		const document = {
			persons: [{ id: 'p1', name: 'Айгүл Осмонова', other_names: [{ name: 'Aigul Osmonova', lang: 'ky-Latn' }], birth_date: '1980-05-02', unknown_key: { nested: true } }],
			organizations: [{ id: 'o1', name: 'Бир Дуйно', classification: 'ngo' }],
			memberships: [
				{ person_id: 'p1', organization_id: 'o1', role: 'member', start_date: '2011' },
				{ person_id: 'p2', organization_id: 'o1' },
				{ person_id: 'p1', organization_id: 'o9' }
			]
		};
		const result = await runImport(target, context, document);
		expect(result.problems.map((p) => p.path)).toEqual(['memberships[1].person_id', 'memberships[2].organization_id']);
		expect(result.memberships).toEqual({ created: 1, updated: 0, skipped: 2 });
		const person = await target.selectFrom('people').select(['full_name', 'name_latin', 'birth_year', 'gender']).executeTakeFirstOrThrow();
		expect(person).toEqual({ full_name: 'Айгүл Осмонова', name_latin: 'Aigul Osmonova', birth_year: 1980, gender: 'unknown' });
		// A year alone is no day: the membership keeps no made-up start date.
		expect(await target.selectFrom('memberships').select(['role', 'start_date']).execute()).toEqual([{ role: 'member', start_date: null }]);
	});

	it('can be undone change by change: each audit entry of the job reverts, newest first', async () => {
		const target = await otherDatabase();
		const { context } = await adminIn(target);
		const document = {
			persons: [{ id: 'p1', name: 'Roza Aknazarova', identifiers: [{ scheme: 'wikidata', identifier: 'Q4372413' }] }],
			organizations: [{ id: 'party/sdpk', name: 'SDPK', classification: 'party', identifiers: [{ scheme: 'wikidata', identifier: 'Q24511' }] }],
			memberships: [{ person_id: 'p1', organization_id: 'party/sdpk', role: 'member', start_date: '2010-11-10' }]
		};
		const result = await runImport(target, context, document);
		expect(result).toMatchObject({ persons: { created: 1 }, organizations: { updated: 1 }, memberships: { created: 1 } });
		const entries = await target.selectFrom('audit_log').select('id').where('import_job_id', '=', result.jobId).orderBy('id', 'desc').execute();
		for (const entry of entries) await target.transaction().execute((trx) => revertChange(trx, context, entry.id));
		const sdpk = await target.selectFrom('organizations').select('identifiers').where('short_name', '=', 'SDPK').executeTakeFirstOrThrow();
		expect(sdpk.identifiers).toEqual([]);
		expect(await target.selectFrom('people').select('id').where('deleted_at', 'is', null).execute()).toEqual([]);
		expect(await target.selectFrom('memberships').select('id').where('deleted_at', 'is', null).execute()).toEqual([]);
	});
});
