/**
 * Playwright configuration for the README's screenshots (`npm run
 * screenshots`): tests/screenshots/ drives the running demo site and writes
 * docs/screenshots/*.png.
 *
 * Kept apart from playwright.config.ts on purpose: `npm test` must never
 * rewrite files under docs/, and these specs change the demo's data (they
 * add bookings with made-up customers), which the end-to-end suite should
 * not depend on.
 */
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { chromiumProject } from './tests/e2e/chromium';
import { readStack } from './tests/e2e/stack';

export default defineConfig( {
	testDir: './tests/screenshots',
	testMatch: '**/*.spec.ts',
	// Traces of a failed run, in the e2e suite's git-ignored artifacts
	// folder; the screenshots themselves go to docs/screenshots/.
	outputDir: path.join(
		__dirname,
		'tests',
		'e2e',
		'artifacts',
		'readme-screenshots',
		path.basename( readStack().runtime )
	),
	timeout: 120_000,
	expect: { timeout: 15_000 },
	fullyParallel: false,
	forbidOnly: !! process.env.CI,
	workers: 1,
	retries: 0,
	reporter: 'list',
	use: {
		baseURL: readStack().site_url,
		actionTimeout: 15_000,
		navigationTimeout: 30_000,
		trace: 'retain-on-failure',
		video: 'off',
	},
	projects: [ chromiumProject ],
} );
