import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Encrypts and authenticates small secrets (TOTP seeds) at rest with a key derived from the session secret. */
export class SecretBox {
  private readonly key: Buffer;
  private readonly macKey: Buffer;

  constructor(secret: string) {
    this.key = createHash('sha256').update(`srodesk:box:${secret}`).digest();
    this.macKey = createHash('sha256').update(`srodesk:mac:${secret}`).digest();
  }

  /** AES-256-GCM; the result is `iv.tag.ciphertext` in base64url. */
  seal(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url')).join('.');
  }

  /** The plain text of a sealed value; throws when it was tampered with. */
  open(sealed: string): string {
    const [iv, tag, body] = sealed.split('.').map((p) => Buffer.from(p, 'base64url'));
    if (!iv || !tag || !body) throw new Error('malformed sealed value');
    const decipher = createDecipheriv('aes-256-gcm', this.key, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
  }

  /** HMAC-SHA256 of `value`, base64url. */
  mac(value: string): string {
    return createHmac('sha256', this.macKey).update(value).digest('base64url');
  }

  /** Constant-time comparison of two strings. */
  static equal(a: string, b: string): boolean {
    const x = Buffer.from(a);
    const y = Buffer.from(b);
    return x.length === y.length && timingSafeEqual(x, y);
  }
}
