/**
 * Citizens' PINs are hashed like every other typed secret (see scrypt-hash.ts), in the citizens'
 * lane: behind officials' sign-ins, and refused at once ({@link HashingBusyError}) when too many
 * are waiting.
 */
import {
	hashSecret,
	verifyAgainstNothing as verifyNothing,
	verifySecret
} from '$lib/server/crypto/scrypt-hash';

export { HashingBusyError } from '$lib/server/crypto/scrypt-hash';

export const hashPin = (pin: string) => hashSecret(pin, 'citizen');
export const verifyPin = (pin: string, stored: string) => verifySecret(pin, stored, 'citizen');
export const verifyAgainstNothing = (pin: string) => verifyNothing(pin, 'citizen');
