import { describe, expect, it } from 'vitest';
import { SecretBox } from '../lib/secret-box.js';
import { CsrfTokens } from './csrf.js';
import { checkTotp, currentTotp, newTotpSecret } from './totp.js';

describe('sealed secrets, CSRF tokens and TOTP', () => {
  const box = new SecretBox('s'.repeat(40));

  it('seals a secret so only the same server secret opens it, and detects tampering', () => {
    const sealed = box.seal('JBSWY3DPEHPK3PXP');
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(box.open(sealed)).toBe('JBSWY3DPEHPK3PXP');
    expect(() => new SecretBox('t'.repeat(40)).open(sealed)).toThrow();
    const [iv, tag, body] = sealed.split('.');
    expect(() => box.open([iv, tag, `${body}A`].join('.'))).toThrow();
  });

  it('accepts only CSRF tokens this server issued, echoed exactly', () => {
    const csrf = new CsrfTokens(box);
    const token = csrf.issue();
    expect(csrf.matches(token, token)).toBe(true);
    expect(csrf.matches(token, undefined)).toBe(false);
    expect(csrf.matches(token, csrf.issue())).toBe(false);
    const forged = `${token.split('.')[0]}.AAAA`;
    expect(csrf.matches(forged, forged)).toBe(false);
    expect(new CsrfTokens(new SecretBox('t'.repeat(40))).valid(token)).toBe(false);
  });

  it('accepts the current TOTP code and one step of drift, not older codes', () => {
    const secret = newTotpSecret();
    const now = new Date('2026-11-22T10:00:00Z');
    const step = Math.floor(now.getTime() / 30_000);
    // The answer is the code's own step, which the caller stores so that the code is used once.
    expect(checkTotp(secret, currentTotp(secret, now), now)).toBe(step);
    expect(checkTotp(secret, currentTotp(secret, new Date(now.getTime() - 30_000)), now)).toBe(step - 1);
    expect(checkTotp(secret, currentTotp(secret, new Date(now.getTime() - 120_000)), now)).toBeNull();
  });
});
