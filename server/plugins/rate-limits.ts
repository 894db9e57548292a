import type { FastifyInstance, FastifyRequest } from 'fastify';
import { tooManyRequests } from '../errors.ts';

export interface NamedLimit {
  /** tells this limiter's counts apart from every other's, in memory and in Redis alike */
  name: string;
  max: number;
  timeWindow: string;
  /** whom it counts: the request's address unless said otherwise */
  keyGenerator?: (request: FastifyRequest) => string;
}

export interface OwnLimit extends NamedLimit {
  message: string;
}

/** A limiter of its own, checked by calling it; its keys start with its name, so that limiters sharing a Redis store never count each other's requests. */
export function namedRateLimit(app: FastifyInstance, { name, keyGenerator, ...options }: NamedLimit) {
  return app.createRateLimit({ ...options, keyGenerator: (request) => `${name}:${keyGenerator ? keyGenerator(request) : request.ip}` });
}

/**
 * A route's own limit, on top of the general per-address one that every API request passes
 * first. (The plugin's per-route `config.rateLimit` cannot add it: a request counted once is not
 * counted again.) Use it as the route's `onRequest`.
 */
export function ownRateLimit(app: FastifyInstance, { message, ...options }: OwnLimit) {
  const check = namedRateLimit(app, options);
  return async (request: FastifyRequest): Promise<void> => {
    const limit = await check(request);
    if (!limit.isAllowed && limit.isExceeded) throw tooManyRequests(limit.ttlInSeconds, message);
  };
}
