/** Citizens' PINs are hashed like every other typed secret (see scrypt-hash.ts). */
export {
	hashSecret as hashPin,
	verifySecret as verifyPin,
	verifyAgainstNothing
} from '$lib/server/crypto/scrypt-hash';
