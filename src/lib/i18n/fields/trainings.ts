import { m } from '$lib/paraglide/messages';
import { formatDate } from '../format';
import { languageName } from '../labels';
import { EVENT_KIND_LABELS, labelOf, ORGANIZATION_KIND_LABELS, PARTICIPANT_ROLE_LABELS, TRAINING_KIND_LABELS } from '../labels-trainings';
import type { FieldMap } from './index';

const date = (v: unknown) => formatDate(String(v));
const language = (v: unknown) => languageName(String(v));

// Field names of trainings, attendance, events, organizations and memberships, for history views.
export const TRAINING_FIELDS: FieldMap = {
	trainings: {
		title: { label: m.training_field_title },
		kind: { label: m.training_field_kind, format: (v) => labelOf(TRAINING_KIND_LABELS, v) },
		start_date: { label: m.training_field_start_date, format: date },
		end_date: { label: m.training_field_end_date, format: date },
		region_id: { label: m.training_field_region },
		location: { label: m.training_field_location },
		organizer_id: { label: m.training_field_organizer },
		curriculum: { label: m.training_field_curriculum },
		language: { label: m.training_field_language, format: language },
		parent_training_id: { label: m.training_field_parent },
		notes: { label: m.training_field_notes },
		source: { label: m.training_field_source }
	},
	training_events: {
		training_id: { label: m.event_field_training },
		kind: { label: m.event_field_kind, format: (v) => labelOf(EVENT_KIND_LABELS, v) },
		date: { label: m.event_field_date, format: date },
		title: { label: m.event_field_title },
		description: { label: m.event_field_description }
	},
	training_participants: {
		training_id: { label: m.event_field_training },
		person_id: { label: m.attendance_field_person },
		role: { label: m.attendance_field_role, format: (v) => labelOf(PARTICIPANT_ROLE_LABELS, v) },
		completed: { label: m.attendance_field_completed }
	},
	organizations: {
		name: { label: m.org_field_name },
		short_name: { label: m.org_field_short_name },
		kind: { label: m.org_field_kind, format: (v) => labelOf(ORGANIZATION_KIND_LABELS, v) },
		region_id: { label: m.training_field_region },
		website: { label: m.org_field_website },
		notes: { label: m.training_field_notes }
	},
	organization_names: {
		organization_id: { label: m.membership_field_organization },
		name: { label: m.org_field_other_name },
		lang: { label: m.org_field_name_language, format: language },
		start_date: { label: m.org_field_used_from, format: date },
		end_date: { label: m.org_field_used_until, format: date },
		note: { label: m.training_field_notes }
	},
	memberships: {
		person_id: { label: m.attendance_field_person },
		organization_id: { label: m.membership_field_organization },
		role: { label: m.membership_field_role },
		start_date: { label: m.membership_field_start_date, format: date },
		end_date: { label: m.membership_field_end_date, format: date },
		source: { label: m.training_field_source }
	}
};
