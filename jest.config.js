/**
 * Jest configuration for `npm run test:unit:js`
 * (`wp-scripts test-unit-js --config jest.config.js`): the @wordpress/scripts
 * defaults (jsdom, babel-jest with babel.config.js, console guards), limited
 * to src/ and tests/js/.
 *
 * `.runtime/` holds the local WordPress and its plugins folder links back to
 * this repository, so jest must never crawl it: `roots` keeps the file crawler
 * inside src/ and tests/js/, and the ignore patterns cover the rest.
 */
const defaultConfig = require( '@wordpress/scripts/config/jest-unit.config.js' );

const IGNORED = [
	'/node_modules/',
	'/vendor/',
	'/build/',
	'/\\.runtime/',
	'/tests/e2e/',
];

module.exports = {
	...defaultConfig,
	rootDir: __dirname,
	roots: [ '<rootDir>/src', '<rootDir>/tests/js' ],
	testMatch: [ '<rootDir>/tests/js/**/*.test.[jt]s?(x)' ],
	testPathIgnorePatterns: IGNORED,
	modulePathIgnorePatterns: [
		'<rootDir>/build/',
		'<rootDir>/vendor/',
		'<rootDir>/\\.runtime/',
		'<rootDir>/tests/e2e/',
	],
	watchPathIgnorePatterns: IGNORED,
	coveragePathIgnorePatterns: IGNORED,
	collectCoverageFrom: [ 'src/**/*.{ts,tsx}', '!src/**/*.d.ts' ],
	setupFilesAfterEnv: [ '<rootDir>/tests/js/setup.ts' ],
	// @wordpress/components (the admin screens' tests) loads packages that are
	// published only as ES modules: Babel turns those into CommonJS for jest.
	transform: {
		'\\.[jt]sx?$': 'babel-jest',
		'\\.mjs$': 'babel-jest',
	},
	transformIgnorePatterns: [
		'/node_modules/(?!(uuid|@wordpress/theme|@wordpress/ui)/)',
	],
};
