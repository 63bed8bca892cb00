import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const ROUTES = 'src/routes';
const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/**
 * Every page (GET), form action (POST ?/name) and endpoint method under src/routes, as matrix keys.
 * Server modules are imported to read their real exports, not guessed from text.
 */
export async function discoverRoutes(): Promise<string[]> {
	const keys: string[] = [];
	const visit = async (dir: string) => {
		const route = '/' + relative(ROUTES, dir).split(sep).filter(Boolean).join('/');
		if (existsSync(join(dir, '+page.svelte')) || existsSync(join(dir, '+page.server.ts'))) {
			keys.push(`GET ${route}`);
			if (existsSync(join(dir, '+page.server.ts'))) {
				const mod = await import(/* @vite-ignore */ `/${join(dir, '+page.server.ts')}`);
				for (const action of Object.keys(mod.actions ?? {})) keys.push(`POST ${route}?/${action}`);
			}
		}
		if (existsSync(join(dir, '+server.ts'))) {
			const mod = await import(/* @vite-ignore */ `/${join(dir, '+server.ts')}`);
			for (const method of HTTP_METHODS) if (mod[method]) keys.push(`${method} ${route}`);
		}
		for (const entry of readdirSync(dir).sort()) {
			if (statSync(join(dir, entry)).isDirectory()) await visit(join(dir, entry));
		}
	};
	await visit(ROUTES);
	return keys.sort();
}
