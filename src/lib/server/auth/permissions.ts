import type { Locale, Role } from '../../domain/enums';

/**
 * The one role → permission table (DESIGN.md §5). Every load, action and endpoint asks `can`.
 * A share link acts as a funder who cannot manage an account.
 */
export const PERMISSIONS = {
	'overview:read': ['admin', 'organizer', 'viewer'],
	'records:read': ['admin', 'organizer', 'viewer'],
	'people:contacts': ['admin', 'organizer', 'viewer'],
	'records:write': ['admin', 'organizer'],
	'records:revert': ['admin', 'organizer'],
	'records:restore': ['admin', 'organizer'],
	'network:read': ['admin', 'organizer', 'viewer'],
	'impact:read': ['admin', 'organizer', 'viewer', 'funder'],
	'import:run': ['admin', 'organizer'],
	'export:run': ['admin', 'organizer'],
	'audit:read': ['admin'],
	'quality:read': ['admin'],
	'users:manage': ['admin'],
	'share_links:manage': ['admin'],
	'account:manage': ['admin', 'organizer', 'viewer', 'funder']
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/** Permissions on records that belong to a region: an organizer limited to regions has them only there. */
const REGION_SCOPED: ReadonlySet<Permission> = new Set(['records:read', 'people:contacts', 'records:write', 'records:revert', 'records:restore']);

export interface Actor {
	kind: 'user' | 'share';
	userId: number | null;
	shareLinkId: number | null;
	role: Role;
	displayName: string;
	email: string | null;
	/** Region ids (raions included) an organizer is limited to; null = everywhere. */
	regionScope: number[] | null;
	sessionId: string | null;
	/** The interface language remembered on the account (null: none chosen, or a share link). */
	locale: Locale | null;
}

export interface RecordScope {
	/** The record's region; null when it has none (then only unlimited users may touch it). */
	regionId: number | null;
}

export function can(actor: Actor | null | undefined, permission: Permission, record?: RecordScope): boolean {
	if (!actor) return false;
	if (actor.kind === 'share' && permission !== 'impact:read') return false;
	if (!(PERMISSIONS[permission] as readonly Role[]).includes(actor.role)) return false;
	if (record && actor.regionScope && REGION_SCOPED.has(permission)) {
		return record.regionId !== null && actor.regionScope.includes(record.regionId);
	}
	return true;
}

/** Whether list queries must be narrowed to the actor's regions for this permission. */
export function regionFilter(actor: Actor, permission: Permission): number[] | null {
	return REGION_SCOPED.has(permission) ? actor.regionScope : null;
}
