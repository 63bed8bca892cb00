import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db';
import type { AuditContext } from '../../src/lib/server/audit/log';
import { ConflictError, restoreRecord, revertChange } from '../../src/lib/server/records/changes';
import { recordHistory } from '../../src/lib/server/records/history';
import {
	addMembership,
	addOtherName,
	createOrganization,
	deleteOrganization,
	removeMembership,
	removeOtherName,
	setMembershipEnd,
	updateOrganization
} from '../../src/lib/server/organizations/actions';
import { getOrganization, listOrganizations, membershipsOfPerson, organizationMembers } from '../../src/lib/server/organizations/queries';
import { membershipSchema, organizationListSchema, organizationSchema, otherNameSchema, type OrganizationInput } from '../../src/lib/server/organizations/schema';
import { createTraining } from '../../src/lib/server/trainings/actions';
import { describeEachDatabase } from '../helpers/databases';

function organization(overrides: Partial<OrganizationInput> = {}): OrganizationInput {
	return { name: 'Ак-Кеңеш аялдар борбору', short_name: null, kind: 'ngo', region_id: null, website: null, notes: null, source: 'Registration certificate', ...overrides };
}

async function auditOf(db: Db, entity: string, id: number) {
	return db.selectFrom('audit_log').select(['action', 'before', 'after', 'source', 'details']).where('entity', '=', entity).where('entity_id', '=', id).orderBy('id').execute();
}

