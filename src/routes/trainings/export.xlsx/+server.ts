import { TRAININGS_EXPORT, listExportEndpoint } from '$lib/server/export/lists';
import type { RequestHandler } from './$types';

// The trainings list as on screen (filters, order, every page, the reader's regions), as XLSX.
export const GET: RequestHandler = (event) => listExportEndpoint(event, TRAININGS_EXPORT, 'xlsx');
