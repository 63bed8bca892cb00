// `npm run user:create -- --email a@b.org --role admin [--name "Display name"] [--region KG-N ...]`
// The password is read from NEW_USER_PASSWORD, or asked for (not echoed) when run in a terminal.
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { connect } from '../src/lib/server/db/connect';
import { databaseConfigFromEnv } from '../src/lib/server/db/index';
import { migrateToLatest } from '../src/lib/server/db/migrate';
import { createUser } from '../src/lib/server/users/actions';
import { displayNameField, emailField, newPasswordField, roleField } from '../src/lib/server/users/schema';
import { runScript } from './lib/run';

const argsSchema = z.object({ email: emailField, role: roleField, name: displayNameField.optional(), password: newPasswordField, region: z.array(z.string()).default([]) });

function askHidden(question: string): Promise<string> {
	return new Promise((resolve) => {
		const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
		const output = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WriteStream };
		output._writeToOutput = (s: string) => {
			if (s.includes(question)) output.output.write(s);
		};
		rl.question(question, (answer) => {
			rl.close();
			process.stdout.write('\n');
			resolve(answer);
		});
	});
}

await runScript(async () => {
	const { values } = parseArgs({
		options: { email: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' }, region: { type: 'string', multiple: true } }
	});
	let password = process.env.NEW_USER_PASSWORD;
	if (!password) {
		if (!process.stdin.isTTY) throw new Error('Set NEW_USER_PASSWORD, or run in a terminal to be asked for the password.');
		password = await askHidden('Password for the new account: ');
		if ((await askHidden('Password again: ')) !== password) throw new Error('The two passwords differ.');
	}
	const parsed = argsSchema.safeParse({ ...values, password });
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		throw new Error(`--${String(issue.path[0] ?? 'arguments')}: ${issue.message}\nUsage: npm run user:create -- --email name@example.org --role admin|organizer|viewer|funder [--name "Name"] [--region KG-N]`);
	}
	const input = parsed.data;
	const handle = await connect(databaseConfigFromEnv());
	try {
		await migrateToLatest(handle.db);
		const regions = input.region.length ? await handle.db.selectFrom('regions').select(['id', 'code']).where('code', 'in', input.region).execute() : [];
		const unknown = input.region.filter((code) => !regions.some((r) => r.code === code));
		if (unknown.length) throw new Error(`Unknown region code ${unknown.join(', ')} (e.g. KG-N for Naryn Region).`);
		const user = await createUser(handle.db, { ip: 'command line' }, {
			email: input.email,
			displayName: input.name ?? input.email,
			role: input.role,
			password: input.password,
			regionIds: regions.map((r) => r.id)
		});
		console.log(`Created ${user.role} ${user.email} (id ${user.id}) in ${handle.location}.`);
	} finally {
		await handle.close();
	}
});
