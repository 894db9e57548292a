import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { createClient } from 'redis';

type RedisClient = ReturnType<typeof createClient>;

// Counts one request and answers the count and the milliseconds left in the window; the window
// starts with the first request (a key left without expiry, by a crash between the two calls, gets one).
const COUNT = `
local current = redis.call('INCR', KEYS[1])
if current == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return { current, ttl }
`;

/**
 * The Redis connection the rate limits count in, closed with the app. While Redis cannot be
 * reached, requests are let through (and the error logged) rather than all refused.
 */
export async function rateLimitRedis(app: FastifyInstance, url: string): Promise<RedisClient> {
  // Without the offline queue, a count asked for while Redis is away fails at once instead of holding the request.
  const client = createClient({ url, disableOfflineQueue: true });
  client.on('error', (err: unknown) => app.log.error({ err }, 'redis connection error (rate limits)'));
  await client.connect();
  app.addHook('onClose', async () => {
    await client.close().catch(() => undefined);
  });
  return client;
}

/**
 * A store for @fastify/rate-limit kept in Redis, so that every node behind the load balancer
 * counts the same requests: with the plugin's memory store, N nodes let an address through N
 * times over. Keys are `<prefix>:<key>`; limiters tell theirs apart by their keys (see
 * `namedRateLimit`), so a child store shares the parent's prefix.
 */
export function redisRateLimitStore(client: RedisClient, prefix: string): FastifyRateLimitStoreCtor {
  const store: FastifyRateLimitStore = {
    incr(key, callback, timeWindow) {
      client.eval(COUNT, { keys: [`${prefix}:${key}`], arguments: [String(timeWindow)] }).then(
        (reply) => {
          const [current, ttl] = reply as [number, number];
          callback(null, { current, ttl });
        },
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    },
    child: () => store,
  };
  // The plugin constructs its store itself, with its options: they are the same for every limiter here.
  return class {
    constructor() {
      return store;
    }
  } as unknown as FastifyRateLimitStoreCtor;
}
