import { z } from 'zod';
import { ROLES } from '../../domain/enums';
import { m } from '$lib/paraglide/messages';
import { PASSWORD_MAX, PASSWORD_MIN, passwordProblem } from '../auth/passwords';

// Messages are functions, evaluated when a form is checked, so that they come in the request's language.

export const emailField = z
	.string({ error: () => m.email_required() })
	.trim()
	.toLowerCase()
	.min(1, { error: () => m.email_required() })
	.max(254, { error: () => m.email_too_long() })
	.pipe(z.email({ error: () => m.email_invalid() }));

const PASSWORD_MESSAGES = {
	too_short: () => m.password_too_short({ min: PASSWORD_MIN }),
	too_long: () => m.password_too_long({ max: PASSWORD_MAX }),
	too_common: () => m.password_too_common()
} as const;

export const newPasswordField = z.string({ error: () => m.password_required() }).superRefine((value, ctx) => {
	const problem = passwordProblem(value);
	if (problem) ctx.addIssue({ code: 'custom', message: PASSWORD_MESSAGES[problem]() });
});

export const displayNameField = z
	.string({ error: () => m.name_required() })
	.trim()
	.min(1, { error: () => m.name_required() })
	.max(100, { error: () => m.max_chars({ max: 100 }) });

export const roleField = z.enum(ROLES, { error: () => m.role_required() });

const regionIdsField = z.array(z.coerce.number().int().positive(), { error: () => m.invalid_regions() }).max(100).default([]);

const confirmMatches = { path: ['confirm'], error: () => m.passwords_differ() };

export const signInSchema = z.object({
	email: z.string({ error: () => m.email_enter_yours() }).trim().min(1, { error: () => m.email_enter_yours() }).max(254),
	password: z.string({ error: () => m.password_enter_yours() }).min(1, { error: () => m.password_enter_yours() }).max(1024)
});

export const setupSchema = z
	.object({ email: emailField, displayName: displayNameField, password: newPasswordField, confirm: z.string().default('') })
	.refine((v) => v.password === v.confirm, confirmMatches);

export const setPasswordSchema = z
	.object({ password: newPasswordField, confirm: z.string().default('') })
	.refine((v) => v.password === v.confirm, confirmMatches);

export const changePasswordSchema = z
	.object({
		current: z.string({ error: () => m.current_password_required() }).min(1, { error: () => m.current_password_required() }),
		password: newPasswordField,
		confirm: z.string().default('')
	})
	.refine((v) => v.password === v.confirm, confirmMatches);

export const inviteSchema = z.object({ email: emailField, displayName: displayNameField, role: roleField, regionIds: regionIdsField });

export const updateUserSchema = z.object({
	displayName: displayNameField,
	role: roleField,
	regionIds: regionIdsField,
	version: z.coerce.number().int().positive()
});

export const idField = z.coerce.number({ error: () => m.invalid_id() }).int().positive();
