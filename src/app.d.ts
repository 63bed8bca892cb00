import type { Actor } from '$lib/server/auth/permissions';
import type { ShareLinkProblem } from '$lib/server/auth/share-links';
import type { Locale } from '$lib/domain/enums';

// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {
		interface Error {
			message: string;
			id?: string;
		}
		interface Locals {
			/** Who is asking: a signed-in user, a share link, or null. Set by hooks.server.ts only. */
			actor: Actor | null;
			/** Why a share cookie was refused, to explain it instead of asking for a sign-in. */
			shareProblem: ShareLinkProblem | null;
			ip: string | null;
			/** The interface language of this request (see hooks.server.ts). */
			locale: Locale;
		}
	}
	namespace NodeJS {
		interface Process {
			once(event: 'sveltekit:shutdown', listener: (reason: string) => void): this;
		}
	}
}

export {};
