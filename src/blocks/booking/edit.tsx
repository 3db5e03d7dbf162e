/**
 * The block's editor view: a preview card that tells which service and
 * employee are preselected, and the settings in the sidebar.
 */

/**
 * External dependencies
 */
import type { CSSProperties } from 'react';

/**
 * WordPress dependencies
 */
import {
	InspectorControls,
	PanelColorSettings,
	useBlockProps,
} from '@wordpress/block-editor';
import type { BlockEditProps } from '@wordpress/blocks';
import {
	PanelBody,
	Placeholder,
	TextControl,
	ToggleControl,
} from '@wordpress/components';
import { createElement, Fragment } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { sanitizeColor, toId } from '../../shared/config';
import type { BookingBlockAttributes } from '../../shared/types';

/**
 * What the preview says about the service.
 *
 * @param service The preselected service id (0: none).
 */
function describeService( service: number ): string {
	if ( service > 0 ) {
		return sprintf(
			/* translators: %d: service ID. */
			__( 'Service: #%d (preselected)', 'appointease' ),
			service
		);
	}
	return __( 'Service: chosen by the visitor', 'appointease' );
}

/**
 * What the preview says about the employee.
 *
 * @param employee         The preselected employee id (0: none).
 * @param showEmployeeStep Whether visitors get the employee step.
 */
function describeEmployee( employee: number, showEmployeeStep: boolean ) {
	if ( employee > 0 ) {
		return sprintf(
			/* translators: %d: employee ID. */
			__( 'Employee: #%d (preselected)', 'appointease' ),
			employee
		);
	}
	return showEmployeeStep
		? __(
				'Employee: chosen by the visitor, or any available',
				'appointease'
			)
		: __( 'Employee: any available', 'appointease' );
}

/**
 * The block's edit component.
 *
 * @param props               Block edit props.
 * @param props.attributes    The block's attributes.
 * @param props.setAttributes Updates attributes.
 */
export function Edit( {
	attributes,
	setAttributes,
}: BlockEditProps< BookingBlockAttributes > ) {
	const { service, employee, showEmployeeStep, accentColor } = attributes;
	const accent = sanitizeColor( accentColor );

	const blockProps = useBlockProps( {
		className: 'appointease-editor-preview',
		style: accent
			? ( { '--appointease-accent': accent } as CSSProperties )
			: undefined,
	} );

	return (
		<Fragment>
			<InspectorControls>
				<PanelBody title={ __( 'Booking', 'appointease' ) }>
					<TextControl
						label={ __( 'Service ID', 'appointease' ) }
						help={ __(
							'0 lets the visitor choose the service.',
							'appointease'
						) }
						type="number"
						min={ 0 }
						value={ String( service ) }
						onChange={ ( value: string ) =>
							setAttributes( { service: toId( value ) } )
						}
					/>
					<TextControl
						label={ __( 'Employee ID', 'appointease' ) }
						help={ __(
							'0 lets the visitor choose, or takes any available employee.',
							'appointease'
						) }
						type="number"
						min={ 0 }
						value={ String( employee ) }
						onChange={ ( value: string ) =>
							setAttributes( { employee: toId( value ) } )
						}
					/>
					<ToggleControl
						label={ __( 'Show the employee step', 'appointease' ) }
						checked={ showEmployeeStep }
						onChange={ ( checked: boolean ) =>
							setAttributes( { showEmployeeStep: checked } )
						}
					/>
				</PanelBody>
				<PanelColorSettings
					title={ __( 'Colour', 'appointease' ) }
					initialOpen={ false }
					colorSettings={ [
						{
							label: __( 'Accent colour', 'appointease' ),
							value: accent || undefined,
							onChange: ( color?: string ) =>
								setAttributes( {
									accentColor: sanitizeColor( color ),
								} ),
						},
					] }
				/>
			</InspectorControls>
			<div { ...blockProps }>
				<Placeholder
					className="appointease-editor-preview__card"
					icon="calendar-alt"
					label={ __( 'Appointment booking', 'appointease' ) }
					instructions={ __(
						'Visitors book an appointment here. The booking form shows on the published page.',
						'appointease'
					) }
				>
					<ul className="appointease-editor-preview__summary">
						<li>{ describeService( service ) }</li>
						<li>
							{ describeEmployee( employee, showEmployeeStep ) }
						</li>
						{ ! showEmployeeStep && (
							<li>
								{ __(
									'The employee step is hidden.',
									'appointease'
								) }
							</li>
						) }
					</ul>
				</Placeholder>
			</div>
		</Fragment>
	);
}
