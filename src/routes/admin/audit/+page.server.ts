import { getDb } from '$lib/server/db';
import { authorize } from '$lib/server/auth/guard';
import { auditFilterOptions, auditFilterSchema, listAuditLog } from '$lib/server/audit/queries';
import { validateQuery } from '$lib/server/forms';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	await authorize(event, 'audit:read');
	const db = getDb();
	const { data: filter, errors } = validateQuery(auditFilterSchema, event.url.searchParams);
	const [log, options] = await Promise.all([listAuditLog(db, filter), auditFilterOptions(db)]);
	return { ...log, filter, errors, options };
};
