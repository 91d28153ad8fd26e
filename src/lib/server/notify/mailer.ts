/**
 * Sending mail through the operator's SMTP server (`SMTP_URL`), with nodemailer. One transport
 * per URL, kept while the URL stays the same. Unset `SMTP_URL` means this server sends no mail.
 */
import nodemailer, { type Transporter } from 'nodemailer';
import { config } from '$lib/server/config';

let kept: { url: string; transport: Transporter } | null = null;

/** True when this server can send mail at all. */
export const mailConfigured = (): boolean => !!config().SMTP_URL;

/**
 * Hands one message to the SMTP server; resolves with its id once the server accepted it.
 * @throws when there is no SMTP server or it refused or could not be reached.
 */
export async function sendMail(message: {
	to: string;
	subject: string;
	text: string;
}): Promise<string> {
	const { SMTP_URL: url, MAIL_FROM: from } = config();
	if (!url) throw new Error('SMTP_URL no está configurado');
	const info = await transportFor(url).sendMail({ from, ...message });
	return String(info.messageId ?? '');
}

function transportFor(url: string): Transporter {
	if (kept?.url === url) return kept.transport;
	kept?.transport.close();
	// Short timeouts: a stalled mail server must not hold a delivery round for minutes.
	const transport = nodemailer.createTransport({
		url,
		connectionTimeout: 10_000,
		greetingTimeout: 10_000,
		socketTimeout: 20_000
	});
	kept = { url, transport };
	return transport;
}
