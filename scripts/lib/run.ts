/** Runs a command-line entry point: a thrown error prints its message (not a stack) and exits 1. */
export async function runScript(main: () => Promise<void>): Promise<void> {
	try {
		await main();
	} catch (e) {
		console.error(`Error: ${e instanceof Error ? e.message : String(e)}`);
		if (process.env.DEBUG) console.error(e);
		process.exit(1);
	}
}
