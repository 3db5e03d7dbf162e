/**
 * Babel configuration, for jest (`babel-jest`) and `wp-scripts build` alike:
 * WordPress's own preset, whose automatic JSX runtime imports
 * `react/jsx-runtime`. The dependency extraction plugin maps that import to
 * the `react-jsx-runtime` script handle, which every supported WordPress
 * (6.8 and later) registers.
 */
module.exports = ( api ) => require( '@wordpress/babel-preset-default' )( api );
