import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RADICADO_PREFIX, isRadicadoPrefix, outgoingPrefix } from '$lib/domain/radicado';
import { ConfigError, envSchema, MAX_WORKERS, parseConfig } from './config.js';

const problemsOf = (env: Record<string, string>) => {
	try {
		parseConfig(env);
	} catch (e) {
		if (e instanceof ConfigError) return e.problems;
		throw e;
	}
	return [];
};

describe('parseConfig', () => {
	it('gives the documented defaults for an empty environment', () => {
		const c = parseConfig({});
		expect(c).toMatchObject({
			PORT: 3000,
			HOST: '0.0.0.0',
			DATA_DIR: './data',
			RADICADO_PREFIX: DEFAULT_RADICADO_PREFIX,
			TRACKING_LOOKUPS_PER_MINUTE: 30,
			SESSION_HOURS: 12,
			LOGIN_ATTEMPTS_PER_MINUTE: 10,
			ADMIN_NOMBRE: 'Administrador',
			KIOSK_CODE_HOURS: 24,
			BODY_SIZE_LIMIT: '12M'
		});
		expect(c.COUCHDB_URL).toBeUndefined();
	});

	it('treats an empty variable as unset', () => {
		expect(parseConfig({ PORT: '', COUCHDB_URL: '' })).toMatchObject({ PORT: 3000 });
	});

	it('reads numbers, fractions of an hour included', () => {
		const c = parseConfig({ PORT: '8080', SESSION_HOURS: '0.5', KIOSK_CODE_HOURS: '0.001' });
		expect(c).toMatchObject({ PORT: 8080, SESSION_HOURS: 0.5, KIOSK_CODE_HOURS: 0.001 });
	});

	it('stops with a Spanish sentence per bad variable, naming it', () => {
		const problems = problemsOf({
			PORT: 'ochenta',
			SESSION_HOURS: '-1',
			RADICADO_PREFIX: 'pg',
			BODY_SIZE_LIMIT: '1M'
		});
		expect(problems).toHaveLength(4);
		expect(problems[0]).toBe('PORT ("ochenta") debe ser un número de puerto entre 1 y 65535.');
		expect(problems.join(' ')).toMatch(/SESSION_HOURS .* debe ser un número de horas/);
		expect(problems.join(' ')).toMatch(/RADICADO_PREFIX \("pg"\) debe ser de 2 a 6 letras/);
		expect(problems.join(' ')).toMatch(/BODY_SIZE_LIMIT .* al menos 11 MB/);
	});

	it('never prints the store credentials or the first administrator password', () => {
		const problems = problemsOf({ COUCHDB_URL: 'ftp://admin:secreto@couch', ADMIN_CLAVE: ' ' });
		expect(problems.join(' ')).toContain('COUCHDB_URL debe ser una URL');
		expect(problems.join(' ')).not.toContain('secreto');
	});

	it('refuses settings that were removed, saying what replaces them', () => {
		const [problem] = problemsOf({ ADMIN_TOKEN: 'un-token-cualquiera-largo' });
		expect(problem).toMatch(/^ADMIN_TOKEN ya no existe/);
	});

	it('runs one app process per usable core (less the embedded store’s) unless WORKERS says otherwise', () => {
		const cores = Math.min(availableParallelism(), MAX_WORKERS);
		expect(parseConfig({}).WORKERS).toBe(Math.max(1, cores - 1));
		expect(parseConfig({ COUCHDB_URL: 'http://couch:5984' }).WORKERS).toBe(cores);
		expect(parseConfig({ WORKERS: '' }).WORKERS).toBe(parseConfig({}).WORKERS);
		expect(parseConfig({ WORKERS: '1' }).WORKERS).toBe(1);
		expect(parseConfig({ WORKERS: ' 3 ' }).WORKERS).toBe(3);
		expect(parseConfig({ WORKERS: String(MAX_WORKERS) }).WORKERS).toBe(MAX_WORKERS);
	});

	it('refuses a WORKERS that is not a whole number of processes within reason', () => {
		for (const bad of ['0', '-2', '1.5', 'dos', 'auto', String(MAX_WORKERS + 1), 'Infinity']) {
			expect(problemsOf({ WORKERS: bad })).toEqual([
				`WORKERS (${JSON.stringify(bad)}) debe ser un número entero de procesos de la aplicación entre 1 y ${MAX_WORKERS}.`
			]);
		}
	});

	it('takes scrypt work factors that are powers of two from 2^10 to 2^17, 2^14 by default', () => {
		expect(parseConfig({}).SCRYPT_N).toBe(16_384);
		expect(parseConfig({ SCRYPT_N: '1024' }).SCRYPT_N).toBe(1024);
		expect(parseConfig({ SCRYPT_N: '131072' }).SCRYPT_N).toBe(131_072);
		for (const bad of ['512', '262144', '16000', '0', 'mucho']) {
			expect(problemsOf({ SCRYPT_N: bad })).toEqual([
				`SCRYPT_N (${JSON.stringify(bad)}) debe ser una potencia de 2 de 1024 a 131072, p. ej. 16384.`
			]);
		}
	});

	it('accepts as radicado prefix exactly what has a series of entry and one of its own for what is sent', () => {
		const hasBothBooks = (prefix: string) => {
			try {
				return isRadicadoPrefix(prefix) && outgoingPrefix(prefix) !== prefix;
			} catch {
				return false;
			}
		};
		for (const prefix of ['PG', 'MOCOA', 'ABCDEF', 'ABCDES', 'PGS', 'P', 'ABCDEFG', 'P1', 'pg']) {
			expect(problemsOf({ RADICADO_PREFIX: prefix }).length === 0, prefix).toBe(
				hasBothBooks(prefix)
			);
		}
	});
});

describe('README', () => {
	it('documents every setting, and only those', () => {
		const readme = readFileSync('README.md', 'utf8');
		const section = readme.slice(
			readme.indexOf('## Configuration'),
			readme.indexOf('\n## ', readme.indexOf('## Configuration') + 5)
		);
		const documented = [...section.matchAll(/^\| `([A-Z_]+)`/gm)].map((m) => m[1]).sort();
		expect(documented).toEqual(Object.keys(envSchema.shape).sort());
	});
});
