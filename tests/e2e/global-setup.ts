import { buildIfNeeded } from '../../scripts/lib/build-if-needed.js';
import { CHROMIUM, hasChromium } from '../helpers/browser';

// The HTTP-level suites (permissions, privacy) need the built app whether or not Chromium is here.
export default async function setup() {
	if (!hasChromium) console.warn(`\n[e2e tests] browser suites skipped: no Chromium at ${CHROMIUM}. Install it with: apt-get install -y chromium\n`);
	buildIfNeeded();
}
