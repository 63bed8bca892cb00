import { m } from '$lib/paraglide/messages';
import type { Background, Gender } from '$lib/domain/enums';
import { BACKGROUND_LABELS, GENDER_LABELS, languageName, RELATIONSHIP_LABELS } from '../labels';
import type { FieldMap } from './index';

// Field names of people and their ties, for history views and conflict notices.
export const PEOPLE_FIELDS: FieldMap = {
	people: {
		full_name: { label: m.field_full_name },
		name_latin: { label: m.field_name_latin },
		given_name: { label: m.field_given_name },
		family_name: { label: m.field_family_name },
		patronymic: { label: m.field_patronymic },
		gender: { label: m.field_gender, format: (v) => GENDER_LABELS[v as Gender]?.() ?? String(v) },
		birth_year: { label: m.fact_born },
		region_id: { label: m.fact_region },
		background: { label: m.fact_background, format: (v) => BACKGROUND_LABELS[v as Background]?.() ?? String(v) },
		languages: { label: m.fact_languages, format: (v) => (v as string[]).map(languageName).join(', ') },
		phone: { label: m.fact_phone },
		email: { label: m.fact_email },
		messenger: { label: m.fact_messenger },
		notes: { label: m.fact_notes },
		consent_stored_at: { label: m.fact_consent_stored },
		consent_recorded_by: { label: m.field_consent_recorded_by },
		consent_public_name: { label: m.fact_public_name },
		search_key: { label: m.field_search_key },
		sort_key: { label: m.field_sort_key },
		merged_into_id: { label: m.field_merged_into }
	},
	relationships: {
		kind: { label: m.field_tie_kind, format: (v) => RELATIONSHIP_LABELS[v as keyof typeof RELATIONSHIP_LABELS]?.() ?? String(v) },
		person_id: { label: m.field_person },
		other_person_id: { label: m.field_other_person },
		start_date: { label: m.field_since },
		note: { label: m.fact_notes }
	}
};
