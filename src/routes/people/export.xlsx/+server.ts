import { PEOPLE_EXPORT, listExportEndpoint } from '$lib/server/export/lists';
import type { RequestHandler } from './$types';

// The people list as on screen (filters, order, every page), as XLSX; the CSV beside it holds the same.
export const GET: RequestHandler = (event) => listExportEndpoint(event, PEOPLE_EXPORT, 'xlsx');
