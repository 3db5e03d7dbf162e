/**
 * Jest set-up for the front-end tests: DOM matchers such as toBeVisible().
 */
import '@testing-library/jest-dom';
