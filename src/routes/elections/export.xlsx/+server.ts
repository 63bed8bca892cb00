import { ELECTIONS_EXPORT, listExportEndpoint } from '$lib/server/export/lists';
import type { RequestHandler } from './$types';

// The elections list as on screen, as XLSX.
export const GET: RequestHandler = (event) => listExportEndpoint(event, ELECTIONS_EXPORT, 'xlsx');
