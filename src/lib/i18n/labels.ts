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
