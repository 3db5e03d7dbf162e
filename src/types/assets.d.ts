/**
 * Stylesheets imported for their side effect: webpack (mini-css-extract)
 * turns them into the block's CSS files; jest maps them to an empty module.
 */
declare module '*.scss';
declare module '*.css';
