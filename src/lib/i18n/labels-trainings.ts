import { m } from '$lib/paraglide/messages';
import type { OrganizationKind, ParticipantRole, TrainingEventKind, TrainingKind } from '$lib/domain/enums';
import { languageName } from './labels';

// Labels of the codes of trainings, attendance, training events and organizations. Every message is
// referenced by name (no computed keys), so the catalogue test can see which messages the code uses.

export const TRAINING_KIND_LABELS: Record<TrainingKind, () => string> = {
	tot: m.training_kind_tot,
	step_down: m.training_kind_step_down,
	workshop: m.training_kind_workshop
};

export const PARTICIPANT_ROLE_LABELS: Record<ParticipantRole, () => string> = {
	facilitator: m.attendance_role_facilitator,
	participant: m.attendance_role_participant
};

export const EVENT_KIND_LABELS: Record<TrainingEventKind, () => string> = {
	session: m.event_kind_session,
	visit: m.event_kind_visit,
	press_conference: m.event_kind_press_conference,
	meeting: m.event_kind_meeting,
	other: m.event_kind_other
};

export const ORGANIZATION_KIND_LABELS: Record<OrganizationKind, () => string> = {
	party: m.org_kind_party,
	ngo: m.org_kind_ngo,
	university: m.org_kind_university,
	media: m.org_kind_media,
	government: m.org_kind_government,
	donor: m.org_kind_donor,
	international: m.org_kind_international,
	other: m.org_kind_other
};

/** A code's label, or the code itself for a value the interface does not know. */
export function labelOf<K extends string>(labels: Record<K, () => string>, code: unknown): string {
	return labels[code as K]?.() ?? String(code);
}

/** { value, label } options for a select, in the order of the map. */
export function choicesOf<K extends string>(labels: Record<K, () => string>): Array<{ value: K; label: string }> {
	return (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value]() }));
}

/** Languages a training is held in, or an organization's other name is written in. */
export const TEXT_LANGUAGES = ['ky', 'ru', 'en', 'uz'] as const;

export function languageChoices(): Array<{ value: string; label: string }> {
	return TEXT_LANGUAGES.map((code) => ({ value: code, label: languageName(code) }));
}
