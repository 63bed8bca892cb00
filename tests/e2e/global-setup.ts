import { buildIfNeeded } from '../../scripts/lib/build-if-needed.js';
import { CHROMIUM, hasChromium } from '../helpers/browser';

export default async function setup() {
	if (!hasChromium) {
		console.warn(`\n[e2e tests] skipped: no Chromium at ${CHROMIUM}. Install it with: apt-get install -y chromium\n`);
		return;
	}
	buildIfNeeded();
}
