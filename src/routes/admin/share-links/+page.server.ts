import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { getDb } from '$lib/server/db';
import { auditContext, authorize } from '$lib/server/auth/guard';
import { createShareLink, listShareLinks, revokeShareLink } from '$lib/server/auth/share-links';
import { validateForm } from '$lib/server/forms';
import { idField } from '$lib/server/users/schema';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

const createSchema = z.object({
	label: z
		.string({ error: () => m.share_label_required() })
		.trim()
		.min(1, { error: () => m.share_label_required() })
		.max(100, { error: () => m.max_chars({ max: 100 }) }),
	days: z.coerce
		.number({ error: () => m.days_required() })
		.int({ error: () => m.days_whole() })
		.min(1, { error: () => m.days_min() })
		.max(365, { error: () => m.days_max() })
});

export const load: PageServerLoad = async (event) => {
	await authorize(event, 'share_links:manage');
	return { links: await listShareLinks(getDb()), now: new Date() };
};

export const actions: Actions = {
	create: async (event) => {
		await authorize(event, 'share_links:manage');
		const parsed = validateForm(createSchema, await event.request.formData());
		if (!parsed.ok) return fail(400, { action: 'create', values: parsed.values, errors: parsed.errors });
		const expiresAt = new Date(Date.now() + parsed.data.days * 86_400_000);
		const link = await createShareLink(getDb(), auditContext(event), { label: parsed.data.label, expiresAt });
		return { action: 'create', created: { label: link.label, url: `${event.url.origin}/share/${link.token}`, expiresAt } };
	},

	revoke: async (event) => {
		await authorize(event, 'share_links:manage');
		const parsed = validateForm(z.object({ id: idField }), await event.request.formData());
		if (!parsed.ok) return fail(400, { action: 'revoke', errors: parsed.errors });
		const revoked = await revokeShareLink(getDb(), auditContext(event), parsed.data.id);
		if (!revoked) return fail(404, { action: 'revoke', errors: { id: m.share_revoke_missing() } });
		return { action: 'revoke', message: m.share_revoked_done() };
	}
};
