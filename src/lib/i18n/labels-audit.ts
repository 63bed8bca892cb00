import { m } from '$lib/paraglide/messages';

// Names of the audit log's actions and of the records it names, for the history views, the audit log
// and the home page's recent changes. Apart from labels.ts so that pages that only name codes (a
// background, a status) do not ship these as well.

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
