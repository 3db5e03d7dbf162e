/**
 * Playwright configuration for the end-to-end tests (`npm run test:e2e:run`,
 * called by `bin/test.sh e2e` against the local WordPress).
 *
 * No browser is downloaded: the tests drive the system's Chromium
 * (Debian's /usr/bin/chromium, or CHROMIUM_PATH).
 */
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { chromiumProject } from './tests/e2e/chromium';
import { readStack } from './tests/e2e/stack';

// A folder per stack, so two runs on different stacks never share traces.
const ARTIFACTS_DIR = path.join(
	__dirname,
	'tests',
	'e2e',
	'artifacts',
	path.basename( readStack().runtime )
);

export default defineConfig( {
	testDir: './tests/e2e',
	testMatch: '**/*.spec.ts',
	outputDir: path.join( ARTIFACTS_DIR, 'test-results' ),
	timeout: 60_000,
	expect: { timeout: 10_000 },
	fullyParallel: false,
	forbidOnly: !! process.env.CI,
	workers: 1,
	retries: 0,
	reporter: 'list',
	use: {
		baseURL: readStack().site_url,
		actionTimeout: 15_000,
		navigationTimeout: 30_000,
		screenshot: 'only-on-failure',
		trace: 'retain-on-failure',
		video: 'off',
	},
	projects: [ chromiumProject ],
} );
