import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, URL-safe. Tokens are shown once (cookie, link) and stored only as their hash. */
export function generateToken(): string {
	return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}
