import { NETWORK_EXPORT, listExportEndpoint } from '$lib/server/export/lists';
import type { RequestHandler } from './$types';

// Everyone in the network on screen, ranked as the top connectors, as XLSX.
export const GET: RequestHandler = (event) => listExportEndpoint(event, NETWORK_EXPORT, 'xlsx');
