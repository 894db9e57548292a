import type { Language } from '../../shared/common.constants.ts';
import { PREFERENCE_OF_KIND, type MailKind } from '../../shared/mail.constants.ts';
import type { MailData, RenderedMail } from './mail.model.ts';
import { MAIL_PHRASES, type MailPhrases } from './mail-phrases.ts';

// Each mail is a short list of blocks (paragraphs, a quoted text, a button, a list of topics),
// written once and rendered twice: as plain text and as simple HTML with inline styles, which is
// what mail programs show reliably. Every value is escaped in the HTML.

type Block =
  | { type: 'p'; text: string }
  | { type: 'quote'; text: string }
  | { type: 'button'; label: string; href: string }
  | { type: 'topic'; title: string; count: string; lines: string[]; href: string; label: string };

interface Mail {
  subject: string;
  blocks: Block[];
}

const fill = (template: string, values: Record<string, string | number>): string =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));

/** A subject is one line of at most 150 characters, whatever a topic's question holds. */
const subjectLine = (text: string): string => {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 150 ? `${line.slice(0, 149)}…` : line;
};

function compose<K extends MailKind>(kind: K, p: MailPhrases, data: MailData[K], lang: Language): Mail {
  switch (kind) {
    case 'password_reset': {
      const d = data as MailData['password_reset'];
      const t = p.passwordReset;
      return {
        subject: t.subject,
        blocks: [
          { type: 'p', text: t.body },
          { type: 'button', label: t.button, href: d.link },
          { type: 'p', text: t.ignore },
        ],
      };
    }
    case 'verify_email': {
      const d = data as MailData['verify_email'];
      const t = p.verifyEmail;
      return {
        subject: t.subject,
        blocks: [
          { type: 'p', text: t.body },
          { type: 'button', label: t.button, href: d.link },
          { type: 'p', text: t.ignore },
        ],
      };
    }
    case 'reply':
    case 'mention': {
      const d = data as MailData['reply'];
      const t = kind === 'reply' ? p.reply : p.mention;
      const values = { actor: d.actor, topic: d.topic };
      return {
        subject: fill(t.subject, values),
        blocks: [
          { type: 'p', text: fill(t.body, values) },
          { type: 'quote', text: d.excerpt },
          { type: 'button', label: t.button, href: d.link },
        ],
      };
    }
    case 'moderation': {
      const d = data as MailData['moderation'];
      const t = p.moderation;
      const blocks: Block[] = [{ type: 'p', text: fill(t.body[d.decision], { topic: d.topic }) }];
      if (d.reason.trim() !== '') blocks.push({ type: 'p', text: fill(t.reason, { reason: d.reason.trim() }) });
      blocks.push({ type: 'button', label: t.button, href: d.link });
      return { subject: t.subject[d.decision], blocks };
    }
    case 'practice': {
      const d = data as MailData['practice'];
      const t = p.practice;
      const blocks: Block[] = [{ type: 'p', text: fill(t.body[d.decision], { title: d.title }) }];
      if (d.reason.trim() !== '') blocks.push({ type: 'p', text: fill(t.reason, { reason: d.reason.trim() }) });
      blocks.push({ type: 'button', label: t.button, href: d.link });
      return { subject: fill(t.subject[d.decision], { title: d.title }), blocks };
    }
    case 'quoted': {
      const d = data as MailData['quoted'];
      const t = p.quoted;
      return {
        subject: fill(t.subject, { topic: d.topic }),
        blocks: [
          { type: 'p', text: fill(t.body, { topic: d.topic }) },
          { type: 'quote', text: d.quote },
          { type: 'button', label: t.button, href: d.link },
          { type: 'p', text: t.withdraw },
          { type: 'button', label: t.withdrawButton, href: d.withdrawLink },
        ],
      };
    }
    case 'digest': {
      const d = data as MailData['digest'];
      const t = p.digest;
      const plural = new Intl.PluralRules(lang);
      return {
        subject: t.subject[d.period],
        blocks: [
          { type: 'p', text: t.body[d.period] },
          ...d.topics.map((topic): Block => ({
            type: 'topic',
            title: topic.question,
            count: fill(plural.select(topic.newComments) === 'one' ? t.newComments.one : t.newComments.other, { count: topic.newComments }),
            lines: topic.comments.map((c) => `${c.author}: ${c.excerpt}`),
            href: topic.link,
            label: t.button,
          })),
        ],
      };
    }
  }
  throw new Error(`no template for ${kind}`);
}

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

