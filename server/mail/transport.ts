import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import SMTPPool from 'nodemailer/lib/smtp-pool/index.js';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.ts';
import type { OutboxRow } from './outbox.repository.ts';

// Where messages go: an SMTP server when SMTP_URL is set, otherwise one .eml file each in the
// outbox directory (RFC 822 bytes, as the SMTP server would have received them).

export interface MailTransport {
  /** where messages go, for the log (no password) */
  readonly destination: string;
  /** sends one message; rejects with the SMTP server's reply as nodemailer reports it */
  send(row: OutboxRow): Promise<void>;
  close(): void;
}

/** The domain of the From address, for Message-IDs. */
const domainOf = (from: string): string => /@([^\s@<>]+)>?\s*$/.exec(from)?.[1] ?? 'localhost';

/** The message of an outbox row: text and HTML, the stored headers, an id that stays the same on every retry. */
export function messageOf(row: OutboxRow, from: string): SendMailOptions {
  return {
    from,
    to: row.to_address,
    subject: row.subject,
    text: row.text_body,
    html: row.html_body,
    messageId: `<${row.id}@${domainOf(from)}>`,
    headers: { ...(JSON.parse(row.headers) as Record<string, string>), 'Content-Language': row.language },
  };
}

/** A file name that sorts by time: the ISO time without colons, then the message's id. */
const fileName = (row: OutboxRow): string => `${new Date().toISOString().replace(/:/g, '-')}-${row.id}.eml`;

export function createMailTransport(config: Pick<Config, 'smtpUrl' | 'mailFrom' | 'mailOutboxDir'>, log: FastifyBaseLogger): MailTransport {
  if (config.smtpUrl !== null) {
    const url = new URL(config.smtpUrl);
    // One pooled connection, reused from message to message; short timeouts, so a hung server
    // fails an attempt (to be retried) well within the worker's claim. (Given a `url`,
    // createTransport would drop every other option: the pool is built here.)
    const smtp = nodemailer.createTransport(
      new SMTPPool({ pool: true, url: config.smtpUrl, maxConnections: 1, connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 }),
    );
    return {
      destination: `${url.protocol}//${url.host}`,
      send: async (row) => {
        await smtp.sendMail(messageOf(row, config.mailFrom));
      },
      close: () => smtp.close(),
    };
  }
  const files = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  return {
    destination: `${config.mailOutboxDir} (.eml files; set SMTP_URL to send them)`,
    send: async (row) => {
      const info = await files.sendMail(messageOf(row, config.mailFrom));
      await mkdir(config.mailOutboxDir, { recursive: true });
      const file = join(config.mailOutboxDir, fileName(row));
      await writeFile(file, info.message as Buffer);
      log.info({ to: row.to_address, subject: row.subject, file }, 'mail written to the outbox directory');
    },
    close: () => files.close(),
  };
}
