import { describe, expect, it } from 'vitest';
import { priorityOf } from './priority';

describe('priorityOf', () => {
	it('puts a child or adolescent first from the document alone', () => {
		expect(priorityOf({ documentType: 'TI' })).toBe('menor');
		expect(priorityOf({ documentType: 'RC', priority: 'perjuicio-irremediable' })).toBe('menor');
	});

	it('puts first an adult who asks for preferential attention or to avoid irreparable harm', () => {
		expect(priorityOf({ documentType: 'CC', priority: 'preferente' })).toBe('preferente');
		expect(priorityOf({ documentType: 'CE', priority: 'perjuicio-irremediable' })).toBe(
			'perjuicio-irremediable'
		);
	});

	it('gives no priority to an adult who asks none, nor to an anonymous request', () => {
		expect(priorityOf({ documentType: 'CC' })).toBeNull();
		expect(priorityOf({ documentType: 'NIT' })).toBeNull();
		expect(priorityOf(undefined)).toBeNull();
	});
});
