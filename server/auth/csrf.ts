import { randomToken } from '../lib/ids.js';
import { SecretBox } from '../lib/secret-box.js';

export const CSRF_COOKIE = 'sro_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/**
 * Double-submit CSRF tokens: a readable cookie `nonce.mac` that the page echoes in a header.
 * The MAC (keyed by the server secret) stops a sibling site from planting a token of its own.
 */
export class CsrfTokens {
  constructor(private readonly box: SecretBox) {}

  /** A fresh token. */
  issue(): string {
    const nonce = randomToken(18);
    return `${nonce}.${this.box.mac(nonce)}`;
  }

  /** True when the token is one this server issued. */
  valid(token: string | undefined): boolean {
    if (!token) return false;
    const [nonce, mac] = token.split('.');
    return !!nonce && !!mac && SecretBox.equal(mac, this.box.mac(nonce));
  }

  /** True when the header repeats a valid cookie token. */
  matches(cookie: string | undefined, header: string | undefined): boolean {
    return !!cookie && !!header && this.valid(cookie) && SecretBox.equal(cookie, header);
  }
}
