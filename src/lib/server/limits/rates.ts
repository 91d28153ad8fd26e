/**
 * Every rate limit of the portal, in one place, shared by all app servers through the store
 * (see shared-limit.ts). What each protects and why its figures:
 *
 * | limit                  | key                        | allows                                 |
 * | ---------------------- | -------------------------- | -------------------------------------- |
 * | sign-in attempts       | client address             | `LOGIN_ATTEMPTS_PER_MINUTE` a minute   |
 * | sign-in failures       | account (unknown device)   | 5 in 15 min, 10 an hour, 20 a day      |
 * | sign-in failures       | account + known device     | 10 in 15 min                           |
 * | tracking lookups       | client address             | `TRACKING_LOOKUPS_PER_MINUTE` a minute (≥ 50, one full request) |
 * | PIN guesses            | request (or typed code)    | 5 an hour, 20 a day: wrong PINs only   |
 * | filings                | client address             | 30 in 10 min, 120 a day                |
 * | filings                | enrolled kiosk             | 60 in 10 min                           |
 * | attachment pieces      | client address             | 120 in 10 min, 400 a day (a request    |
 * |                        |                            | with five of the largest: 105 pieces)  |
 * | consulta answers       | client address             | 30 in 10 min, 300 a day                |
 * | comments               | client address             | 10 a minute, 100 a day                 |
 * | kiosk activation codes | client address             | 20 a minute                            |
 *
 * `RATE_LIMIT_FACTOR` (default 1) multiplies every figure.
 *
 * An official's own filings (field capture, signed in) are not limited. Kiosks file under
 * their enrolment, not the alcaldía's shared address, so a busy kiosk and the citizens on the
 * alcaldía's Wi-Fi do not share one allowance.
 */
import { config } from '$lib/server/config';
import { LIMITS } from '$lib/policy';
import { SharedLimit, type LimitWindow } from './shared-limit';

const MIN = 60;
const HOUR = 3600;
const DAY = 86_400;

let made: ReturnType<typeof makeRates> | undefined;

function makeRates() {
	const {
		LOGIN_ATTEMPTS_PER_MINUTE: logins,
		TRACKING_LOOKUPS_PER_MINUTE: lookups,
		RATE_LIMIT_FACTOR: factor
	} = config();
	// RATE_LIMIT_FACTOR scales every allowance: for a portal where far more people share one
	// address than Puerto Guzmán's, and for test servers that file thousands of requests.
	const scaled = (windows: LimitWindow[]) =>
		windows.map((w) => ({ ...w, max: Math.max(1, Math.round(w.max * factor)) }));
	return {
		signInByAddress: new SharedLimit({
			name: 'ingreso-direccion',
			windows: scaled([{ seconds: MIN, max: logins }])
		}),
		/**
		 * Escalating, so guessing stays slow (at most 20 a day) while an official who mistypes
		 * waits minutes, not days; and only for devices the account never signed in from, so an
		 * attacker cannot lock an official out of their usual computer (see login.ts).
		 */
		signInFailuresByAccount: new SharedLimit({
			name: 'ingreso-cuenta',
			windows: scaled([
				{ seconds: 15 * MIN, max: 5 },
				{ seconds: HOUR, max: 10 },
				{ seconds: DAY, max: 20 }
			])
		}),
		signInFailuresByKnownDevice: new SharedLimit({
			name: 'ingreso-equipo',
			windows: scaled([{ seconds: 15 * MIN, max: 10 }])
		}),
		trackingByAddress: new SharedLimit({
			name: 'seguimiento-direccion',
			windows: scaled([{ seconds: MIN, max: Math.max(LIMITS.trackingItems, lookups) }])
		}),
		/** 20 a day: a 6-digit PIN takes on average 68 years of guessing at full speed. */
		pinGuessesByRequest: new SharedLimit({
			name: 'pin-solicitud',
			windows: scaled([
				{ seconds: HOUR, max: 5 },
				{ seconds: DAY, max: 20 }
			])
		}),
		filingsByAddress: new SharedLimit({
			name: 'radicacion-direccion',
			windows: scaled([
				{ seconds: 10 * MIN, max: 30 },
				{ seconds: DAY, max: 120 }
			])
		}),
		filingsByKiosk: new SharedLimit({
			name: 'radicacion-kiosco',
			windows: scaled([{ seconds: 10 * MIN, max: 60 }])
		}),
		piecesByAddress: new SharedLimit({
			name: 'trozo-direccion',
			windows: scaled([
				{ seconds: 10 * MIN, max: 120 },
				{ seconds: DAY, max: 400 }
			])
		}),
		answersByAddress: new SharedLimit({
			name: 'consulta-direccion',
			windows: scaled([
				{ seconds: 10 * MIN, max: 30 },
				{ seconds: DAY, max: 300 }
			])
		}),
		commentsByAddress: new SharedLimit({
			name: 'comentario-direccion',
			windows: scaled([
				{ seconds: MIN, max: 10 },
				{ seconds: DAY, max: 100 }
			])
		}),
		kioskActivationByAddress: new SharedLimit({
			name: 'kiosco-activacion',
			windows: scaled([{ seconds: MIN, max: 20 }])
		})
	};
}

/** The limits, made on first use (they read the configuration). */
export function rates(): ReturnType<typeof makeRates> {
	made ??= makeRates();
	return made;
}
