<?php
/**
 * Hooks AppointEase into WordPress's privacy tools.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Privacy;

use AppointEase\Booking\BookingRepository;
use AppointEase\Catalog\EmployeeRepository;
use AppointEase\Catalog\ServiceRepository;

defined( 'ABSPATH' ) || exit;

/**
 * Registers the bookings exporter and eraser (Tools → Export / Erase
 * Personal Data) and suggests text for the privacy policy.
 */
final class Privacy {

	/** The key of the exporter and the eraser. */
	public const KEY = 'appointease-bookings';

	/**
	 * Adds the hooks.
	 */
	public static function register(): void {
		add_filter( 'wp_privacy_personal_data_exporters', array( self::class, 'add_exporter' ) );
		add_filter( 'wp_privacy_personal_data_erasers', array( self::class, 'add_eraser' ) );
		add_action( 'admin_init', array( self::class, 'suggest_policy_text' ) );
	}

	/**
	 * Adds the bookings exporter.
	 *
	 * @param array<string, mixed> $exporters Registered exporters.
	 * @return array<string, mixed>
	 */
	public static function add_exporter( $exporters ) {
		$exporter               = new BookingExporter( new BookingRepository(), new ServiceRepository(), new EmployeeRepository() );
		$exporters[ self::KEY ] = array(
			'exporter_friendly_name' => __( 'AppointEase bookings', 'appointease' ),
			'callback'               => array( $exporter, 'export' ),
		);
		return $exporters;
	}

	/**
	 * Adds the bookings eraser.
	 *
	 * @param array<string, mixed> $erasers Registered erasers.
	 * @return array<string, mixed>
	 */
	public static function add_eraser( $erasers ) {
		$erasers[ self::KEY ] = array(
			'eraser_friendly_name' => __( 'AppointEase bookings', 'appointease' ),
			'callback'             => array( new BookingEraser( new BookingRepository() ), 'erase' ),
		);
		return $erasers;
	}

	/**
	 * Offers a section for the site's privacy policy (Settings → Privacy).
	 */
	public static function suggest_policy_text(): void {
		if ( function_exists( 'wp_add_privacy_policy_content' ) ) {
			wp_add_privacy_policy_content( __( 'AppointEase', 'appointease' ), wp_kses_post( self::policy_text() ) );
		}
	}

	/**
	 * The suggested text, in HTML.
	 */
	public static function policy_text(): string {
		$paragraphs = array(
			'<strong class="privacy-policy-tutorial">' . __( 'Suggested text:', 'appointease' ) . '</strong> ' . __( 'When you book an appointment on this site, we store your name, your email address and, if you give them, your phone number and a note, together with the service, the person and the time you booked.', 'appointease' ),
			__( 'We use them to keep and manage your appointment and to email you about it: when you book, and when it is confirmed, declined, cancelled or moved. Each email holds a private link with which you can see, cancel or reschedule your booking. The person who gives the appointment and the site\'s administrators see your booking.', 'appointease' ),
			__( 'We keep bookings as our business records. If you ask us to erase your personal data, we remove your name, email address, phone number and note from your past bookings and keep only what was booked and when. Upcoming appointments are kept until they are cancelled.', 'appointease' ),
			__( 'If the booking form asks you further questions, we store your answers with your booking, and if it asks for your consent, when you gave it and the text you agreed to. They are shown, exported and erased with the rest of your booking.', 'appointease' ),
			__( 'While you choose a time, the booking form briefly reserves it for you. That reservation holds no personal data and disappears within minutes. To stop abuse, we count the booking requests sent from each IP address in one-minute windows; the count is kept under a hash of the address for about a minute. The booking form sets no cookies.', 'appointease' ),
		);
		return '<p>' . implode( '</p><p>', $paragraphs ) . '</p>';
	}
}
