import { sql } from 'kysely';
import type { Locale } from '../../domain/enums';
import type { Db } from '../db';
import { byName, localizedName } from '../db/localized';
import { describeRecord } from '../records/describe';
import { isEditableTable } from '../records/changes';
import { recordPlace } from '../records/scope';

const inScope = (scope: number[] | null) => (scope ? (scope.length ? scope : [-1]) : null);

/**
 * What needs an organizer's attention (issue 5 §9), narrowed to her regions when she is limited:
 * results still unknown after the election, people without recorded consent, trainings without
 * attendance, and the latest changes made by other people.
 */
export async function needsAttention(db: Db, userId: number | null, regionScope: number[] | null, locale: Locale, today = new Date().toISOString().slice(0, 10)) {
	const scope = inScope(regionScope);
	let pending = db
		.selectFrom('candidacies as c')
		.innerJoin('people as p', 'p.id', 'c.person_id')
		.innerJoin('contests as ct', 'ct.id', 'c.contest_id')
		.innerJoin('elections as e', 'e.id', 'ct.election_id')
		.where('c.deleted_at', 'is', null)
		.where('p.deleted_at', 'is', null)
		.where('c.status', '=', 'on_ballot')
		.where('c.elected', 'is', null)
		.where('e.date', '<', today);
	if (scope) pending = pending.where('p.region_id', 'in', scope);

	let noConsent = db.selectFrom('people as p').where('p.deleted_at', 'is', null).where('p.consent_stored_at', 'is', null);
	if (scope) noConsent = noConsent.where('p.region_id', 'in', scope);

	let emptyTrainings = db
		.selectFrom('trainings as t')
		.where('t.deleted_at', 'is', null)
		.where((eb) => eb.not(eb.exists(eb.selectFrom('training_participants as tp').select('tp.id').whereRef('tp.training_id', '=', 't.id').where('tp.deleted_at', 'is', null))));
	if (scope) emptyTrainings = emptyTrainings.where('t.region_id', 'in', scope);

	const [pendingRows, pendingCount, noConsentRows, noConsentCount, trainings, changes] = await Promise.all([
		pending
			.select(['c.id', 'p.id as person_id', 'p.full_name', 'ct.id as contest_id', 'e.id as election_id', 'ct.district', 'e.date', localizedName('ct', locale).as('contest')])
			.orderBy('e.date')
			.orderBy(byName('p'))
			.limit(10)
			.execute(),
		pending.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
		noConsent.select(['p.id', 'p.full_name']).orderBy(byName('p')).limit(10).execute(),
		noConsent.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
		emptyTrainings.select(['t.id', 't.title', 't.start_date']).orderBy('t.start_date', 'desc').limit(10).execute(),
		db
			.selectFrom('audit_log as a')
			.leftJoin('users as u', 'u.id', 'a.user_id')
			.select(['a.id', 'a.at', 'a.action', 'a.entity', 'a.entity_id', 'u.display_name'])
			.where('a.entity', 'is not', null)
			.where('a.action', 'in', ['create', 'update', 'delete', 'restore', 'revert', 'merge'])
			.where(sql<boolean>`a.user_id is distinct from ${userId}`)
			.orderBy('a.id', 'desc')
			.limit(scope ? 60 : 10)
			.execute()
	]);

	const recentChanges = [];
	for (const change of changes) {
		if (recentChanges.length === 10) break;
		if (!change.entity || change.entity_id === null || !isEditableTable(change.entity)) continue;
		if (scope) {
			const place = await recordPlace(db, change.entity, change.entity_id);
			if (!place || place.global || place.regionId === null || !scope.includes(place.regionId)) continue;
		}
		const label = await describeRecord(db, change.entity, change.entity_id, locale);
		recentChanges.push({ id: change.id, at: change.at, action: change.action, entity: change.entity, userName: change.display_name, title: label?.title ?? null, href: label?.href ?? null });
	}

	return {
		pendingResults: { rows: pendingRows, total: Number(pendingCount.n) },
		noConsent: { rows: noConsentRows, total: Number(noConsentCount.n) },
		trainingsWithoutAttendance: trainings,
		recentChanges
	};
}
