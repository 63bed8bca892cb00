/**
 * An expected refusal that names the form field it is about (a reference that does not exist, a
 * person listed twice), shown to the user at that field rather than as a 500.
 */
export class InputError extends Error {
	constructor(
		readonly field: string,
		message: string
	) {
		super(message);
	}
}

/** A Postgres unique violation (e.g. training_participants_once), the same code from PGlite and pg. */
export function isUniqueViolation(e: unknown): boolean {
	return (e as { code?: string } | null)?.code === '23505';
}
