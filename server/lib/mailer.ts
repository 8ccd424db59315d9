import nodemailer, { type Transporter } from 'nodemailer';

/** One e-mail to send. */
export interface Mail {
  to: string;
  subject: string;
  text: string;
  /** Files sent with the message (scheduled reports). */
  attachments?: { filename: string; contentType: string; content: Buffer }[];
}

/** Sends e-mail over SMTP; without SMTP_URL, mail is not sent and `send` says so. */
export class Mailer {
  private readonly transport: Transporter | null;

  constructor(smtpUrl: string | undefined, private readonly from: string) {
    this.transport = smtpUrl ? nodemailer.createTransport(smtpUrl) : null;
  }

  /** True when an SMTP server is configured. */
  get enabled(): boolean {
    return this.transport !== null;
  }

  /** Sends a message; returns false when no SMTP server is configured. */
  async send(mail: Mail): Promise<boolean> {
    if (!this.transport) return false;
    await this.transport.sendMail({ from: this.from, ...mail });
    return true;
  }

  /** Closes pooled connections. */
  close(): void {
    this.transport?.close();
  }
}