function textOf(mail: Mail, p: MailPhrases, why: string, footer: MailFooter): string {
  const parts = [p.greeting];
  for (const block of mail.blocks) {
    if (block.type === 'p') parts.push(block.text);
    else if (block.type === 'quote')
      parts.push(
        block.text
          .split('\n')
          .map((line) => `> ${line}`)
          .join('\n'),
      );
    else if (block.type === 'button') parts.push(`${block.label}\n${block.href}`);
    else parts.push([`* ${block.title} (${block.count})`, ...block.lines.map((line) => `  - ${line}`), `  ${block.href}`].join('\n'));
  }
  const stop = footer.unsubscribesAll ? p.unsubscribeAll : p.unsubscribe;
  parts.push(`-- \n${p.signature}\n${why}\n${stop}${p.colon}${footer.unsubscribeUrl}\n${p.preferences}${p.colon}${footer.preferencesUrl}`);
  return `${parts.join('\n\n')}\n`;
}

const FONT = 'font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;';

function htmlOf(mail: Mail, p: MailPhrases, lang: Language, why: string, footer: MailFooter): string {
  const link = (href: string, label: string): string => `<a href="${escapeHtml(href)}" style="color:#1d5c8f">${escapeHtml(label)}</a>`;
  const footerLinks = `${link(footer.unsubscribeUrl, footer.unsubscribesAll ? p.unsubscribeAll : p.unsubscribe)} · ${link(footer.preferencesUrl, p.preferences)}`;
  const body = mail.blocks
    .map((block) => {
      if (block.type === 'p') return `<p style="margin:0 0 16px">${escapeHtml(block.text)}</p>`;
      if (block.type === 'quote') {
        const lines = escapeHtml(block.text).replace(/\n/g, '<br>');
        return `<blockquote style="margin:0 0 16px;padding:8px 16px;border-left:4px solid #1d5c8f;background:#f3f6f9">${lines}</blockquote>`;
      }
      if (block.type === 'button') {
        return `<p style="margin:0 0 20px"><a href="${escapeHtml(block.href)}" style="display:inline-block;padding:10px 18px;background:#1d5c8f;color:#ffffff;text-decoration:none;border-radius:4px">${escapeHtml(block.label)}</a></p>`;
      }
      const lines = block.lines.map((line) => `<li style="margin:0 0 4px">${escapeHtml(line)}</li>`).join('');
      return `<h2 style="font-size:17px;margin:20px 0 4px">${escapeHtml(block.title)}</h2><p style="margin:0 0 8px;color:#555">${escapeHtml(block.count)}</p>${lines ? `<ul style="margin:0 0 8px;padding-left:20px">${lines}</ul>` : ''}<p style="margin:0 0 16px"><a href="${escapeHtml(block.href)}" style="color:#1d5c8f">${escapeHtml(block.label)}</a></p>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(mail.subject)}</title></head>
<body style="margin:0;padding:24px;background:#ffffff;color:#1a1a1a;${FONT}font-size:16px;line-height:1.5">
<div style="max-width:600px;margin:0 auto">
<p style="margin:0 0 16px">${escapeHtml(p.greeting)}</p>
${body}
<hr style="border:0;border-top:1px solid #ddd;margin:24px 0 12px">
<p style="margin:0 0 8px;font-size:13px;color:#555">${escapeHtml(p.signature)}. ${escapeHtml(why)}</p>
<p style="margin:0;font-size:13px">${footerLinks}</p>
</div></body></html>
`;
}

export interface MailFooter {
  unsubscribeUrl: string;
  /** account mail (reset, verification), which no setting turns off: its link turns off every other mail */
  unsubscribesAll?: boolean;
  preferencesUrl: string;
}

/** The subject, plain text and HTML of one mail in the recipient's language. */
export function renderMail<K extends MailKind>(kind: K, lang: Language, data: MailData[K], footer: MailFooter): RenderedMail {
  const p = MAIL_PHRASES[lang];
  const mail = compose(kind, p, data, lang);
  const why = p.why[PREFERENCE_OF_KIND[kind] ?? 'account'];
  return { subject: subjectLine(mail.subject), text: textOf(mail, p, why, footer), html: htmlOf(mail, p, lang, why, footer) };
}
