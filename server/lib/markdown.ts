import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

// Raw HTML in the source is escaped, never passed through; the sanitizer is the second wall.
const markdown = new MarkdownIt({ html: false, linkify: true, breaks: true });

/** A stretch `[start, end)` of one run of text, outside links and code. */
export interface TextSpan {
  start: number;
  end: number;
}

interface RenderEnv extends Record<PropertyKey, unknown> {
  /** the @mentions in a run of text, marked `<span class="mention">` */
  mentions?: (text: string) => readonly TextSpan[];
}

// After adjacent text is joined, so a name is one run of text; links and code keep their own tokens.
markdown.core.ruler.after('text_join', 'mentions', (state) => {
  const find = (state.env as RenderEnv).mentions;
  if (!find) return;
  const text = (content: string) => Object.assign(new state.Token('text', '', 0), { content });
  const html = (content: string) => Object.assign(new state.Token('html_inline', '', 0), { content });
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children) continue;
    let inLink = 0;
    block.children = block.children.flatMap((token) => {
      if (token.type === 'link_open') inLink++;
      if (token.type === 'link_close') inLink--;
      const spans = token.type === 'text' && inLink === 0 ? find(token.content) : [];
      if (spans.length === 0) return [token];
      const out = [];
      let from = 0;
      for (const { start, end } of spans) {
        if (start > from) out.push(text(token.content.slice(from, start)));
        out.push(html('<span class="mention">'), text(token.content.slice(start, end)), html('</span>'));
        from = end;
      }
      if (from < token.content.length) out.push(text(token.content.slice(from)));
      return out;
    });
  }
});

const sanitizeOptions: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'em', 'del', 's', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a', 'hr', 'h4', 'h5', 'h6', 'span'],
  allowedAttributes: { a: ['href', 'title', 'rel'], ol: ['start'] },
  // Only the renderer's own mark for an @mention: raw HTML in the source never gets this far.
  allowedClasses: { span: ['mention'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    // Comment headings stay below the page's own headings.
    h1: 'h4',
    h2: 'h4',
    h3: 'h4',
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'nofollow ugc noopener' } }),
  },
  exclusiveFilter: (frame) => frame.tag === 'a' && !frame.attribs.href,
};

export function sanitize(html: string): string {
  return sanitizeHtml(html, sanitizeOptions);
}

/** Markdown to the HTML stored with a comment, rendered once at write time; `mentions` finds the @names to mark. */
export function renderMarkdown(source: string, mentions?: RenderEnv['mentions']): string {
  const env: RenderEnv = mentions ? { mentions } : {};
  return sanitize(markdown.render(source, env)).trim();
}
