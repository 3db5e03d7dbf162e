<?php
/**
 * The booking emails' editable subjects and bodies.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Notifications;

use AppointEase\Settings\Settings;

defined( 'ABSPATH' ) || exit;

/**
 * One subject and one body per event and audience, stored as settings named
 * `email_<event>_<audience>_subject` and `..._body`, e.g.
 * `email_created_customer_subject`. The defaults are translated; an empty
 * body turns that email off. Text between braces, such as `{start}`, is a
 * placeholder (Placeholders lists them).
 */
final class EmailTemplates {

	/** Booking events that send emails, named after their hooks. */
	public const EVENTS = array( 'created', 'confirmed', 'rejected', 'cancelled', 'rescheduled', 'reminder' );

	/**
	 * Events whose email goes to the customer alone: `verify` asks them to
	 * confirm a booking by email (the `require_email_confirmation` setting);
	 * the staff hear of the booking once it is confirmed. `follow_up` goes
	 * a while after a completed appointment (e.g. to ask for a review).
	 */
	public const CUSTOMER_EVENTS = array( 'verify', 'follow_up' );

	/** Who an email is for: the customer, or the staff (the employee and the site admin). */
	public const AUDIENCES = array( 'customer', 'staff' );

	/** Setting: send the staff emails to the booking's employee. */
	public const NOTIFY_EMPLOYEE = 'email_notify_employee';

	/** Setting: send the staff emails to the site's admin email address. */
	public const NOTIFY_ADMIN = 'email_notify_admin';

	/** Setting: send the booking's employee a copy of each reminder (never the admin). */
	public const REMINDER_EMPLOYEE = 'email_reminder_employee';

	/** Setting: send the follow-up email after completed appointments. */
	public const FOLLOW_UP = 'email_follow_up';

	/** Setting: hours after the appointment's end that the follow-up goes out. */
	public const FOLLOW_UP_HOURS = 'email_follow_up_hours';

