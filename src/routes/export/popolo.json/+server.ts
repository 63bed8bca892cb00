import { getDb } from '$lib/server/db';
import { audit } from '$lib/server/audit/log';
import { auditContext, authorize } from '$lib/server/auth/guard';
import { exportPopolo } from '$lib/server/popolo/export';
import type { RequestHandler } from './$types';

// The people the actor may read, organizations, memberships, contests, candidacies and elections as
// one Popolo document (see $lib/server/popolo/export.ts for what goes where).
export const GET: RequestHandler = async (event) => {
	const actor = await authorize(event, 'export:run');
	const db = getDb();
	const document = await exportPopolo(db, actor);
	const counts = Object.fromEntries(Object.entries(document).map(([key, rows]) => [key, rows.length]));
	await audit(db, auditContext(event), { action: 'export', entity: 'people', details: { format: 'popolo', ...counts } });
	return new Response(JSON.stringify(document, null, '\t'), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': 'attachment; filename="popolo.json"',
			'cache-control': 'private, no-store'
		}
	});
};