describeEachDatabase('organizations: other names over time and members', (t) => {
	let context: AuditContext;
	let naryn: number;
	let bishkek: number;
	let gulnara: number;
	let elmira: number;
	let orgId: number;
	const change = <T>(fn: (trx: Db) => Promise<T>) => t.db.transaction().execute(fn);

	beforeAll(async () => {
		const user = await t.db.insertInto('users').values({ email: 'admin@example.org', display_name: 'Админ', role: 'admin' }).returning('id').executeTakeFirstOrThrow();
		context = { actor: { userId: user.id, shareLinkId: null }, ip: null };
		naryn = (await t.db.selectFrom('regions').select('id').where('code', '=', 'KG-N').executeTakeFirstOrThrow()).id;
		bishkek = (await t.db.selectFrom('regions').select('id').where('code', '=', 'KG-GB').executeTakeFirstOrThrow()).id;
		const person = (fullName: string, latin: string, region: number) =>
			t.db
				.insertInto('people')
				.values({ full_name: fullName, name_latin: latin, search_key: latin.toLowerCase(), sort_key: latin.toLowerCase(), region_id: region })
				.returning('id')
				.executeTakeFirstOrThrow()
				.then((r) => r.id);
		gulnara = await person('Гүлнара Асанова', 'Gülnara Asanova', naryn);
		elmira = await person('Эльмира Бекова', 'Elmira Bekova', bishkek);
	});

	it('creates, edits and refuses a stale edit without writing anything', async () => {
		const row = await change((trx) => createOrganization(trx, context, organization({ region_id: naryn })));
		orgId = row.id as number;
		expect((await auditOf(t.db, 'organizations', orgId))[0]).toMatchObject({ action: 'create', source: 'Registration certificate', after: { name: 'Ак-Кеңеш аялдар борбору', kind: 'ngo' } });
		// The form's source is the change's source, not a column of organizations.
		expect(row).not.toHaveProperty('source');

		await change((trx) => updateOrganization(trx, context, orgId, 1, organization({ region_id: naryn, short_name: 'Ак-Кеңеш', source: 'Website' })));
		expect((await auditOf(t.db, 'organizations', orgId)).at(-1)).toMatchObject({ action: 'update', source: 'Website', before: { short_name: null, version: 1 }, after: { short_name: 'Ак-Кеңеш', version: 2 } });

		const stale = change((trx) => updateOrganization(trx, context, orgId, 1, organization({ region_id: naryn, name: 'Другое' })));
		await expect(stale).rejects.toBeInstanceOf(ConflictError);
		const stored = await t.db.selectFrom('organizations').select(['name', 'version']).where('id', '=', orgId).executeTakeFirstOrThrow();
		expect(stored).toEqual({ name: 'Ак-Кеңеш аялдар борбору', version: 2 });
		expect((await auditOf(t.db, 'organizations', orgId)).length).toBe(2);
	});

	it('accepts only http(s) websites and plain names', () => {
		expect(organizationSchema.safeParse({ ...organization(), website: 'javascript:alert(1)' }).error?.issues[0].path).toEqual(['website']);
		expect(organizationSchema.safeParse({ ...organization(), website: 'https://birduino.kg' }).success).toBe(true);
		expect(organizationSchema.safeParse({ ...organization(), name: '<script>alert(1)</script>' }).error?.issues[0].path).toEqual(['name']);
		expect(organizationSchema.safeParse({ ...organization(), name: "x'); DROP TABLE people;--" }).error?.issues[0].path).toEqual(['name']);
	});

	it('finds an organization by any of its names, in any script: Bir Duino by its earlier name', async () => {
		const found = await listOrganizations(t.db, organizationListSchema.parse({ q: 'citizens against corruption' }), 'en');
		expect(found.rows.map((r) => r.name)).toEqual(['Bir Duino Kyrgyzstan']);
		const bishkekOrg = await listOrganizations(t.db, organizationListSchema.parse({ q: 'Ak-Kenesh' }), 'en');
		expect(bishkekOrg.rows.map((r) => r.id)).toEqual([orgId]);
		const parties = await listOrganizations(t.db, organizationListSchema.parse({ kind: 'party' }), 'en');
		expect(parties.rows.length).toBeGreaterThan(0);
		expect(parties.rows.every((r) => r.kind === 'party')).toBe(true);
	});

	it('records other names with their dates, and removes one', async () => {
		const bad = otherNameSchema.safeParse({ name: 'Эски аты', start_date: '2010-01-01', end_date: '2009-01-01' });
		expect(bad.error?.issues.map((i) => i.path.join('.'))).toEqual(['end_date']);
		const first = await change((trx) => addOtherName(trx, context, orgId, { name: 'Ак-Кеңеш коомдук бирикмеси', lang: 'ky', start_date: '2005-01-01', end_date: '2011-12-31', note: null, source: 'Ministry of Justice register' }));
		const second = await change((trx) => addOtherName(trx, context, orgId, { name: 'Женский центр', lang: 'ru', start_date: null, end_date: null, note: null, source: null }));
		expect((await getOrganization(t.db, orgId, 'en'))?.names.map((n) => n.name)).toEqual(['Женский центр', 'Ак-Кеңеш коомдук бирикмеси']);
		await change((trx) => removeOtherName(trx, context, orgId, { id: second.id as number, version: 1, source: 'Typo' }));
		expect((await getOrganization(t.db, orgId, 'en'))?.names.map((n) => n.name)).toEqual(['Ак-Кеңеш коомдук бирикмеси']);
		expect((await auditOf(t.db, 'organization_names', first.id as number))[0]).toMatchObject({ action: 'create', source: 'Ministry of Justice register', details: { organization_id: orgId } });
		expect((await auditOf(t.db, 'organization_names', second.id as number)).map((e) => [e.action, e.source])).toEqual([['create', null], ['delete', 'Typo']]);
	});

	describe('members', () => {
		let membership: number;

		it('adds a member with role, dates and source, which shows in her history and on her page', async () => {
			expect(membershipSchema.safeParse({ person_id: String(gulnara), start_date: '2012-05-01', end_date: '2011-01-01' }).error?.issues[0].path).toEqual(['end_date']);
			const row = await change((trx) => addMembership(trx, context, orgId, { person_id: gulnara, role: 'координатор', start_date: '2010-03-01', end_date: null, source: 'Annual report 2011' }));
			membership = row.id as number;
			expect(row).toMatchObject({ source: 'Annual report 2011', role: 'координатор' });
			await change((trx) => addMembership(trx, context, orgId, { person_id: elmira, role: null, start_date: null, end_date: null, source: null }));
			expect((await auditOf(t.db, 'memberships', membership))[0]).toMatchObject({ action: 'create', source: 'Annual report 2011', details: { person_id: gulnara, organization_id: orgId } });
			expect((await recordHistory(t.db, 'people', gulnara)).map((e) => e.entity)).toContain('memberships');
			expect((await membershipsOfPerson(t.db, gulnara)).map((r) => [r.organization, r.role, r.start_date, r.end_date])).toEqual([
				['Ак-Кеңеш аялдар борбору', 'координатор', '2010-03-01', null]
			]);
			const list = await listOrganizations(t.db, organizationListSchema.parse({ q: 'Ak-Kenesh' }), 'en');
			expect(list.rows[0].members).toBe(2);
		});

		it('shows a region-limited organizer only the members from her regions', async () => {
			const narynScope = (await t.db.selectFrom('regions').select('id').where((eb) => eb.or([eb('id', '=', naryn), eb('parent_id', '=', naryn)])).execute()).map((r) => r.id);
			expect((await organizationMembers(t.db, orgId, null)).map((r) => r.person_id).sort()).toEqual([gulnara, elmira].sort());
			expect((await organizationMembers(t.db, orgId, narynScope)).map((r) => r.person_id)).toEqual([gulnara]);
		});

		it('ends a membership (never before its start) and removes one', async () => {
			await expect(change((trx) => setMembershipEnd(trx, context, orgId, { id: membership, version: 1, end_date: '2009-12-31', source: null }))).rejects.toMatchObject({ field: 'end_date' });
			await change((trx) => setMembershipEnd(trx, context, orgId, { id: membership, version: 1, end_date: '2013-06-30', source: 'Her letter' }));
			expect((await auditOf(t.db, 'memberships', membership)).at(-1)).toMatchObject({ action: 'update', source: 'Her letter', before: { end_date: null }, after: { end_date: '2013-06-30' }, details: { person_id: gulnara } });
			await change((trx) => removeMembership(trx, context, orgId, { id: membership, version: 2, source: null }));
			expect(await membershipsOfPerson(t.db, gulnara)).toEqual([]);
			expect((await auditOf(t.db, 'memberships', membership)).at(-1)).toMatchObject({ action: 'delete', details: { person_id: gulnara } });
		});
	});

	it('refuses to delete an organization still named as a training’s organizer', async () => {
		const training = await change((trx) =>
			createTraining(trx, context, {
				title: 'Каскаддык тренинг',
				kind: 'step_down',
				start_date: '2012-06-01',
				end_date: '2012-06-02',
				region_id: naryn,
				location: null,
				organizer_id: orgId,
				curriculum: null,
				language: 'ky',
				parent_training_id: null,
				notes: null,
				source: null
			})
		);
		await expect(change((trx) => deleteOrganization(trx, context, orgId, 2))).rejects.toMatchObject({ field: '_form' });
		await t.db.updateTable('trainings').set({ organizer_id: null }).where('id', '=', training.id as number).execute();
	});

	it('deletes softly, restores, and reverts an edit', async () => {
		await change((trx) => deleteOrganization(trx, context, orgId, 2, 'Closed in 2014'));
		expect(await getOrganization(t.db, orgId, 'en')).toBeUndefined();
		expect((await listOrganizations(t.db, organizationListSchema.parse({ q: 'Ak-Kenesh' }), 'en')).total).toBe(0);
		expect((await auditOf(t.db, 'organizations', orgId)).at(-1)).toMatchObject({ action: 'delete', source: 'Closed in 2014' });

		await change((trx) => restoreRecord(trx, context, 'organizations', orgId));
		expect((await getOrganization(t.db, orgId, 'ru'))?.organization.region).toBe('Нарынская область');

		const edit = await t.db.selectFrom('audit_log').select('id').where('entity', '=', 'organizations').where('entity_id', '=', orgId).where('action', '=', 'update').executeTakeFirstOrThrow();
		await change((trx) => revertChange(trx, context, edit.id));
		expect((await t.db.selectFrom('organizations').select('short_name').where('id', '=', orgId).executeTakeFirstOrThrow()).short_name).toBeNull();
	});
});
