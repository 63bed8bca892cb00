import { hash, verify, type Algorithm } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';

// OWASP's argon2id minimum: 19 MiB, 2 iterations, parallelism 1.
// (Algorithm is a const enum the library only declares: 2 is its Argon2id.)
const ARGON2 = { algorithm: 2 as Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

// The 1,000 most common passwords, from the frequency-ranked list zxcvbn-ts ships.
const COMMON = new Set(dictionary['passwords-common'].slice(0, 1000).map((p) => p.toLowerCase()));

export type PasswordProblem = 'too_short' | 'too_long' | 'too_common';

/** Length limits and the common-password list; no composition rules (ASVS V6.2). */
export function passwordProblem(password: string): PasswordProblem | null {
	const length = [...password].length;
	if (length < PASSWORD_MIN) return 'too_short';
	if (length > PASSWORD_MAX) return 'too_long';
	if (COMMON.has(password.toLowerCase())) return 'too_common';
	return null;
}

export function hashPassword(password: string): Promise<string> {
	return hash(password, ARGON2);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password);
	} catch {
		return false;
	}
}

// Verifying against this when the e-mail is unknown keeps the response time the same either way.
let dummyHash: Promise<string> | undefined;
export async function verifyAgainstDummy(password: string): Promise<false> {
	dummyHash ??= hashPassword('not a real password, only for timing');
	await verifyPassword(await dummyHash, password);
	return false;
}
