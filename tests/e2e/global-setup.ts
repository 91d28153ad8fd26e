/**
 * Starts the mail server the portal under test sends through (`SMTP_URL` in the config), so a
 * journey can read what a citizen who chose e-mail received.
 */
import { rmSync } from 'node:fs';
import { startMailSink } from '../helpers/mail-sink.js';
import { E2E_MAIL } from './mail';

export default async function globalSetup(): Promise<() => Promise<void>> {
	rmSync(E2E_MAIL.dir, { recursive: true, force: true });
	return startMailSink(E2E_MAIL.port, E2E_MAIL.dir);
}
