export type Route =
  | { name: 'home' }
  | { name: 'dialogue'; slug: string }
  | { name: 'topic'; topicId: string }
  | { name: 'about'; slug: string }
  | { name: 'register' }
  | { name: 'signIn' }
  | { name: 'profile' }
  | { name: 'moderation' }
  | { name: 'moderationLog' }
  | { name: 'dialogueSettings'; slug: string }
  | { name: 'curation'; slug: string }
  | { name: 'summary'; slug: string }
  | { name: 'topicSummary'; topicId: string }
  | { name: 'stats'; slug: string }
  | { name: 'export'; slug: string }
  | { name: 'workspace' }
  | { name: 'newDialogue' }
  | { name: 'people' }
  | { name: 'topicsEditor'; slug: string }
  | { name: 'texts'; slug: string }
  | { name: 'mailOutbox' }
  | { name: 'unsubscribe' }
  | { name: 'forgotPassword' }
  | { name: 'resetPassword' }
  | { name: 'verifyEmail' }
  | { name: 'withdrawConsent'; quoteId: string }
  | { name: 'practices' }
  | { name: 'newPractice' }
  | { name: 'practice'; practiceId: string }
  | { name: 'editPractice'; practiceId: string }
  | { name: 'search' }
  | { name: 'notFound' };

export const paths = {
  home: (): string => '/',
  dialogue: (slug: string): string => `/d/${encodeURIComponent(slug)}`,
  topic: (topicId: string): string => `/t/${encodeURIComponent(topicId)}`,
  about: (slug: string): string => `/d/${encodeURIComponent(slug)}/about`,
  register: (): string => '/register',
  signIn: (): string => '/sign-in',
  profile: (): string => '/profile',
  moderation: (): string => '/moderation',
  moderationLog: (): string => '/moderation/log',
  dialogueSettings: (slug: string): string => `/d/${encodeURIComponent(slug)}/settings`,
  curation: (slug: string): string => `/d/${encodeURIComponent(slug)}/quotes`,
  summary: (slug: string): string => `/d/${encodeURIComponent(slug)}/summary`,
  topicSummary: (topicId: string): string => `/t/${encodeURIComponent(topicId)}/summary`,
  stats: (slug: string): string => `/d/${encodeURIComponent(slug)}/stats`,
  export: (slug: string): string => `/d/${encodeURIComponent(slug)}/export`,
  workspace: (): string => '/admin',
  /** a new dialogue, or with `from` a copy of that one */
  newDialogue: (from?: string): string => (from ? `/dialogues/new?from=${encodeURIComponent(from)}` : '/dialogues/new'),
  people: (): string => '/admin/people',
  topicsEditor: (slug: string): string => `/d/${encodeURIComponent(slug)}/topics`,
  texts: (slug: string): string => `/d/${encodeURIComponent(slug)}/texts`,
  /** organizers: the mail waiting, retried or failed */
  mailOutbox: (): string => '/admin/mail',
  /** the page an e-mail's "stop these e-mails" link opens (`?token=`) */
  unsubscribe: (): string => '/unsubscribe',
  forgotPassword: (): string => '/forgot-password',
  /** the page a reset e-mail links to (`?token=`) */
  resetPassword: (): string => '/reset-password',
  /** the page a verification e-mail links to (`?token=`) */
  verifyEmail: (): string => '/verify-email',
  /** the quoted author withdraws consent for one quote */
  withdrawConsent: (quoteId: string): string => `/quotes/${encodeURIComponent(quoteId)}/withdraw`,
  /** the library of good practices; `search` carries its filters (`?continent=…`) */
  practices: (search = ''): string => `/practices${search}`,
  /** the submission form; with `comment`, a practice drawn from that comment */
  newPractice: (comment?: string): string => (comment ? `/practices/new?comment=${encodeURIComponent(comment)}` : '/practices/new'),
  practice: (practiceId: string): string => `/practices/${encodeURIComponent(practiceId)}`,
  editPractice: (practiceId: string): string => `/practices/${encodeURIComponent(practiceId)}/edit`,
  /** comments, quotes and good practices; `q` the words looked for (search-params.ts writes the filters) */
  search: (q?: string): string => (q ? `/search?${new URLSearchParams({ q })}` : '/search'),
};

