import { SMTPServer } from 'smtp-server';

/** One message as the test SMTP server received it. */
export interface ReceivedMail {
  /** Envelope sender and recipients (what the client said in MAIL FROM / RCPT TO). */
  from: string;
  to: string[];
  /** Decoded headers, lower-case names; a repeated header keeps its last value. */
  headers: Record<string, string>;
  subject: string;
  /** The plain-text body, transfer encoding undone (quoted-printable or base64). */
  text: string;
  /** The message exactly as sent. */
  raw: string;
  /** Parts sent as attachments, decoded. */
  attachments: { filename: string; contentType: string; content: Buffer }[];
}

/** A running test SMTP server. */
export interface TestSmtpServer {
  /** The URL for SMTP_URL / createTestApp({ smtpUrl }). */
  url: string;
  port: number;
  messages: ReceivedMail[];
  /** Resolves with the first message (received or yet to come) to `address`; rejects after `timeoutMs`. */
  waitFor(address: string, timeoutMs?: number): Promise<ReceivedMail>;
  close(): Promise<void>;
}

/**
 * Starts an in-process SMTP server on a random port of 127.0.0.1 that keeps every message. STARTTLS and
 * AUTH are disabled, so nodemailer neither upgrades nor logs in: plain SMTP as a relay on a LAN would be.
 * `port` restarts a server where a closed one was (an SMTP server coming back after an outage).
 */
export async function startSmtpServer(options: { port?: number } = {}): Promise<TestSmtpServer> {
  const messages: ReceivedMail[] = [];
  const waiters: { address: string; resolve: (m: ReceivedMail) => void }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const envelopeFrom = session.envelope.mailFrom;
        const mail = parseMail(
          Buffer.concat(chunks).toString('utf8'),
          envelopeFrom ? envelopeFrom.address : '',
          session.envelope.rcptTo.map((r) => r.address),
        );
        messages.push(mail);
        for (const waiter of [...waiters]) {
          if (mail.to.includes(waiter.address)) {
            waiters.splice(waiters.indexOf(waiter), 1);
            waiter.resolve(mail);
          }
        }
        callback();
      });
    },
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.on('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve((server.server.address() as { port: number }).port));
  });
  return {
    url: `smtp://127.0.0.1:${port}/?ignoreTLS=true`,
    port,
    messages,
    waitFor(address, timeoutMs = 5000) {
      const found = messages.find((m) => m.to.includes(address));
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no mail to ${address} within ${timeoutMs} ms`)), timeoutMs);
        waiters.push({ address, resolve: (m) => { clearTimeout(timer); resolve(m); } });
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A small parser for what nodemailer sends: one text part (or a multipart whose first text/plain part is taken). */
export function parseMail(raw: string, from: string, to: string[]): ReceivedMail {
  const { headers, body } = splitHeaders(raw);
  let text = body;
  let contentType = headers['content-type'] ?? 'text/plain';
  let encoding = headers['content-transfer-encoding'] ?? '7bit';
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  const attachments: ReceivedMail['attachments'] = [];
  if (contentType.startsWith('multipart/') && boundary) {
    const parts = body.split(`--${boundary}`).slice(1, -1).map((p) => splitHeaders(p.replace(/^\r?\n/, '')));
    for (const part of parts) {
      const disposition = part.headers['content-disposition'] ?? '';
      const filename = /filename="?([^";]+)"?/i.exec(disposition)?.[1];
      if (!disposition.startsWith('attachment') || !filename) continue;
      const encoded = (part.headers['content-transfer-encoding'] ?? '').toLowerCase() === 'base64';
      attachments.push({
        filename, contentType: (part.headers['content-type'] ?? '').split(';')[0]!.trim(),
        content: encoded ? Buffer.from(part.body.replace(/\s+/g, ''), 'base64') : Buffer.from(part.body, 'utf8'),
      });
    }
    const plain = parts.find((p) => (p.headers['content-type'] ?? 'text/plain').startsWith('text/plain')) ?? parts[0];
    if (plain) {
      text = plain.body;
      contentType = plain.headers['content-type'] ?? 'text/plain';
      encoding = plain.headers['content-transfer-encoding'] ?? '7bit';
    }
  }
  return { from, to, headers, subject: decodeWords(headers.subject ?? ''), text: decodeBody(text, encoding).trimEnd(), raw, attachments };
}

function splitHeaders(raw: string): { headers: Record<string, string>; body: string } {
  const end = raw.search(/\r?\n\r?\n/);
  const head = end === -1 ? raw : raw.slice(0, end);
  const body = end === -1 ? '' : raw.slice(end).replace(/^\r?\n\r?\n/, '');
  const headers: Record<string, string> = {};
  // Folded header lines continue with whitespace; unfold before splitting.
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, body };
}

function decodeBody(body: string, encoding: string): string {
  const kind = encoding.toLowerCase();
  if (kind === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (kind === 'quoted-printable') return decodeQuotedPrintable(body);
  return body.replace(/\r\n/g, '\n');
}

function decodeQuotedPrintable(body: string): string {
  const bytes = body.replace(/\r\n/g, '\n').replace(/=\n/g, '');
  return Buffer.from(bytes.replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8');
}

/** Decodes RFC 2047 encoded words (=?utf-8?Q?...?= / =?utf-8?B?...?=) as nodemailer writes non-ASCII subjects. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([QB])\?([^?]*)\?=/gi, (_, _charset: string, kind: string, data: string) =>
      kind.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : decodeQuotedPrintable(data.replace(/_/g, ' ')));
}
