import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { dev } from '$app/environment';
import { startServer } from '$lib/server/startup';

export const init: ServerInit = async () => {
	await startServer({ dev });
};

export const handle: Handle = async ({ event, resolve }) => {
	return resolve(event);
};

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	const id = crypto.randomUUID();
	if (status >= 500) console.error(`[${id}] ${event.request.method} ${event.url.pathname}:`, error);
	return { message: status >= 500 ? 'Something went wrong on our side.' : message, id };
};
