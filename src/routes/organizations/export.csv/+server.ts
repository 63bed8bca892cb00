import { ORGANIZATIONS_EXPORT, listExportEndpoint } from '$lib/server/export/lists';
import type { RequestHandler } from './$types';

// The organizations list as on screen (search, kind, every page), as CSV.
export const GET: RequestHandler = (event) => listExportEndpoint(event, ORGANIZATIONS_EXPORT, 'csv');
