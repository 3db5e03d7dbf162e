/**
 * The Playwright project both configs use: Debian's Chromium (or
 * CHROMIUM_PATH), since no browser can be downloaded here, with the flags
 * that keep it off the network and working as root.
 */
import { devices, type Project } from '@playwright/test';

export const chromiumProject: Project = {
	name: 'chromium',
	use: {
		...devices[ 'Desktop Chrome' ],
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-gpu',
			],
		},
	},
};
