/**
 * The second factor: time-based one-time codes (RFC 6238) as every
 * authenticator app reads them, the QR code that enrols an app, and the
 * single-use recovery codes for a lost phone.
 */
import { createHash, randomInt } from 'node:crypto';
import { HOTP, Secret, TOTP } from 'otpauth';

// What authenticator apps assume when a URI does not say otherwise; some ignore the URI and assume it anyway.
const ALGORITHM = 'SHA1';
const DIGITS = 6;
const PERIOD_SECONDS = 30;
/** Steps either side of now still accepted: a phone clock off by up to 30 s, or a code typed as it changed. */
const WINDOW_STEPS = 1;
const CODE_PATTERN = new RegExp(`^\\d{${DIGITS}}$`);

/** Makes a new shared secret for an authenticator app: 160 random bits (RFC 4226's recommended length), base32. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The `otpauth://` URI an authenticator app enrols from (shown as a QR code, or typed by hand). */
export function totpUri(secret: string, email: string): string {
  return new TOTP({
    issuer: 'Vigil', label: email, secret: Secret.fromBase32(secret),
    algorithm: ALGORITHM, digits: DIGITS, period: PERIOD_SECONDS,
  }).toString();
}

/**
 * Checks a typed code. Returns the time step it belongs to, which the caller
 * stores as the new `lastStep`, or null. A step at or before `lastStep` is
 * refused, so a code seen over someone's shoulder cannot be used again.
 * Throws only when `secret` is not base32, which means a corrupt record.
 */
export function checkTotp(secret: string, code: string, lastStep: number | null, now = Date.now()): number | null {
  const token = code.replace(/[\s-]/g, '');
  if (!CODE_PATTERN.test(token)) return null;
  const key = Secret.fromBase32(secret);
  const current = Math.floor(now / 1000 / PERIOD_SECONDS);
  for (let step = current - WINDOW_STEPS; step <= current + WINDOW_STEPS; step++) {
    if (lastStep !== null && step <= lastStep) continue;
    // otpauth compares in constant time; window 0 tests exactly this step.
    if (HOTP.validate({ token, secret: key, algorithm: ALGORITHM, digits: DIGITS, counter: step, window: 0 }) === 0) return step;
  }
  return null;
}

/**
 * Draws `text` as a QR code in an SVG string, on the server: no other host is
 * asked, and the markup is plain paths with no script or style attribute, so
 * it can sit inside a page whose CSP forbids both.
 */
export async function qrSvg(text: string): Promise<string> {
  // Loaded here: only the enrolment page draws QR codes.
  const { default: QRCode } = await import('qrcode');
  return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}

/** Letters and digits that cannot be misread for one another: no 0/o, 1/l/i. */
const RECOVERY_ALPHABET = '23456789abcdefghjkmnpqrstuvwxyz';
const RECOVERY_GROUPS = 3;
const RECOVERY_GROUP_LENGTH = 4;

function newRecoveryCode(): string {
  const groups: string[] = [];
  for (let g = 0; g < RECOVERY_GROUPS; g++) {
    let group = '';
    // randomInt draws without modulo bias.
    for (let i = 0; i < RECOVERY_GROUP_LENGTH; i++) group += RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)];
    groups.push(group);
  }
  return groups.join('-');
}

/** Makes a set of distinct single-use recovery codes, shown once to the person, like `7k3m-q9xp-2wtd` (about 59 random bits each). */
export function newRecoveryCodes(count = 10): string[] {
  const codes = new Set<string>();
  while (codes.size < count) codes.add(newRecoveryCode());
  return [...codes];
}

/** A recovery code as stored and compared: lower case, without the spaces and dashes people type or leave out. */
export function normaliseRecoveryCode(code: string): string {
  return code.normalize('NFKC').toLowerCase().replace(/[\s-]/g, '');
}

/**
 * What the database keeps of a recovery code: SHA-256 hex of its normal form.
 * A fast unsalted hash is enough because the codes are random and long, not
 * chosen by people, so there is no dictionary to try.
 */
export function hashRecoveryCode(code: string): string {
  return createHash('sha256').update(normaliseRecoveryCode(code)).digest('hex');
}
