export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface Config {
  port: number;
  host: string;
  publicOrigin: string;
  /** PUBLIC_ORIGIN was given: only that origin is the forum's own (unset, so are loopback origins on the listening port) */
  publicOriginSet: boolean;
  databaseUrl: string;
  redisUrl: string | null;
  /** what the keys the forum keeps in Redis start with */
  redisPrefix: string;
  organizerEmail: string | null;
  organizerPassword: string | null;
  seedDemo: boolean;
  rateLimitPostsPerMinute: number;
  rateLimitSignupsPerHour: number;
  rateLimitRequestsPerMinute: number;
  /** sockets one IP address may hold open on one node */
  rateLimitSocketsPerAddress: number;
  /** comments the sockets of one IP address may be sent as catch-up (topic:join with afterSeq) per minute, per node */
  rateLimitCatchUpPerMinute: number;
  /** visitor ids one IP address may be issued per hour; views beyond are counted, not as new visitors */
  rateLimitNewVisitorsPerHour: number;
  /** signs the `vid` cookies this server issues (VISITOR_SECRET); null: a key kept in the database, shared by every node */
  visitorSecret: string | null;
  editWindowMinutes: number;
  /** trust X-Forwarded-For from a load balancer in front */
  trustProxy: boolean;
  logLevel: LogLevel;
  /** smtp://user:pass@host:587 or smtps://…; null: each message is written to mailOutboxDir as an .eml file */
  smtpUrl: string | null;
  /** the From of every message */
  mailFrom: string;
  /** where messages go without SMTP_URL (MAIL_OUTBOX_DIR, default data/outbox) */
  mailOutboxDir: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

const LOG_LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** Reads and validates the environment; every bad value is reported, one line each. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const problems: string[] = [];
  const read = (name: string): string | undefined => {
    const value = env[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  };
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name}: expected a whole number from ${min} to ${max}, got "${raw}"`);
      return fallback;
    }
    return value;
  };
  const boolean = (name: string, fallback: boolean): boolean => {
    const raw = read(name)?.toLowerCase();
    if (raw === undefined) return fallback;
    if (['true', '1', 'yes'].includes(raw)) return true;
    if (['false', '0', 'no'].includes(raw)) return false;
    problems.push(`${name}: expected true or false, got "${raw}"`);
    return fallback;
  };

  const port = integer('PORT', 3000, 0, 65535);
  const host = read('HOST') ?? '127.0.0.1';

  const publicOrigin = read('PUBLIC_ORIGIN') ?? `http://localhost:${port}`;
  try {
    const url = new URL(publicOrigin);
    if (!['http:', 'https:'].includes(url.protocol) || url.origin !== publicOrigin) throw new Error('not an origin');
  } catch {
    problems.push(`PUBLIC_ORIGIN: expected an origin such as https://dialogue.example.org (scheme, host, optional port, no path), got "${publicOrigin}"`);
  }

  const databaseUrl = read('DATABASE_URL') ?? 'sqlite:./data/dialogue.db';
  if (!/^sqlite:.+/.test(databaseUrl) && !/^postgres(ql)?:\/\/.+/.test(databaseUrl)) {
    problems.push(`DATABASE_URL: expected sqlite:<path> or postgres://…, got "${databaseUrl}"`);
  }

  const redisUrl = read('REDIS_URL') ?? null;
  if (redisUrl !== null && !/^rediss?:\/\/.+/.test(redisUrl)) {
    problems.push(`REDIS_URL: expected redis://host:port, got "${redisUrl}"`);
  }

  const redisPrefix = read('REDIS_PREFIX') ?? 'vd';
  if (!/^[A-Za-z0-9_.:-]{1,64}$/.test(redisPrefix)) {
    problems.push(`REDIS_PREFIX: expected up to 64 letters, digits, '_', '.', ':' or '-', got "${redisPrefix}"`);
  }

  const organizerEmail = read('ORGANIZER_EMAIL') ?? null;
  if (organizerEmail !== null && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(organizerEmail)) {
    problems.push(`ORGANIZER_EMAIL: expected an e-mail address, got "${organizerEmail}"`);
  }
  const organizerPassword = read('ORGANIZER_PASSWORD') ?? null;
  if (organizerPassword !== null && organizerPassword.length < 10) {
    problems.push('ORGANIZER_PASSWORD: must be at least 10 characters long');
  }

  const visitorSecret = read('VISITOR_SECRET') ?? null;
  if (visitorSecret !== null && visitorSecret.length < 32) problems.push('VISITOR_SECRET: must be at least 32 characters long');

  const smtpUrl = read('SMTP_URL') ?? null;
  if (smtpUrl !== null) {
    try {
      const url = new URL(smtpUrl);
      if (!['smtp:', 'smtps:'].includes(url.protocol) || url.hostname === '') throw new Error('not smtp');
    } catch {
      problems.push(`SMTP_URL: expected smtp://user:password@host:587 or smtps://…, got "${smtpUrl.replace(/\/\/[^@/]*@/, '//…@')}"`);
    }
  }
  const mailFrom = read('MAIL_FROM') ?? 'Virtual Dialogue <no-reply@localhost>';
  if (!/^[^<>@]*<[^\s@<>]+@[^\s@<>]+>$|^[^\s@<>]+@[^\s@<>]+$/.test(mailFrom.trim())) {
    problems.push(`MAIL_FROM: expected an address such as "Virtual Dialogue <dialogue@example.org>", got "${mailFrom}"`);
  }

  const logLevel = (read('LOG_LEVEL') ?? 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    problems.push(`LOG_LEVEL: expected one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);
  }

  const config: Config = {
    port,
    host,
    publicOrigin,
    publicOriginSet: read('PUBLIC_ORIGIN') !== undefined,
    databaseUrl,
    redisUrl,
    redisPrefix,
    organizerEmail: organizerEmail?.toLowerCase() ?? null,
    organizerPassword,
    seedDemo: boolean('SEED_DEMO', true),
    rateLimitPostsPerMinute: integer('RATE_LIMIT_POSTS_PER_MINUTE', 6, 1, 10_000),
    rateLimitSignupsPerHour: integer('RATE_LIMIT_SIGNUPS_PER_HOUR', 20, 1, 100_000),
    rateLimitRequestsPerMinute: integer('RATE_LIMIT_REQUESTS_PER_MINUTE', 600, 1, 1_000_000),
    rateLimitSocketsPerAddress: integer('RATE_LIMIT_SOCKETS_PER_ADDRESS', 50, 1, 100_000),
    rateLimitCatchUpPerMinute: integer('RATE_LIMIT_CATCH_UP_PER_MINUTE', 2_000, 1, 10_000_000),
    rateLimitNewVisitorsPerHour: integer('RATE_LIMIT_NEW_VISITORS_PER_HOUR', 100, 1, 1_000_000),
    visitorSecret,
    editWindowMinutes: integer('EDIT_WINDOW_MINUTES', 30, 0, 100_000),
    trustProxy: boolean('TRUST_PROXY', false),
    logLevel,
    smtpUrl,
    mailFrom,
    mailOutboxDir: read('MAIL_OUTBOX_DIR') ?? './data/outbox',
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
