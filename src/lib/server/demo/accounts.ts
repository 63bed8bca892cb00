import type { Role } from '../../domain/enums';
import type { Db } from '../db/index';
import { hashPassword } from '../auth/passwords';
import { generateToken } from '../auth/tokens';

export interface DemoAccount {
	email: string;
	role: Role;
	displayName: string;
	/** Region code an organizer is limited to. */
	region?: string;
}

/** One account per role (and a region-limited organizer), listed in README as demo-only. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
	{ email: 'admin@demo.example.org', role: 'admin', displayName: 'Demo admin' },
	{ email: 'organizer@demo.example.org', role: 'organizer', displayName: 'Demo organizer' },
	{ email: 'organizer.naryn@demo.example.org', role: 'organizer', displayName: 'Demo organizer (Naryn only)', region: 'KG-N' },
	{ email: 'viewer@demo.example.org', role: 'viewer', displayName: 'Demo viewer' },
	{ email: 'funder@demo.example.org', role: 'funder', displayName: 'Demo funder' }
];

/**
 * Creates the demo accounts (is_demo, removed with the demo). The password is DEMO_PASSWORD when set
 * (for scripted demos and tests), else a random one per account, returned so the caller can print it once.
 */
export async function createDemoAccounts(trx: Db, password = process.env.DEMO_PASSWORD): Promise<Array<DemoAccount & { password: string }>> {
	const created: Array<DemoAccount & { password: string }> = [];
	for (const account of DEMO_ACCOUNTS) {
		const accountPassword = password || generateToken().slice(0, 16);
		const user = await trx
			.insertInto('users')
			.values({
				email: account.email,
				display_name: account.displayName,
				role: account.role,
				password_hash: await hashPassword(accountPassword),
				password_changed_at: new Date(),
				is_demo: true
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		if (account.region) {
			const region = await trx.selectFrom('regions').select('id').where('code', '=', account.region).executeTakeFirstOrThrow();
			await trx.insertInto('user_regions').values({ user_id: user.id, region_id: region.id }).execute();
		}
		created.push({ ...account, password: accountPassword });
	}
	return created;
}

export function formatDemoAccounts(accounts: Array<DemoAccount & { password: string }>): string {
	const lines = accounts.map((a) => `  ${a.role.padEnd(9)} ${a.email.padEnd(34)} ${a.password}${a.region ? `   (limited to ${a.region})` : ''}`);
	return ['Demo accounts (demo only — shown once; removed with the demo data):', ...lines].join('\n');
}
