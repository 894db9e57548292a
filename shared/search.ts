import { Type, type Static } from 'typebox';
import { Id, IsoTime, Language } from './common.ts';
import { SEARCH_KINDS, SEARCH_LIMITS } from './search.constants.ts';

export { SEARCH_KINDS };
export const SearchKind = Type.Enum(SEARCH_KINDS);

export const SearchQuery = Type.Object(
  {
    q: Type.Optional(
      Type.String({
        description: `words, "phrases" and prefix* (all must match); any text is answered 200, only its first ${SEARCH_LIMITS.queryChars} characters are read`,
      }),
    ),
    type: Type.Optional(SearchKind),
    dialogue: Type.Optional(Type.String({ maxLength: 64, description: 'a dialogue’s slug' })),
    topic: Type.Optional(Type.String({ maxLength: 64, description: 'a topic’s id' })),
    language: Type.Optional(Language),
    lang: Type.Optional(
      Type.Union([Language], { description: 'the reader’s interface language: topic questions come in it where the organizers translated them' }),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: SEARCH_LIMITS.pageMax })),
    after: Type.Optional(Type.String({ pattern: '^(0|[1-9][0-9]{0,5})$', description: 'as returned in nextCursor' })),
  },
  { additionalProperties: false },
);
export type SearchQuery = Static<typeof SearchQuery>;

export const SearchResult = Type.Object({
  type: SearchKind,
  id: Id,
  title: Type.String({ description: 'a practice’s title; for a comment or quote, its topic’s question in the reader’s language' }),
  snippetHtml: Type.String({ description: 'escaped plain text around the matches, each in <mark>' }),
  url: Type.String({ description: 'the page to open: a comment in its topic (`/t/ID?c=COMMENT`), a practice’s page' }),
  dialogueSlug: Type.Optional(Type.String()),
  topicId: Type.Optional(Id),
  language: Language,
  status: Type.Optional(Type.String({ description: 'for moderators, when it is not public: the comment’s or practice’s status, `flagged` for a quote' })),
  createdAt: IsoTime,
});
export type SearchResult = Static<typeof SearchResult>;

export const SearchResults = Type.Object({
  items: Type.Array(SearchResult),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});
export type SearchResults = Static<typeof SearchResults>;
