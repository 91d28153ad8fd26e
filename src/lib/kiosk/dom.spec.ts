import { describe, expect, it } from 'vitest';
import { linkRule, readableAddress } from './dom';

const origin = 'https://ventanilla.puertoguzman.gov.co';

describe('kiosk link rules', () => {
	it('keeps links inside the portal and turns the rest into text with the address', () => {
		expect(linkRule('/tramites', origin)).toBe('keep');
		expect(linkRule(`${origin}/noticias/x`, origin)).toBe('keep');
		expect(linkRule('https://www.gov.co/home/', origin)).toBe('external');
		expect(linkRule('mailto:contacto@puertoguzman.gov.co', origin)).toBe('external');
		expect(linkRule('tel:+5788888888', origin)).toBe('external');
		expect(linkRule('//evil.example/', origin)).toBe('external');
		expect(readableAddress('https://www.gov.co/home/', origin)).toBe('www.gov.co/home/');
		expect(readableAddress('mailto:contacto@puertoguzman.gov.co', origin)).toBe(
			'contacto@puertoguzman.gov.co'
		);
	});

	it('hides the back office and the officials workspace', () => {
		expect(linkRule('/gestion/ingresar', origin)).toBe('hidden');
		expect(linkRule('/gestion', origin)).toBe('hidden');
		expect(linkRule('/trabajo', origin)).toBe('hidden');
		expect(linkRule('/gestionar-algo', origin)).toBe('keep');
	});
});
