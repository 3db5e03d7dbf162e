/**
 * The few @wordpress/block-editor APIs this plugin uses, typed as they exist
 * in WordPress 6.1 and later. The package ships no type declarations, and at
 * run time it is the `wp-block-editor` script of WordPress itself (webpack
 * treats it as an external), so it is not installed from npm.
 */
declare module '@wordpress/block-editor' {
	import type { ComponentType, HTMLAttributes, ReactNode } from 'react';

	export type BlockWrapperProps = HTMLAttributes< HTMLElement > & {
		/** A merged callback ref; works on any element type. */
		ref?: ( element: HTMLElement | null ) => void;
	};

	/**
	 * Props for the block's outer element in the editor (apiVersion 2+).
	 *
	 * @param props Props of the block's own to merge in (className, style…).
	 */
	export function useBlockProps(
		props?: HTMLAttributes< HTMLElement >
	): BlockWrapperProps;

	export const InspectorControls: ComponentType< {
		children?: ReactNode;
	} >;

	export interface ColorSetting {
		label: string;
		value?: string;
		onChange: ( color?: string ) => void;
	}

	/**
	 * A sidebar panel with the theme's colour palette (and a custom colour
	 * picker where the theme allows it) for each setting.
	 */
	export const PanelColorSettings: ComponentType< {
		title: string;
		colorSettings: readonly ColorSetting[];
		initialOpen?: boolean;
		disableCustomColors?: boolean;
		children?: ReactNode;
	} >;
}
