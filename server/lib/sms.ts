import type { SmsConfig } from '../config.js';
import type { Mailer } from './mailer.js';

/**
 * An outbox address of a text message: the mobile number, followed by `@<carrier gateway domain>` when the
 * user chose one (`5551234567@txt.att.net`). Built at queue time from the user's profile.
 */
export function smsAddress(mobilePhone: string, gateway: string | null): string {
  return gateway ? `${mobilePhone}@${gateway}` : mobilePhone;
}

/** A text message to send: `to` is an outbox SMS address (see `smsAddress`). */
export interface SmsMessage {
  to: string;
  body: string;
}

/** Sends text messages; throws on failure (the outbox retries). Answers the provider's message id when it gives one. */
export interface SmsProvider {
  readonly name: 'http' | 'email-gateway';
  send(message: SmsMessage): Promise<{ providerId: string | null }>;
}

/** Text messages are short: one body of at most 480 characters (three SMS segments). */
export const SMS_MAX = 480;

function numberOf(address: string): string {
  return address.split('@')[0]!;
}

/**
 * The common REST shape of SMS APIs (Twilio and those copying it): POST form-encoded `To`, `From`, `Body` to
 * the configured URL with HTTP basic authentication (account SID : token). A 2xx answer is delivery to the
 * provider; its JSON `sid` (if any) is kept as the provider's id.
 */
export class HttpSmsProvider implements SmsProvider {
  readonly name = 'http' as const;

  constructor(private readonly config: { url: string; account: string; token: string; from: string }, private readonly timeoutMs = 10_000) {}

  async send(message: SmsMessage): Promise<{ providerId: string | null }> {
    const response = await fetch(this.config.url, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${this.config.account}:${this.config.token}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
      },
      body: new URLSearchParams({ To: numberOf(message.to), From: this.config.from, Body: message.body.slice(0, SMS_MAX) }).toString(),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`SMS provider answered ${response.status}: ${text.slice(0, 200)}`);
    try {
      const sid = (JSON.parse(text) as { sid?: unknown }).sid;
      return { providerId: typeof sid === 'string' ? sid.slice(0, 100) : null };
    } catch {
      return { providerId: null };
    }
  }
}

/**
 * Carriers' e-mail-to-SMS gateways: the message is e-mailed, without a subject, to `<10 digits>@<gateway>`
 * through the app's mailer. A number without a gateway cannot be reached this way (the attempt fails, shown).
 */
export class EmailGatewaySmsProvider implements SmsProvider {
  readonly name = 'email-gateway' as const;

  constructor(private readonly mailer: Mailer) {}

  async send(message: SmsMessage): Promise<{ providerId: string | null }> {
    const [number, gateway] = message.to.split('@');
    if (!gateway) throw new Error('No carrier gateway chosen for this number (SMS_PROVIDER=email-gateway)');
    let digits = number!.replace(/\D/g, '');
    if (digits.length === 11 && digits.startsWith('1')) digits = digits.slice(1);
    if (!(await this.mailer.send({ to: `${digits}@${gateway}`, subject: '', text: message.body.slice(0, SMS_MAX) }))) {
      throw new Error('SMTP is not configured: the e-mail-to-SMS gateway cannot be reached');
    }
    return { providerId: null };
  }
}

/** The provider configured by SMS_PROVIDER, or null (text messages then wait in the outbox). */
export function createSmsProvider(config: SmsConfig | undefined, mailer: Mailer): SmsProvider | null {
  if (!config) return null;
  return config.provider === 'http' ? new HttpSmsProvider(config) : new EmailGatewaySmsProvider(mailer);
}
