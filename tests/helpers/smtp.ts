import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

// A real SMTP server in the test process, on port 0: the product sends to it through
// nodemailer exactly as it would to a mail provider, and the tests read what arrived.

export interface ReceivedMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Map<string, unknown>;
  /** the message as it went over the wire */
  raw: string;
  parsed: ParsedMail;
}

export interface TestSmtp {
  /** smtp://127.0.0.1:<port>, for SMTP_URL */
  url: string;
  received: ReceivedMail[];
  /** while set, every message is refused with this SMTP reply (a 4xx tells the sender to retry) */
  refuse: { code: number; message: string } | null;
  /** the first mail that arrived (or arrives within timeoutMs) for which `match` holds */
  waitFor(match: (mail: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>;
  /** the mails so far to one address */
  to(address: string): ReceivedMail[];
  close(): Promise<void>;
}

export async function startTestSmtp(): Promise<TestSmtp> {
  const received: ReceivedMail[] = [];
  const waiters = new Set<() => void>();
  const state: TestSmtp = {
    url: '',
    received,
    refuse: null,
    async waitFor(match, timeoutMs = 10_000) {
      const found = received.find(match);
      if (found) return found;
      return new Promise<ReceivedMail>((resolve, reject) => {
        const check = (): void => {
          const mail = received.find(match);
          if (!mail) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(mail);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching mail within ${timeoutMs} ms (received: ${received.map((m) => `${m.to}: ${m.subject}`).join('; ') || 'none'})`));
        }, timeoutMs);
        waiters.add(check);
      });
    },
    to: (address) => received.filter((mail) => mail.to === address.toLowerCase()),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (state.refuse) {
          const error = Object.assign(new Error(state.refuse.message), { responseCode: state.refuse.code });
          callback(error);
          return;
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        void simpleParser(raw).then((parsed) => {
          for (const rcpt of session.envelope.rcptTo) {
            received.push({
              to: rcpt.address.toLowerCase(),
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : '',
              headers: parsed.headers,
              raw,
              parsed,
            });
          }
          callback();
          for (const waiter of [...waiters]) waiter();
        }, callback);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  return state;
}

/** The first link in a mail's text that starts with `prefix` (an origin and path). */
export function linkIn(mail: ReceivedMail, prefix: string): string {
  const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const found = mail.text.match(new RegExp(`${escaped}[^\\s>]*`));
  if (!found) throw new Error(`no link starting with ${prefix} in:\n${mail.text}`);
  return found[0];
}
