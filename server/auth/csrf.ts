import { randomToken } from '../lib/ids.js';
import { SecretBox } from '../lib/secret-box.js';

export const CSRF_COOKIE = 'sro_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/**
 * Double-submit CSRF tokens: a readable cookie `nonce.mac` that the page echoes in a header.
 * The MAC (keyed by the server secret) covers the nonce and the session it belongs to (the hash of the
 * session cookie, or nothing before sign-in): a sibling site cannot plant a token of its own, and a token
 * read before sign-in, or from another session, is worthless once the session changes.
 */
export class CsrfTokens {
  constructor(private readonly box: SecretBox) {}

  /** A fresh token bound to `session` (the session token's hash; empty before sign-in). */
  issue(session = ''): string {
    const nonce = randomToken(18);
    return `${nonce}.${this.box.mac(`${nonce}|${session}`)}`;
  }

  /** True when the token is one this server issued for `session`. */
  valid(token: string | undefined, session = ''): boolean {
    if (!token) return false;
    const [nonce, mac] = token.split('.');
    return !!nonce && !!mac && SecretBox.equal(mac, this.box.mac(`${nonce}|${session}`));
  }

  /** True when the header repeats a cookie token valid for `session`. */
  matches(cookie: string | undefined, header: string | undefined, session = ''): boolean {
    return !!cookie && !!header && this.valid(cookie, session) && SecretBox.equal(cookie, header);
  }
}