	/**
	 * The settings' schema: the two switches and every template, with defaults.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public static function settings_schema(): array {
		$schema = array(
			self::NOTIFY_EMPLOYEE   => array(
				'description' => __( 'Email the employee about new, changed and cancelled bookings.', 'appointease' ),
				'type'        => 'boolean',
				'default'     => true,
			),
			self::NOTIFY_ADMIN      => array(
				'description' => __( 'Email the site\'s admin address about new, changed and cancelled bookings.', 'appointease' ),
				'type'        => 'boolean',
				'default'     => true,
			),
			self::REMINDER_EMPLOYEE => array(
				'description' => __( 'Send the employee a copy of each reminder email (the reminder times are under the booking rules).', 'appointease' ),
				'type'        => 'boolean',
				'default'     => false,
			),
			self::FOLLOW_UP         => array(
				'description' => __( 'Send customers a follow-up email after a completed appointment, e.g. to thank them or ask for a review.', 'appointease' ),
				'type'        => 'boolean',
				'default'     => false,
			),
			self::FOLLOW_UP_HOURS   => array(
				'description' => __( 'Hours after the appointment ends that the follow-up email goes out.', 'appointease' ),
				'type'        => 'integer',
				'minimum'     => 1,
				'maximum'     => 720,
				'default'     => 24,
			),
		);
		/* translators: %s: a list of placeholders such as {customer_name}, {start}. */
		$placeholders = sprintf( __( 'Placeholders: %s.', 'appointease' ), implode( ', ', Placeholders::NAMES ) ) . ' ' . __( 'One answer of the booking form: {field:<field id>} (Settings → Booking form shows the ids).', 'appointease' );
		foreach ( array_merge( self::EVENTS, self::CUSTOMER_EVENTS ) as $event ) {
			foreach ( in_array( $event, self::CUSTOMER_EVENTS, true ) ? array( 'customer' ) : self::AUDIENCES as $audience ) {
				$defaults = self::defaults( $event, $audience );
				$schema[ self::key( $event, $audience, 'subject' ) ] = array(
					'description' => self::describe( $event, $audience, 'subject' ) . ' ' . $placeholders,
					'type'        => 'string',
					'maxLength'   => 255,
					'default'     => $defaults['subject'],
				);
				$schema[ self::key( $event, $audience, 'body' ) ]    = array(
					'description' => self::describe( $event, $audience, 'body' ) . ' ' . __( 'Leave it empty to send no such email.', 'appointease' ) . ' ' . $placeholders,
					'type'        => 'string',
					'maxLength'   => 10000,
					'default'     => $defaults['body'],
				);
			}
		}
		return $schema;
	}

	/**
	 * The stored subject and body of one email.
	 *
	 * @param string $event    One of self::EVENTS.
	 * @param string $audience One of self::AUDIENCES.
	 * @return array{subject: string, body: string}
	 */
	public static function template( string $event, string $audience ): array {
		$settings = Settings::all();
		return array(
			'subject' => (string) ( $settings[ self::key( $event, $audience, 'subject' ) ] ?? '' ),
			'body'    => (string) ( $settings[ self::key( $event, $audience, 'body' ) ] ?? '' ),
		);
	}

	/**
	 * The name of a template setting.
	 *
	 * @param string $event    One of self::EVENTS.
	 * @param string $audience One of self::AUDIENCES.
	 * @param string $part     "subject" or "body".
	 */
	public static function key( string $event, string $audience, string $part ): string {
		return 'email_' . $event . '_' . $audience . '_' . $part;
	}

	/**
	 * What a template setting is, for the settings screen.
	 *
	 * @param string $event    One of self::EVENTS.
	 * @param string $audience One of self::AUDIENCES.
	 * @param string $part     "subject" or "body".
	 */
	private static function describe( string $event, string $audience, string $part ): string {
		$when = array(
			'created'     => __( 'a booking is made', 'appointease' ),
			'confirmed'   => __( 'a pending booking is approved', 'appointease' ),
			'rejected'    => __( 'a pending booking is declined', 'appointease' ),
			'cancelled'   => __( 'a booking is cancelled', 'appointease' ),
			'rescheduled' => __( 'a booking is moved to another time', 'appointease' ),
			'verify'      => __( 'a booking waits for the customer to confirm it by email (only with email confirmation on)', 'appointease' ),
			'reminder'    => __( 'a confirmed booking is coming up (at each reminder time; the staff copy only with the employee copy on)', 'appointease' ),
			'follow_up'   => __( 'an appointment was completed (only with the follow-up email on)', 'appointease' ),
		)[ $event ];
		if ( 'customer' === $audience ) {
			return 'subject' === $part
				/* translators: %s: when the email is sent, e.g. "a booking is made". */
				? sprintf( __( 'Subject of the email to the customer when %s.', 'appointease' ), $when )
				/* translators: %s: when the email is sent, e.g. "a booking is made". */
				: sprintf( __( 'Text of the email to the customer when %s.', 'appointease' ), $when );
		}
		return 'subject' === $part
			/* translators: %s: when the email is sent, e.g. "a booking is made". */
			? sprintf( __( 'Subject of the email to the employee and the admin when %s.', 'appointease' ), $when )
			/* translators: %s: when the email is sent, e.g. "a booking is made". */
			: sprintf( __( 'Text of the email to the employee and the admin when %s.', 'appointease' ), $when );
	}

	/**
	 * The default subject and body of one email.
	 *
	 * @param string $event    One of self::EVENTS.
	 * @param string $audience One of self::AUDIENCES.
	 * @return array{subject: string, body: string}
	 */
	private static function defaults( string $event, string $audience ): array {
		return 'customer' === $audience ? self::customer_defaults( $event ) : self::staff_defaults( $event );
	}

	/**
	 * The customer's default emails.
	 *
	 * @param string $event One of self::EVENTS.
	 * @return array{subject: string, body: string}
	 */
	private static function customer_defaults( string $event ): array {
		$when   = __( "{service} with {employee}\n{date}, {start_time}–{end_time} ({timezone})", 'appointease' );
		$manage = __( "To see, cancel or reschedule your booking, open:\n{manage_link}", 'appointease' );
		$again  = __( "You are welcome to book another time:\n{booking_page}", 'appointease' );
		$hello  = __( 'Hello {customer_name},', 'appointease' );
		$bye    = '{site_name}';
		// Empty when customers may change the booking up to its start.
		$policy = '{change_policy}';
		$texts  = array(
			'created'     => array(
				__( 'Your booking: {service} on {date} at {start_time}', 'appointease' ),
				array( $hello, __( 'thank you for your booking.', 'appointease' ), $when . "\n" . __( 'Status: {status}', 'appointease' ), $manage . "\n" . $policy, __( 'The attached calendar file adds the appointment to your calendar.', 'appointease' ), $bye ),
			),
			'confirmed'   => array(
				__( 'Confirmed: {service} on {date} at {start_time}', 'appointease' ),
				array( $hello, __( 'your booking is confirmed.', 'appointease' ), $when, $manage . "\n" . $policy, $bye ),
			),
			'rejected'    => array(
				__( 'Not possible: {service} on {date} at {start_time}', 'appointease' ),
				array( $hello, __( 'we are sorry, but we cannot take this booking:', 'appointease' ), $when, $again, $bye ),
			),
			'cancelled'   => array(
				__( 'Cancelled: {service} on {date} at {start_time}', 'appointease' ),
				array( $hello, __( 'this booking has been cancelled:', 'appointease' ), $when, $again, $bye ),
			),
			'rescheduled' => array(
				__( 'New time: {service} on {date} at {start_time}', 'appointease' ),
				array( $hello, __( 'your booking has moved. It was on {previous_start}; it is now:', 'appointease' ), $when, $manage, $bye ),
			),
			'reminder'    => array(
				__( 'Reminder: {service} on {date} at {start_time}', 'appointease' ),
				array( $hello, __( 'this is a reminder of your appointment:', 'appointease' ), $when, $manage, __( 'The attached calendar file adds the appointment to your calendar.', 'appointease' ), $bye ),
			),
			'follow_up'   => array(
				__( 'Thank you for your visit: {service}', 'appointease' ),
				array( $hello, __( 'thank you for coming to your appointment on {date}. We would be glad to hear how it went, and to see you again:', 'appointease' ), '{booking_page}', $bye ),
			),
			'verify'      => array(
				__( 'Please confirm your booking: {service} on {date} at {start_time}', 'appointease' ),
				array( $hello, __( "please confirm your booking by opening this link within {confirm_minutes} minutes (by {confirm_by}):\n{confirm_link}", 'appointease' ), $when, __( 'Until you confirm it, the time is kept for you; unconfirmed, it is given free again. If you did not make this booking, ignore this email.', 'appointease' ), $bye ),
			),
		)[ $event ];
		return array(
			'subject' => $texts[0],
			'body'    => implode( "\n\n", $texts[1] ) . "\n",
		);
	}

	/**
	 * The staff's default emails.
	 *
	 * @param string $event One of self::EVENTS.
	 * @return array{subject: string, body: string}
	 */
	private static function staff_defaults( string $event ): array {
		$details = implode(
			"\n",
			array(
				__( 'Service: {service}', 'appointease' ),
				__( 'Employee: {employee}', 'appointease' ),
				__( 'Time: {date}, {start_time}–{end_time} ({timezone})', 'appointease' ),
				__( 'Seats: {seats}', 'appointease' ),
				__( 'Status: {status}', 'appointease' ),
				'',
				__( 'Customer: {customer_name}', 'appointease' ),
				__( 'Email: {customer_email}', 'appointease' ),
				__( 'Phone: {customer_phone}', 'appointease' ),
				__( 'Notes: {customer_notes}', 'appointease' ),
				'{fields}',
				'',
				__( 'Booking number: {booking_id}', 'appointease' ),
				__( 'See it in wp-admin: {admin_link}', 'appointease' ),
			)
		);
		$texts   = array(
			'created'     => array( __( '[{site_name}] New booking: {service} on {date} at {start_time}', 'appointease' ), __( 'A new booking was made.', 'appointease' ) ),
			'confirmed'   => array( __( '[{site_name}] Approved: {service} on {date} at {start_time}', 'appointease' ), __( 'A booking was approved.', 'appointease' ) ),
			'rejected'    => array( __( '[{site_name}] Declined: {service} on {date} at {start_time}', 'appointease' ), __( 'A booking was declined.', 'appointease' ) ),
			'cancelled'   => array( __( '[{site_name}] Cancelled: {service} on {date} at {start_time}', 'appointease' ), __( 'A booking was cancelled; its time is free again.', 'appointease' ) ),
			'rescheduled' => array( __( '[{site_name}] Moved: {service} to {date} at {start_time}', 'appointease' ), __( 'A booking was moved from {previous_start} ({previous_employee}).', 'appointease' ) ),
			'reminder'    => array( __( '[{site_name}] Reminder: {service} on {date} at {start_time}', 'appointease' ), __( 'A reminder of this appointment went to the customer.', 'appointease' ) ),
		)[ $event ];
		return array(
			'subject' => $texts[0],
			'body'    => $texts[1] . "\n\n" . $details . "\n",
		);
	}
}