const FIXED: Record<string, Route> = {
  [paths.register()]: { name: 'register' },
  [paths.signIn()]: { name: 'signIn' },
  [paths.profile()]: { name: 'profile' },
  [paths.moderation()]: { name: 'moderation' },
  [paths.moderationLog()]: { name: 'moderationLog' },
  [paths.workspace()]: { name: 'workspace' },
  [paths.newDialogue()]: { name: 'newDialogue' },
  [paths.people()]: { name: 'people' },
  [paths.mailOutbox()]: { name: 'mailOutbox' },
  [paths.unsubscribe()]: { name: 'unsubscribe' },
  [paths.forgotPassword()]: { name: 'forgotPassword' },
  [paths.resetPassword()]: { name: 'resetPassword' },
  [paths.verifyEmail()]: { name: 'verifyEmail' },
  [paths.practices()]: { name: 'practices' },
  [paths.newPractice()]: { name: 'newPractice' },
  [paths.search()]: { name: 'search' },
};

const PATTERNS: { pattern: RegExp; route: (param: string) => Route }[] = [
  { pattern: /^\/d\/([^/]+)\/?$/, route: (slug) => ({ name: 'dialogue', slug }) },
  { pattern: /^\/t\/([^/]+)\/?$/, route: (topicId) => ({ name: 'topic', topicId }) },
  { pattern: /^\/d\/([^/]+)\/about\/?$/, route: (slug) => ({ name: 'about', slug }) },
  { pattern: /^\/d\/([^/]+)\/settings\/?$/, route: (slug) => ({ name: 'dialogueSettings', slug }) },
  { pattern: /^\/d\/([^/]+)\/quotes\/?$/, route: (slug) => ({ name: 'curation', slug }) },
  { pattern: /^\/d\/([^/]+)\/summary\/?$/, route: (slug) => ({ name: 'summary', slug }) },
  { pattern: /^\/t\/([^/]+)\/summary\/?$/, route: (topicId) => ({ name: 'topicSummary', topicId }) },
  { pattern: /^\/d\/([^/]+)\/stats\/?$/, route: (slug) => ({ name: 'stats', slug }) },
  { pattern: /^\/d\/([^/]+)\/export\/?$/, route: (slug) => ({ name: 'export', slug }) },
  { pattern: /^\/d\/([^/]+)\/topics\/?$/, route: (slug) => ({ name: 'topicsEditor', slug }) },
  { pattern: /^\/d\/([^/]+)\/texts\/?$/, route: (slug) => ({ name: 'texts', slug }) },
  { pattern: /^\/quotes\/([^/]+)\/withdraw\/?$/, route: (quoteId) => ({ name: 'withdrawConsent', quoteId }) },
  { pattern: /^\/practices\/([^/]+)\/?$/, route: (practiceId) => ({ name: 'practice', practiceId }) },
  { pattern: /^\/practices\/([^/]+)\/edit\/?$/, route: (practiceId) => ({ name: 'editPractice', practiceId }) },
];

function decode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** The route a pathname (no query, no hash) shows. */
export function matchRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { name: 'home' };
  const fixed = FIXED[pathname];
  if (fixed) return fixed;
  for (const { pattern, route } of PATTERNS) {
    const raw = pattern.exec(pathname)?.[1];
    const param = raw === undefined ? null : decode(raw);
    if (param) return route(param);
  }
  return { name: 'notFound' };
}

/**
 * The in-app path a link leads to, or null when the browser should follow it itself: other
 * origins, anchors within the current page (the skip link), and same-origin paths the client
 * has no route for (/docs, /api/…, files).
 */
export function routablePath(href: string, here: { href: string; origin: string; pathname: string }): string | null {
  const url = new URL(href, here.href);
  if (url.origin !== here.origin) return null;
  if (url.pathname === here.pathname && url.hash) return null;
  if (matchRoute(url.pathname).name === 'notFound') return null;
  return url.pathname + url.search + url.hash;
}
