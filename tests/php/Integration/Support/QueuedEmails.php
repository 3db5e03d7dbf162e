<?php
/**
 * Takes the emails waiting in the outbox, as the sender would, without SMTP.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Support;

use AppointEase\Notifications\Outbox;

/**
 * For tests about which emails go out and what they say, not how: each
 * due outbox row is claimed and removed as if it had been sent, and given
 * back in wp_mail's terms (to, subject, message = the plain-text part, html,
 * headers, attachments = file names, files = name => content). Skipping
 * SMTP keeps them fast; EmailsTest and OutboxTest read real emails from
 * maildev.
 */
final class QueuedEmails {

	/**
	 * Every due email, oldest first, taken out of the outbox.
	 *
	 * @return array<int, array<string, mixed>>
	 */
	public static function take(): array {
		$outbox = new Outbox();
		$taken  = array();
		for ( $row = $outbox->claim( time() ); null !== $row; $row = $outbox->claim( time() ) ) {
			$outbox->sent( $row );
			$taken[] = array(
				'to'          => $row['to'],
				'subject'     => $row['subject'],
				'message'     => $row['text'],
				'html'        => $row['html'],
				'headers'     => $row['headers'],
				'attachments' => array_keys( $row['files'] ),
				'files'       => $row['files'],
			);
		}
		return $taken;
	}
}
