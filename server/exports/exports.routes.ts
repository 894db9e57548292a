import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { SlugParams } from '../../shared/dialogues.ts';
import { AnnexPreviewQuery, AnnexQuery, AnnexWarnings, AnnexWarningsQuery, RawCommentRow, RawExportQuery } from '../../shared/exports.ts';
import type { Ctx } from '../context.ts';
import { errors } from '../http.ts';
import { requireRole } from '../plugins/auth.ts';
import type { App } from '../types.ts';
import { exportAnnex, exportAnnexWarnings, exportRawData, type ExportFile } from './exports.service.ts';

const text = (description: string) => ({ schema: Type.String({ description }) });
const binary = (description: string) => ({ schema: Type.String({ format: 'binary', description }) });

const AnnexFile = {
  description: 'The annex as a file, named `<slug>-annex-<lang>.<format>`',
  content: {
    'text/markdown': text('format=md'),
    'text/html': text('format=html: one self-contained page with print CSS (A4)'),
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document': binary('format=docx'),
    'application/pdf': binary('format=pdf: A4, selectable text'),
  },
};

const RawFile = {
  description: 'Every comment of the dialogue, one row each, streamed; named `<slug>-comments.<format>`',
  content: {
    'text/csv': text("format=csv: RFC 4180, UTF-8 with a byte order mark, a header row; cells starting with = + - @ tab or CR are prefixed with '"),
    'application/json': { schema: Type.Array(RawCommentRow) },
  },
};

function sendFile(reply: FastifyReply, file: ExportFile, disposition: 'attachment' | 'inline' = 'attachment'): FastifyReply {
  return reply
    .type(file.contentType)
    .header('content-disposition', `${disposition}; filename="${file.filename}"`)
    .header('cache-control', 'no-store')
    .send(file.body);
}

const truthy = (flag: string | undefined): boolean => flag === '1' || flag === 'true';

export async function exportRoutes(app: App, { ctx }: { ctx: Ctx }): Promise<void> {
  const organizer = requireRole('organizer');

  app.get(
    '/api/dialogues/:slug/annex',
    {
      onRequest: organizer,
      schema: {
        tags: ['exports'],
        summary: 'The annex (ANNEX.md) as Markdown, HTML, DOCX or PDF, in English, French or Spanish',
        description:
          'Sent as an attachment; with `inline=1` as `Content-Disposition: inline` (same filename), which the dashboard uses for its live preview of `format=html`. The dialogue’s texts are its translations in `lang` where they exist, the base text otherwise. Quotes whose source comment is not published, was edited so that it no longer holds the quoted words, or whose author no longer consents, are left out: see `/annex/warnings?lang=`.',
        params: SlugParams,
        querystring: AnnexQuery,
        response: { 200: AnnexFile, ...errors(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { format = 'md', lang = 'en', inline } = request.query;
      const file = await exportAnnex(ctx, request.viewer!, request.params.slug, { format, lang });
      return sendFile(reply, file, truthy(inline) ? 'inline' : 'attachment');
    },
  );

  app.get(
    '/api/dialogues/:slug/annex/preview',
    {
      onRequest: organizer,
      schema: {
        tags: ['exports'],
        summary: 'The annex as HTML for a live preview: `annex?format=html&inline=1` under a shorter name',
        params: SlugParams,
        querystring: AnnexPreviewQuery,
        response: {
          200: { description: 'The annex page, `Content-Disposition: inline`', content: { 'text/html': text('the same page as format=html') } },
          ...errors(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const file = await exportAnnex(ctx, request.viewer!, request.params.slug, { format: 'html', lang: request.query.lang ?? 'en' });
      return sendFile(reply, file, 'inline');
    },
  );

  app.get(
    '/api/dialogues/:slug/annex/warnings',
    {
      onRequest: organizer,
      schema: {
        tags: ['exports'],
        summary: 'What the annex in `lang` leaves out or lacks (never written into the file)',
        description:
          'Quotes left out (source hidden, withdrawn or held; source edited so that it no longer holds the quoted words: `source_changed`; consent withdrawn), narrowed attributions, missing summaries, and one `untranslated` warning per text of the dialogue (theme, host description, annex label and lead-in, each topic’s question, named in `field`) that has no translation in `lang` and is printed in the base language instead.',
        params: SlugParams,
        querystring: AnnexWarningsQuery,
        response: { 200: AnnexWarnings, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => exportAnnexWarnings(ctx, request.viewer!, request.params.slug, request.query.lang ?? 'en'),
  );

  app.get(
    '/api/dialogues/:slug/export',
    {
      onRequest: organizer,
      schema: {
        tags: ['exports'],
        summary: 'Raw data: every comment with topic, time, author as shown publicly, country, affiliation, language, status and body',
        description:
          'One row per comment, every status, topic by topic in posting order. Only published comments carry their body (Markdown source); pending, declined, hidden and withdrawn rows have an empty body. `author` is the display name, or empty when the author is shown as "participant from COUNTRY". No e-mail addresses.',
        params: SlugParams,
        querystring: RawExportQuery,
        response: { 200: RawFile, ...errors(400, 401, 403, 404) },
      },
    },
    async (request, reply) => sendFile(reply, await exportRawData(ctx, request.viewer!, request.params.slug, request.query.format ?? 'csv')),
  );
}
