import type { FastifyInstance, FastifyRequest } from 'fastify';
import { tooManyRequests } from '../errors.ts';

export interface OwnLimit {
  max: number;
  timeWindow: string;
  keyGenerator?: (request: FastifyRequest) => string;
  message: string;
}

/**
 * A route's own limit, on top of the general per-address one that every API request passes
 * first. (The plugin's per-route `config.rateLimit` cannot add it: a request counted once is not
 * counted again.) Use it as the route's `onRequest`.
 */
export function ownRateLimit(app: FastifyInstance, { message, ...options }: OwnLimit) {
  const check = app.createRateLimit(options);
  return async (request: FastifyRequest): Promise<void> => {
    const limit = await check(request);
    if (!limit.isAllowed && limit.isExceeded) throw tooManyRequests(limit.ttlInSeconds, message);
  };
}
