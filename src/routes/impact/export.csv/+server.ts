import { impactExportEndpoint } from '$lib/server/export/impact';
import type { RequestHandler } from './$types';

// The dashboard's tables for the filters in the URL: the one chart ?table= names, as CSV.
export const GET: RequestHandler = (event) => impactExportEndpoint(event, 'csv');
