/** One-time codes as authenticator apps make them, used once each; the enrolment QR code; recovery codes. */
import { Secret, TOTP, URI } from 'otpauth';
import { describe, expect, it } from 'vitest';
import {
  checkTotp, hashRecoveryCode, newRecoveryCodes, newTotpSecret, normaliseRecoveryCode, qrSvg, totpUri,
} from '../../src/access/two-factor.ts';

const STEP_MS = 30_000;
// A fixed moment in the middle of a time step, so ±1 step never crosses into another by rounding.
const NOW = 1_750_000_005_000;
const NOW_STEP = Math.floor(NOW / STEP_MS);

/** The code an authenticator app shows at `timestamp` for `secret`. */
function appCode(secret: string, timestamp: number): string {
  return TOTP.generate({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30, timestamp });
}

describe('TOTP secrets and URIs', () => {
  it('makes a new 160-bit base32 secret each time', () => {
    const a = newTotpSecret();
    expect(a).toMatch(/^[A-Z2-7]{32}$/);
    expect(Secret.fromBase32(a).bytes).toHaveLength(20);
    expect(newTotpSecret()).not.toBe(a);
  });

  it('writes the URI apps expect: issuer Vigil, SHA-1, 6 digits, 30 s', () => {
    const secret = newTotpSecret();
    const uri = totpUri(secret, 'amina@example.org');
    expect(uri.startsWith('otpauth://totp/Vigil:amina%40example.org?')).toBe(true);
    const parsed = URI.parse(uri);
    expect(parsed).toBeInstanceOf(TOTP);
    expect(parsed).toMatchObject({ issuer: 'Vigil', label: 'amina@example.org', algorithm: 'SHA1', digits: 6 });
    expect((parsed as TOTP).period).toBe(30);
    expect(parsed.secret.base32).toBe(secret);
  });
});

describe('checkTotp', () => {
  // Fixed secrets keep the test deterministic: a random one could, once in a million runs, make a "wrong" code right.
  const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
  const otherSecret = 'MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U';

  it("accepts the app's code for now and returns its time step", () => {
    expect(checkTotp(secret, appCode(secret, NOW), null, NOW)).toBe(NOW_STEP);
  });

  it('accepts the previous and the next step, for clocks a little apart', () => {
    expect(checkTotp(secret, appCode(secret, NOW - STEP_MS), null, NOW)).toBe(NOW_STEP - 1);
    expect(checkTotp(secret, appCode(secret, NOW + STEP_MS), null, NOW)).toBe(NOW_STEP + 1);
  });

  it('refuses codes two steps away', () => {
    expect(checkTotp(secret, appCode(secret, NOW - 2 * STEP_MS), null, NOW)).toBeNull();
    expect(checkTotp(secret, appCode(secret, NOW + 2 * STEP_MS), null, NOW)).toBeNull();
  });

  it('refuses a code of a step already used, or of an earlier one', () => {
    const code = appCode(secret, NOW);
    const step = checkTotp(secret, code, null, NOW);
    expect(step).toBe(NOW_STEP);
    expect(checkTotp(secret, code, step, NOW)).toBeNull();
    expect(checkTotp(secret, code, step, NOW + 10_000)).toBeNull();
    expect(checkTotp(secret, appCode(secret, NOW - STEP_MS), step, NOW)).toBeNull();
    // The next step's code still works once.
    expect(checkTotp(secret, appCode(secret, NOW + STEP_MS), step, NOW + STEP_MS)).toBe(NOW_STEP + 1);
  });

  it('accepts a code typed with spaces or a dash', () => {
    const code = appCode(secret, NOW);
    expect(checkTotp(secret, `${code.slice(0, 3)} ${code.slice(3)}`, null, NOW)).toBe(NOW_STEP);
    expect(checkTotp(secret, ` ${code.slice(0, 3)}-${code.slice(3)} `, null, NOW)).toBe(NOW_STEP);
  });

  it('refuses wrong codes, other secrets and text that is not a code', () => {
    const code = appCode(secret, NOW);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    expect(checkTotp(secret, wrong, null, NOW)).toBeNull();
    expect(checkTotp(otherSecret, code, null, NOW)).toBeNull();
    for (const junk of ['', '12345', '1234567', 'abcdef', `${code}0`, '7k3m-q9xp-2wtd']) expect(checkTotp(secret, junk, null, NOW), junk).toBeNull();
  });
});

describe('qrSvg', () => {
  it('draws the QR code as an SVG string with no script and no style attribute', async () => {
    const svg = await qrSvg(totpUri(newTotpSecret(), 'amina@example.org'));
    expect(svg.trimStart().startsWith('<svg')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(svg).not.toMatch(/<script/i);
    expect(svg).not.toMatch(/\son\w+\s*=/i);
    expect(svg).not.toMatch(/style\s*=/i);
    expect(svg).not.toMatch(/(?:href|src)\s*=/i);
  });
});

describe('recovery codes', () => {
  it('makes distinct codes in readable groups without misreadable characters', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[2-9a-hjkmnp-z]{4}-[2-9a-hjkmnp-z]{4}-[2-9a-hjkmnp-z]{4}$/);
    expect(newRecoveryCodes(3)).toHaveLength(3);
    const many = newRecoveryCodes(2000);
    expect(new Set(many).size).toBe(2000);
    expect(many.join('')).not.toMatch(/[01ilo]/);
  });

  it('normalises and hashes a code the same way however it is typed', () => {
    const [code] = newRecoveryCodes(1);
    const hash = hashRecoveryCode(code!);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(normaliseRecoveryCode(code!)).toBe(code!.replace(/-/g, ''));
    for (const typed of [code!.toUpperCase(), code!.replace(/-/g, ' '), code!.replace(/-/g, ''), ` ${code!} `]) {
      expect(normaliseRecoveryCode(typed), typed).toBe(normaliseRecoveryCode(code!));
      expect(hashRecoveryCode(typed), typed).toBe(hash);
    }
    expect(hashRecoveryCode('7k3m-q9xp-2wtd')).toBe(hashRecoveryCode('7K3M Q9XP 2WTD'));
    expect(hashRecoveryCode('7k3m-q9xp-2wtd')).not.toBe(hashRecoveryCode('7k3m-q9xp-2wte'));
  });
});
