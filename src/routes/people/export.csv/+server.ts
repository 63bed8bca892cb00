import { PEOPLE_EXPORT, listExportEndpoint } from '$lib/server/export/lists';
import type { RequestHandler } from './$types';

// The people list as on screen (filters, order, every page), as CSV; the XLSX beside it holds the same.
export const GET: RequestHandler = (event) => listExportEndpoint(event, PEOPLE_EXPORT, 'csv');
