import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { formatDate } from '$lib/i18n/format';
import { COUNCIL_KINDS, ELECTION_KINDS, ELECTION_LEVELS, ELECTORAL_SYSTEMS } from '../../domain/enums';
import { choice, idRef, optionalInt, optionalText, requiredText, sourceField, versionField } from '../fields';

// Input of elections, contests and their official totals. Names of elections and councils are
// titles: letters of any script, digits and plain punctuation; markup and SQL punctuation (< > ;) are
// refused outright rather than stored and escaped.

const emptyToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);
const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

const TITLE = /^[\p{L}\p{M}\p{N}\s'’".,:()«»№/\-–—]*$/u;

/** Rules across fields run once each field is valid on its own (no "more than -1" after a "-1"). */
const CROSS_FIELD = { when: (payload: { issues: readonly unknown[] }) => payload.issues.length === 0 };

export function titleText(max: number) {
	return requiredText(max).regex(TITLE, { error: () => m.election_name_invalid() });
}

export function optionalTitleText(max: number) {
	return z
		.preprocess(emptyToNull, z.string().trim().max(max, { error: () => m.text_too_long({ max }) }).regex(TITLE, { error: () => m.election_name_invalid() }).nullable())
		.default(null);
}

/** Kyrgyzstan's first elections as an independent state; nothing tracked here is older. */
export const EARLIEST_DATE = '1991-01-01';

/** The last day of the year after next: elections are called months ahead, not decades. */
export function latestElectionDate(now = new Date()): string {
	return `${now.getUTCFullYear() + 2}-12-31`;
}

export function today(now = new Date()): string {
	return now.toISOString().slice(0, 10);
}

/** A calendar date between `EARLIEST_DATE` and `latest()` (a function: "today" moves on). */
function dateBetween(latest: () => string) {
	// A malformed date already has its message; the range is checked on well-formed ones only.
	return z.iso.date({ error: () => m.invalid_date() }).refine((d) => !/^\d{4}-\d{2}-\d{2}$/.test(d) || (d >= EARLIEST_DATE && d <= latest()), {
		error: () => m.election_date_range({ from: formatDate(EARLIEST_DATE), to: formatDate(latest()) })
	});
}

export function requiredDateBetween(latest: () => string) {
	return z.preprocess(emptyToUndefined, dateBetween(latest));
}

export function optionalDateBetween(latest: () => string) {
	return z.preprocess(emptyToNull, dateBetween(latest).nullable()).default(null);
}

export const electionSchema = z
	.object({
		name_en: titleText(200),
		name_ru: titleText(200),
		name_ky: titleText(200),
		date: requiredDateBetween(latestElectionDate),
		called_on: optionalDateBetween(latestElectionDate),
		level: choice(ELECTION_LEVELS),
		kind: choice(ELECTION_KINDS),
		notes: optionalText(2000),
		source: sourceField
	})
	.superRefine((v, ctx) => {
		if (v.called_on && v.called_on > v.date) ctx.addIssue({ code: 'custom', path: ['called_on'], message: m.election_called_after_date() });
	}, CROSS_FIELD);
export type ElectionInput = z.output<typeof electionSchema>;

export const contestSchema = z
	.object({
		region_id: idRef,
		council_kind: choice(COUNCIL_KINDS),
		name_en: titleText(200),
		name_ru: titleText(200),
		name_ky: titleText(200),
		seats: optionalInt(1, 500),
		electoral_system: choice(ELECTORAL_SYSTEMS),
		district: optionalTitleText(50),
		source: sourceField
	})
	.superRefine((v, ctx) => {
		// City keneshes are elected by party list, aiyl keneshes in majoritarian districts (2012 law).
		const expected = v.council_kind === 'city_kenesh' ? 'party_list' : 'majoritarian';
		if (v.electoral_system !== expected) {
			ctx.addIssue({ code: 'custom', path: ['electoral_system'], message: v.council_kind === 'city_kenesh' ? m.contest_city_needs_list() : m.contest_aiyl_needs_districts() });
		}
		if (v.district !== null && v.electoral_system !== 'majoritarian') {
			ctx.addIssue({ code: 'custom', path: ['district'], message: m.contest_district_majoritarian_only() });
		}
	}, CROSS_FIELD);
export type ContestInput = z.output<typeof contestSchema>;

const count = optionalInt(0, 100_000);

/**
 * The official totals of a contest; `seats` is the contest's, when known. Its source field is named
 * totals_source: the contest page has several forms, and each field id must be unique on the page.
 */
export function totalsSchema(seats: number | null) {
	return z
		.object({
			version: z.preprocess(emptyToNull, versionField.nullable()).default(null),
			candidates: count,
			women_candidates: count,
			women_elected: count,
			women_seats_before: count,
			totals_source: sourceField
		})
		.superRefine((v, ctx) => {
			const issue = (field: string, message: string) => ctx.addIssue({ code: 'custom', path: [field], message });
			// New totals need at least one figure; an empty form would store an empty row.
			if (v.version === null && [v.candidates, v.women_candidates, v.women_elected, v.women_seats_before].every((n) => n === null)) issue('candidates', m.required_field());
			if (v.women_candidates !== null && v.candidates !== null && v.women_candidates > v.candidates) issue('women_candidates', m.totals_women_over_all());
			if (v.women_elected !== null && v.women_candidates !== null && v.women_elected > v.women_candidates) issue('women_elected', m.totals_elected_over_candidates());
			else if (v.women_elected !== null && seats !== null && v.women_elected > seats) issue('women_elected', m.totals_over_seats({ seats }));
			if (v.women_seats_before !== null && seats !== null && v.women_seats_before > seats) issue('women_seats_before', m.totals_over_seats({ seats }));
		}, CROSS_FIELD)
		.transform(({ totals_source, ...totals }) => ({ ...totals, source: totals_source }));
}
export type TotalsInput = z.output<ReturnType<typeof totalsSchema>>;
