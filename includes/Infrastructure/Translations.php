<?php
/**
 * Translations for the few answers given before WordPress may load them.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Infrastructure;

defined( 'ABSPATH' ) || exit;

/**
 * Since 6.7, WordPress complains (`_load_textdomain_just_in_time was called
 * incorrectly`) when a plugin's strings are translated before the theme is
 * set up (`after_setup_theme`, just before `init`), as loading them then
 * would use a locale that may still change. The early poll (Poll\EarlyPoll)
 * answers while the plugin file loads, long before that; when it refuses a
 * request (bad parameters, an unknown employee, a lost store, too many
 * requests), its message is still meant for people.
 *
 * So before such a message is translated, prepare() loads the plugin's
 * translations itself, for the locale WordPress would pick for this request
 * (an early poll is anonymous: the site's language), from the places core's
 * just-in-time loader looks: a language pack (WP_LANG_DIR/plugins, or where
 * the `lang_dir_for_domain` filter points), else the plugin's own languages
 * folder. Where none exists, the domain gets the empty translations core
 * itself keeps after a load that found nothing, so __() answers in English
 * without trying (and complaining) again.
 *
 * After `after_setup_theme` this does nothing: WordPress's own loading is the
 * right one there (the REST route, logged-in users' own languages).
 */
final class Translations {

	/**
	 * The plugin's text domain.
	 */
	public const DOMAIN = 'appointease';

	/**
	 * The language of the request as a BCP 47 tag ("de-DE-formal" for WordPress's
	 * "de_DE_formal"), which the browser's Intl formats take.
	 */
	public static function language_tag(): string {
		return str_replace( '_', '-', determine_locale() );
	}

	/**
	 * Makes translating the plugin's strings safe in this request. Costs
	 * nothing after `after_setup_theme` or once the domain is loaded; before,
	 * it looks for and loads a translation file, so call it only on the way
	 * to a message, never on the hot path.
	 */
	public static function prepare(): void {
		global $l10n;
		if ( ! self::too_early() || isset( $l10n[ self::DOMAIN ] ) ) {
			return;
		}
		$locale = determine_locale();
		foreach ( self::candidates( $locale ) as $mofile ) {
			// load_textdomain() also tries the .l10n.php beside the .mo, as core does.
			if ( load_textdomain( self::DOMAIN, $mofile, $locale ) ) {
				return;
			}
		}

		/*
		 * Nothing to load: English. The empty translations are what core's
		 * get_translations_for_domain() itself keeps after a load found
		 * nothing; with them in place __() makes no just-in-time attempt
		 * (and warning), and load_plugin_textdomain() at init would drop
		 * them again.
		 */
		$l10n[ self::DOMAIN ] = new \NOOP_Translations(); // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited -- as core does when nothing loads.
	}

	/**
	 * Whether WordPress would complain about translating now.
	 */
	public static function too_early(): bool {
		return ! did_action( 'after_setup_theme' ) && ! doing_action( 'after_setup_theme' );
	}

	/**
	 * The translation files core's loader would find for a locale, best first.
	 *
	 * @param string $locale A locale such as de_DE.
	 * @return list<string>
	 */
	private static function candidates( string $locale ): array {
		$files = array();
		global $wp_textdomain_registry;
		// A language pack, where the registry finds it (it applies `lang_dir_for_domain`).
		$dir = $wp_textdomain_registry instanceof \WP_Textdomain_Registry ? $wp_textdomain_registry->get( self::DOMAIN, $locale ) : false;
		if ( is_string( $dir ) && '' !== $dir ) {
			$files[] = trailingslashit( $dir ) . self::DOMAIN . '-' . $locale . '.mo';
		}
		// The folder Plugin::load_textdomain() hands to load_plugin_textdomain() at init.
		$own = APPOINTEASE_DIR . 'languages/' . self::DOMAIN . '-' . $locale . '.mo';
		if ( ! in_array( $own, $files, true ) ) {
			$files[] = $own;
		}
		return $files;
	}
}
