import { ErrorBody } from '../shared/common.ts';

/** Documented error replies for a route, in the one error shape. */
export function errors<S extends number>(...statuses: S[]): Record<S, typeof ErrorBody> {
  return Object.fromEntries(statuses.map((status) => [status, ErrorBody])) as Record<S, typeof ErrorBody>;
}
