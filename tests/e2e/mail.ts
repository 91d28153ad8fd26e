/** Where the end-to-end run's mail server listens and keeps what it receives. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const PORT = Number(process.env.E2E_PORT ?? 4173);

export const E2E_MAIL = {
	port: Number(process.env.E2E_SMTP_PORT ?? PORT + 1),
	dir: `${process.env.E2E_DATA_DIR ?? '/tmp/ventanilla-e2e-data'}-correo`
};

/** The raw messages received so far that contain `text` (e.g. a radicado). */
export function mailWith(text: string): string[] {
	let names: string[];
	try {
		names = readdirSync(E2E_MAIL.dir);
	} catch {
		return [];
	}
	return names
		.map((name) => readFileSync(path.join(E2E_MAIL.dir, name), 'utf8'))
		.filter((raw) => raw.includes(text));
}
