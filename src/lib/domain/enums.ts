// The enumerations of the data model, shared by server and browser. The migrations hold their own
// frozen copies as CHECK constraints; tests/db/schema.test.ts checks that the two agree.

export const REGION_LEVELS = ['country', 'oblast', 'city', 'raion'] as const;
export const BACKGROUNDS = ['youth_activist', 'ngo', 'government', 'media', 'expert', 'university', 'party', 'other'] as const;
export const GENDERS = ['female', 'male', 'other', 'unknown'] as const;
export const ORGANIZATION_KINDS = ['party', 'ngo', 'university', 'media', 'government', 'donor', 'international', 'other'] as const;
export const TRAINING_KINDS = ['tot', 'step_down', 'workshop'] as const;
export const TRAINING_EVENT_KINDS = ['session', 'visit', 'press_conference', 'meeting', 'other'] as const;
export const PARTICIPANT_ROLES = ['facilitator', 'participant'] as const;
export const RELATIONSHIP_KINDS = ['mentor', 'colleague', 'collaborator', 'campaign_team', 'media_contact'] as const;
export const ELECTION_LEVELS = ['local', 'national'] as const;
export const ELECTION_KINDS = ['regular', 'early', 'by_election', 'other'] as const;
export const COUNCIL_KINDS = ['city_kenesh', 'aiyl_kenesh'] as const;
export const ELECTORAL_SYSTEMS = ['party_list', 'majoritarian'] as const;
/** intending → nominated → registered → on_ballot, or out of the race: withdrawn | rejected. */
export const CANDIDACY_STATUSES = ['intending', 'nominated', 'registered', 'on_ballot', 'withdrawn', 'rejected'] as const;
export const EXIT_STAGES = ['intending', 'nominated', 'registered', 'on_ballot'] as const;
export const ACTIVITY_KINDS = ['meeting', 'media', 'social_media', 'door_to_door', 'debate', 'other'] as const;
export const ROLES = ['admin', 'organizer', 'viewer', 'funder'] as const;
export const LOCALES = ['en', 'ru', 'ky'] as const;
export const IMPORT_STATUSES = ['uploaded', 'mapped', 'previewed', 'running', 'committed', 'failed', 'undone'] as const;
export const USER_TOKEN_KINDS = ['invitation', 'password_reset'] as const;

export type RegionLevel = (typeof REGION_LEVELS)[number];
export type Background = (typeof BACKGROUNDS)[number];
export type Gender = (typeof GENDERS)[number];
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];
export type TrainingKind = (typeof TRAINING_KINDS)[number];
export type TrainingEventKind = (typeof TRAINING_EVENT_KINDS)[number];
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];
export type RelationshipKind = (typeof RELATIONSHIP_KINDS)[number];
export type ElectionLevel = (typeof ELECTION_LEVELS)[number];
export type ElectionKind = (typeof ELECTION_KINDS)[number];
export type CouncilKind = (typeof COUNCIL_KINDS)[number];
export type ElectoralSystem = (typeof ELECTORAL_SYSTEMS)[number];
export type CandidacyStatus = (typeof CANDIDACY_STATUSES)[number];
export type ExitStage = (typeof EXIT_STAGES)[number];
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
export type Role = (typeof ROLES)[number];
export type Locale = (typeof LOCALES)[number];
export type ImportStatus = (typeof IMPORT_STATUSES)[number];
export type UserTokenKind = (typeof USER_TOKEN_KINDS)[number];
