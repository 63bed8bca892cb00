import { impactExportEndpoint } from '$lib/server/export/impact';
import type { RequestHandler } from './$types';

// The dashboard's tables for the filters in the URL: every chart's, one sheet each, as XLSX.
export const GET: RequestHandler = (event) => impactExportEndpoint(event, 'xlsx');
