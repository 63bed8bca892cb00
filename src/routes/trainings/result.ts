import type { ComponentProps } from 'svelte';
import type ConflictNotice from '$lib/components/records/ConflictNotice.svelte';

/** What a form action of a training's or an organization's pages answered: which form, its message or errors. */
export interface ActionResult {
	action?: string;
	message?: string;
	values?: Record<string, unknown>;
	errors?: Record<string, string>;
	/** Someone else changed the record meanwhile: what they changed. */
	conflict?: ComponentProps<typeof ConflictNotice>['changes'];
}

/** The result if it belongs to one of `actions`. */
export function resultOf(result: ActionResult | null, ...actions: string[]): ActionResult | undefined {
	return result && result.action && actions.includes(result.action) ? result : undefined;
}
