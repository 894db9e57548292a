import type { FastifyRequest } from 'fastify';

const API_PREFIX = '/api/';

/**
 * Whether a request is for the API, judged as the router judged it: by the route it matched, or,
 * for an unknown path, by the path once percent-decoded. The raw URL is not enough, because the
 * router decodes `/%61pi/dialogues` to `/api/dialogues`, and a raw-prefix test let such requests
 * past every per-address limit and the session check.
 */
export function isApiRequest(request: FastifyRequest): boolean {
  const route = request.routeOptions.url;
  if (route !== undefined) return route.startsWith(API_PREFIX);
  const path = request.url.split('?', 1)[0]!;
  try {
    return decodeURIComponent(path).startsWith(API_PREFIX);
  } catch {
    return path.startsWith(API_PREFIX);
  }
}
