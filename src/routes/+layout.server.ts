import { getDb } from '$lib/server/db';
import { can } from '$lib/server/auth/permissions';
import { hasDemo } from '$lib/server/demo/load';
import type { LayoutServerLoad } from './$types';

// Public: the sign-in page uses it too. It gives only what the navigation needs about the actor.
export const load: LayoutServerLoad = async ({ locals, url }) => {
	const actor = locals.actor;
	return {
		demo: await hasDemo(getDb()),
		locale: locals.locale,
		actor: actor ? { kind: actor.kind, displayName: actor.displayName, role: actor.role } : null,
		may: {
			overview: can(actor, 'overview:read'),
			records: can(actor, 'records:read'),
			restore: can(actor, 'records:restore'),
			network: can(actor, 'network:read'),
			quality: can(actor, 'quality:read'),
			impact: can(actor, 'impact:read'),
			import: can(actor, 'import:run') && !actor?.regionScope,
			export: can(actor, 'export:run'),
			users: can(actor, 'users:manage'),
			shareLinks: can(actor, 'share_links:manage'),
			audit: can(actor, 'audit:read'),
			account: can(actor, 'account:manage')
		},
		// Where the language switcher returns to (a path on this site).
		here: url.pathname + url.search
	};
};
