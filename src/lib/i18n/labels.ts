import { m } from '$lib/paraglide/messages';
import type { Background, CandidacyStatus, Gender, RelationshipKind, Role } from '$lib/domain/enums';

// Labels for the data model's codes, one place each. Every message is referenced by name here (no
// computed keys), so the catalogue test can see which messages the code uses.

export const ROLE_LABELS: Record<Role, () => string> = {
	admin: m.role_admin,
	organizer: m.role_organizer,
	viewer: m.role_viewer,
	funder: m.role_funder
};

export const ROLE_DESCRIPTIONS: Record<Role, () => string> = {
	admin: m.role_admin_description,
	organizer: m.role_organizer_description,
	viewer: m.role_viewer_description,
	funder: m.role_funder_description
};

export const BACKGROUND_LABELS: Record<Background, () => string> = {
	youth_activist: m.background_youth_activist,
	ngo: m.background_ngo,
	government: m.background_government,
	media: m.background_media,
	expert: m.background_expert,
	university: m.background_university,
	party: m.background_party,
	other: m.background_other
};

export const STATUS_LABELS: Record<CandidacyStatus, () => string> = {
	intending: m.status_intending,
	nominated: m.status_nominated,
	registered: m.status_registered,
	on_ballot: m.status_on_ballot,
	withdrawn: m.status_withdrawn,
	rejected: m.status_rejected
};

export const GENDER_LABELS: Record<Gender, () => string> = {
	female: m.gender_female,
	male: m.gender_male,
	other: m.gender_other,
	unknown: m.gender_unknown
};

export const RELATIONSHIP_LABELS: Record<RelationshipKind, () => string> = {
	mentor: m.tie_mentor,
	colleague: m.tie_colleague,
	collaborator: m.tie_collaborator,
	campaign_team: m.tie_campaign_team,
	media_contact: m.tie_media_contact
};

const LANGUAGE_NAMES: Record<string, () => string> = {
	ky: m.language_name_ky,
	ru: m.language_name_ru,
	en: m.language_name_en,
	uz: m.language_name_uz
};

/** A spoken language's name (people's languages), or its code when we have no name for it. */
export function languageName(code: string): string {
	return LANGUAGE_NAMES[code]?.() ?? code;
}

const AUDIT_ACTIONS: Record<string, () => string> = {
	sign_in: m.audit_action_sign_in,
	sign_in_failed: m.audit_action_sign_in_failed,
	sign_in_throttled: m.audit_action_sign_in_throttled,
	sign_out: m.audit_action_sign_out,
	session_ended: m.audit_action_session_ended,
	user_created: m.audit_action_user_created,
	user_invited: m.audit_action_user_invited,
	user_updated: m.audit_action_user_updated,
	user_disabled: m.audit_action_user_disabled,
	user_enabled: m.audit_action_user_enabled,
	password_set: m.audit_action_password_set,
	password_changed: m.audit_action_password_changed,
	share_link_created: m.audit_action_share_link_created,
	share_link_used: m.audit_action_share_link_used,
	share_link_revoked: m.audit_action_share_link_revoked,
	permission_denied: m.audit_action_permission_denied,
	create: m.audit_action_create,
	update: m.audit_action_update,
	delete: m.audit_action_delete,
	restore: m.audit_action_restore,
	revert: m.audit_action_revert,
	merge: m.audit_action_merge,
	export: m.audit_action_export
};

export function auditActionLabel(action: string): string {
	return AUDIT_ACTIONS[action]?.() ?? action;
}

const ENTITIES: Record<string, () => string> = {
	users: m.entity_users,
	share_links: m.entity_share_links,
	people: m.entity_people,
	organizations: m.entity_organizations,
	organization_names: m.entity_organization_names,
	memberships: m.entity_memberships,
	trainings: m.entity_trainings,
	training_events: m.entity_training_events,
	training_participants: m.entity_training_participants,
	relationships: m.entity_relationships,
	elections: m.entity_elections,
	contests: m.entity_contests,
	contest_totals: m.entity_contest_totals,
	party_results: m.entity_party_results,
	party_list_entries: m.entity_party_list_entries,
	candidacies: m.entity_candidacies,
	campaign_activities: m.entity_campaign_activities,
	network: m.entity_network
};

export function entityLabel(entity: string): string {
	return ENTITIES[entity]?.() ?? entity;
}
