import { describe, expect, it } from 'vitest';
import { ApiError } from '../../client/src/lib/api.ts';
import { describeError } from '../../client/src/lib/error-message.ts';

describe('describeError', () => {
  it.each([
    [new ApiError(404, 'not_found', 'No dialogue'), { title: 'error.notFoundTitle', body: 'error.notFound', retry: false }],
    [new ApiError(429, 'rate_limited', 'Slow down'), { title: 'error.title', body: 'error.rateLimited', retry: true }],
    [new ApiError(0, 'network_error', 'Failed to fetch'), { title: 'error.title', body: 'error.network', retry: true }],
    [new TypeError('Failed to fetch dynamically imported module'), { title: 'error.title', body: 'error.network', retry: true }],
    [new ApiError(500, 'internal', 'Internal Server Error'), { title: 'error.title', body: 'error.generic', retry: true }],
  ])('%s → %j', (error, expected) => {
    expect(describeError(error)).toEqual(expected);
  });
});
