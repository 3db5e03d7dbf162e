#!/usr/bin/env node
/**
 * Writes src/shared/rest-types.ts: the TypeScript types of the REST answers,
 * generated from the routes' own JSON schemas as WordPress publishes them
 * (the REST index, `GET /wp-json/appointease/v1?context=help`).
 *
 *   node tools/generate-rest-types.mjs                  reads the schemas from the
 *                                                       local stack (php tools/rest-schemas.php)
 *   node tools/generate-rest-types.mjs --schemas FILE   reads them from FILE (JSON)
 *   node tools/generate-rest-types.mjs --out FILE       writes FILE instead
 *
 * `npm run generate:types` runs the first form; the PHP drift test
 * (tests/php/Integration/Rest/RestTypesDriftTest.php) runs the second and
 * compares with the checked-in file.
 */

import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createRequire } from 'node:module';

import { compile } from 'json-schema-to-typescript';

const require = createRequire( import.meta.url );
const root = resolve( dirname( fileURLToPath( import.meta.url ) ), '..' );

/*
 * How WordPress's schemas read as answer types:
 *
 * - An answer carries every field of its context (WordPress's controllers
 *   fill them all), so a property is required unless its object lists the
 *   ones that are (draft-04 `required` array), as the answers with fields
 *   that only some requests get do (a booking's manage_token, say).
 * - A property-level `required: true` (WordPress's "required on create")
 *   says nothing about answers and is dropped.
 * - `context`: a record whose fields differ between contexts gets two
 *   types: `<Name>` with every field (context=edit, what wp-admin reads)
 *   and `<Name>View` with the public ones (context=view).
 */

/*
 * Keywords that say nothing about an answer's shape: WordPress's own, and the
 * limits on what a request may send (min/maxItems would even turn arrays
 * into tuples).
 */
const DROPPED = new Set( [
	'$schema',
	'context',
	'readonly',
	'default',
	'minItems',
	'maxItems',
	'uniqueItems',
	'minLength',
	'maxLength',
	'minimum',
	'maximum',
	'multipleOf',
	'pattern',
] );

/**
 * Whether a property is shown in a context.
 *
 * @param {Object} schema  The property's schema.
 * @param {string} context 'view' or 'edit'.
 */
function inContext( schema, context ) {
	return (
		! Array.isArray( schema.context ) || schema.context.includes( context )
	);
}

/**
 * A WordPress schema as an answer schema for one context (see above).
 *
 * @param {unknown} schema  A schema or any part of one.
 * @param {string}  context 'view' or 'edit'.
 */
function answerSchema( schema, context ) {
	if ( Array.isArray( schema ) ) {
		return schema.map( ( item ) => answerSchema( item, context ) );
	}
	if ( typeof schema !== 'object' || schema === null ) {
		return schema;
	}
	const out = {};
	for ( const [ key, value ] of Object.entries( schema ) ) {
		if ( DROPPED.has( key ) ) {
			continue;
		}
		if ( key === 'required' && ! Array.isArray( value ) ) {
			continue;
		}
		if ( key === 'properties' ) {
			out.properties = {};
			for ( const [ name, property ] of Object.entries( value ) ) {
				if ( inContext( property, context ) ) {
					out.properties[ name ] = answerSchema( property, context );
				}
			}
			continue;
		}
		out[ key ] = answerSchema( value, context );
	}
	if ( out.properties ) {
		const names = Object.keys( out.properties );
		out.required = Array.isArray( schema.required )
			? schema.required.filter( ( name ) => names.includes( name ) )
			: names;
		out.additionalProperties = false;
	}
	return out;
}

/**
 * The type name of a schema title: `appointease-booking` → `Booking`.
 *
 * @param {string} title The schema's title.
 */
function typeName( title ) {
	return title
		.replace( /^appointease-/, '' )
		.split( /[^A-Za-z0-9]+/ )
		.filter( Boolean )
		.map( ( part ) => part[ 0 ].toUpperCase() + part.slice( 1 ) )
		.join( '' );
}

/**
 * The schemas from the local stack's WordPress.
 */
function schemasFromStack() {
	const json = execFileSync(
		'php',
		[ resolve( root, 'tools/rest-schemas.php' ) ],
		{
			cwd: root,
			encoding: 'utf8',
			maxBuffer: 16 * 1024 * 1024,
		}
	);
	return JSON.parse( json );
}

/**
 * The generated module.
 *
 * @param {Record<string, {methods: string[], schema: Object}>} routes Route => methods and schema.
 */
async function generate( routes ) {
	// Routes share schemas (a collection and its items): one type per title.
	const byName = new Map();
	for ( const [ route, { methods, schema } ] of Object.entries( routes ) ) {
		if ( typeof schema.title !== 'string' ) {
			throw new Error( `The schema of ${ route } has no title.` );
		}
		const name = typeName( schema.title );
		const entry = byName.get( name ) ?? { schema, routes: [] };
		entry.routes.push( `${ methods.join( ', ' ) } ${ route }` );
		byName.set( name, entry );
	}

	const options = {
		bannerComment: '',
		format: false,
		additionalProperties: false,
		declareExternallyReferenced: true,
		strictIndexSignatures: true,
		unknownAny: true,
	};
	const blocks = [];
	for ( const name of [ ...byName.keys() ].sort() ) {
		const { schema, routes: used } = byName.get( name );
		const edit = answerSchema( schema, 'edit' );
		const view = answerSchema( schema, 'view' );
		const variants = [ [ name, edit, 'the answer' ] ];
		if ( JSON.stringify( view ) !== JSON.stringify( edit ) ) {
			variants[ 0 ][ 2 ] = 'every field (context=edit)';
			variants.push( [
				`${ name }View`,
				view,
				'public fields (context=view)',
			] );
		}
		for ( const [ typeName_, typeSchema, what ] of variants ) {
			const header = [
				'/**',
				` * \`${ schema.title }\`: ${ what }.`,
				' * Answer of:',
				...used.map( ( line ) => ` *   ${ line }` ),
				' */',
			].join( '\n' );
			const code = await compile(
				{ ...typeSchema, title: undefined },
				typeName_,
				options
			);
			blocks.push(
				code.replace(
					/^(export (interface|type) )/m,
					`${ header }\n$1`
				)
			);
		}
	}

	const source = [
		'/**',
		' * GENERATED by tools/generate-rest-types.mjs from the REST index of',
		" * `appointease/v1` (the routes' own JSON schemas). Do not edit: change the",
		' * schema in includes/Rest/ and run `npm run generate:types`.',
		' * RestTypesDriftTest fails when this file and the schemas disagree.',
		' */',
		'',
		blocks.join( '\n' ),
	].join( '\n' );

	// The project's own style (wp-prettier with WordPress's config), so that
	// the file passes lint-js like hand-written code.
	// Both come with @wordpress/scripts ("prettier" is its wp-prettier).
	// eslint-disable-next-line import/no-extraneous-dependencies
	const prettier = require( 'prettier' );
	// eslint-disable-next-line import/no-extraneous-dependencies
	const config = require( '@wordpress/prettier-config' );
	return prettier.format( source, { ...config, parser: 'typescript' } );
}

const { values } = parseArgs( {
	options: {
		schemas: { type: 'string' },
		out: { type: 'string' },
	},
} );

const routes = values.schemas
	? JSON.parse( readFileSync( values.schemas, 'utf8' ) )
	: schemasFromStack();
const out = resolve(
	values.out ?? resolve( root, 'src/shared/rest-types.ts' )
);
writeFileSync( out, await generate( routes ) );
process.stdout.write( `Wrote ${ out }\n` );
