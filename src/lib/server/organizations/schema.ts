import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { ORGANIZATION_KINDS } from '../../domain/enums';
import { choice, idRef, optionalChoice, optionalDate, optionalIdRef, optionalText, sourceField, versionField } from '../fields';
import { TEXT_LANGUAGES } from '$lib/i18n/labels-trainings';
import { datesInOrder, optionalPlainText, optionalTitleText, titleText } from '../trainings/schema';

const emptyToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);
const endAfterStart = { path: ['end_date'], error: () => m.end_before_start() };

/** A web address: http or https only (no javascript: or data: links on the page). */
const websiteField = z
	.preprocess(
		emptyToNull,
		z
			.string()
			.trim()
			.max(300, { error: () => m.text_too_long({ max: 300 }) })
			.pipe(z.url({ protocol: /^https?$/, error: () => m.org_website_invalid() }))
			.nullable()
	)
	.default(null);

const organizationFields = z.object({
	name: titleText(200),
	short_name: optionalTitleText(50),
	kind: choice(ORGANIZATION_KINDS),
	region_id: optionalIdRef,
	website: websiteField,
	notes: optionalText(5000),
	source: sourceField
});

export const organizationSchema = organizationFields;
export const editOrganizationSchema = organizationFields.extend({ version: versionField });
export type OrganizationInput = z.output<typeof organizationSchema>;

/** Another name the organization was known by (e.g. "Citizens Against Corruption" for Bir Duino Kyrgyzstan). */
export const otherNameSchema = z
	.object({
		name: titleText(200),
		lang: optionalChoice(TEXT_LANGUAGES),
		start_date: optionalDate,
		end_date: optionalDate,
		note: optionalText(1000),
		source: sourceField
	})
	.refine(datesInOrder, endAfterStart);
export type OtherNameInput = z.output<typeof otherNameSchema>;

export const membershipSchema = z
	.object({
		person_id: idRef,
		role: optionalPlainText(100),
		start_date: optionalDate,
		end_date: optionalDate,
		source: sourceField
	})
	.refine(datesInOrder, endAfterStart);
export type MembershipInput = z.output<typeof membershipSchema>;

/** Ending (or reopening, with an empty date) a membership. */
export const membershipEndSchema = z.object({ id: idRef, version: versionField, end_date: optionalDate, source: sourceField });

export const organizationListSchema = z.object({
	kind: z.preprocess((v) => (v === '' ? undefined : v), z.enum(ORGANIZATION_KINDS, { error: () => m.invalid_choice() }).optional()),
	q: z.string().trim().max(100, { error: () => m.search_too_long() }).default(''),
	page: z.coerce.number().int().min(1).max(100_000).default(1)
});
export type OrganizationListQuery = z.output<typeof organizationListSchema>;
