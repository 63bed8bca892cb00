import type { ImportStatus } from '$lib/domain/enums';
import type { ImportField } from '$lib/server/import/fields';
import type { MatchCandidate } from '$lib/server/import/jobs';
import { m } from '$lib/paraglide/messages';

export const IMPORT_STATUS_LABELS: Record<string, () => string> = {
	uploaded: m.import_status_uploaded,
	mapped: m.import_status_mapped,
	previewed: m.import_status_previewed,
	running: m.import_status_running,
	committed: m.import_status_committed,
	failed: m.import_status_failed,
	undone: m.import_status_undone
} satisfies Record<ImportStatus, () => string>;

export const FIELD_LABELS: Record<ImportField, () => string> = {
	full_name: m.import_field_full_name,
	name_latin: m.import_field_name_latin,
	given_name: m.import_field_given_name,
	family_name: m.import_field_family_name,
	patronymic: m.import_field_patronymic,
	gender: m.import_field_gender,
	birth_year: m.import_field_birth_year,
	birth_date: m.import_field_birth_date,
	region: m.import_field_region,
	background: m.import_field_background,
	phone: m.import_field_phone,
	email: m.import_field_email,
	messenger: m.import_field_messenger,
	notes: m.import_field_notes,
	consent_stored_at: m.import_field_consent_stored_at,
	consent_public_name: m.import_field_consent_public_name,
	identifier: m.import_field_identifier,
	party: m.import_field_party,
	training: m.import_field_training,
	training_role: m.import_field_training_role,
	training_completed: m.import_field_training_completed,
	source: m.import_field_source
};

export const MATCH_REASON_LABELS: Record<MatchCandidate['reason'], () => string> = {
	identifier: m.import_reason_identifier,
	name_and_birth_year: m.import_reason_name_and_birth_year,
	name_and_phone: m.import_reason_name_and_phone,
	phone: m.import_reason_phone
};
