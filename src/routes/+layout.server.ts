import { getDb } from '$lib/server/db';
import { can, type Permission } from '$lib/server/auth/permissions';
import { hasDemo } from '$lib/server/demo/load';
import type { LayoutServerLoad } from './$types';

const NAVIGATION: Array<{ href: string; label: string; permission: Permission }> = [
	{ href: '/', label: 'Overview', permission: 'overview:read' },
	{ href: '/people', label: 'People', permission: 'people:read' },
	{ href: '/impact', label: 'Impact', permission: 'impact:read' },
	{ href: '/admin/users', label: 'Users', permission: 'users:manage' },
	{ href: '/admin/share-links', label: 'Share links', permission: 'share_links:manage' },
	{ href: '/admin/audit', label: 'Audit log', permission: 'audit:read' }
];

// Public: the sign-in page uses it too. It gives only what the navigation needs about the actor.
export const load: LayoutServerLoad = async ({ locals }) => {
	const actor = locals.actor;
	return {
		demo: await hasDemo(getDb()),
		actor: actor ? { kind: actor.kind, displayName: actor.displayName, role: actor.role } : null,
		navigation: NAVIGATION.filter((item) => can(actor, item.permission)).map(({ href, label }) => ({ href, label })),
		canManageAccount: can(actor, 'account:manage')
	};
};
