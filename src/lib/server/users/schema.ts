import { z } from 'zod';
import { ROLES } from '../../domain/enums';
import { PASSWORD_MAX, PASSWORD_MIN, passwordProblem } from '../auth/passwords';

export const emailField = z
	.string({ error: 'Enter an e-mail address.' })
	.trim()
	.toLowerCase()
	.max(254, 'That e-mail address is too long.')
	.pipe(z.email({ error: 'Enter a valid e-mail address, like name@example.org.' }));

const PASSWORD_MESSAGES = {
	too_short: `Use at least ${PASSWORD_MIN} characters.`,
	too_long: `Use at most ${PASSWORD_MAX} characters.`,
	too_common: 'That password is one of the most common ones; choose another.'
} as const;

export const newPasswordField = z.string({ error: 'Choose a password.' }).superRefine((value, ctx) => {
	const problem = passwordProblem(value);
	if (problem) ctx.addIssue({ code: 'custom', message: PASSWORD_MESSAGES[problem] });
});

export const displayNameField = z
	.string({ error: 'Enter a name.' })
	.trim()
	.min(1, 'Enter a name.')
	.max(100, 'Use at most 100 characters.');

export const roleField = z.enum(ROLES, { error: 'Choose a role.' });

const regionIdsField = z.array(z.coerce.number().int().positive()).max(100).default([]);

export const signInSchema = z.object({
	email: z.string({ error: 'Enter your e-mail address.' }).trim().min(1, 'Enter your e-mail address.').max(254),
	password: z.string({ error: 'Enter your password.' }).min(1, 'Enter your password.').max(1024)
});

export const setupSchema = z
	.object({ email: emailField, displayName: displayNameField, password: newPasswordField, confirm: z.string().default('') })
	.refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'The two passwords differ.' });

export const setPasswordSchema = z
	.object({ password: newPasswordField, confirm: z.string().default('') })
	.refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'The two passwords differ.' });

export const changePasswordSchema = z
	.object({ current: z.string().min(1, 'Enter your current password.'), password: newPasswordField, confirm: z.string().default('') })
	.refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'The two passwords differ.' });

export const inviteSchema = z.object({ email: emailField, displayName: displayNameField, role: roleField, regionIds: regionIdsField });

export const updateUserSchema = z.object({
	displayName: displayNameField,
	role: roleField,
	regionIds: regionIdsField,
	version: z.coerce.number().int().positive()
});

export const idField = z.coerce.number({ error: 'Missing id.' }).int().positive();
