import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { COMMENT_MAX_LENGTH } from '../../shared/comments.constants.ts';
import { dialogueWithTopic, participant, postComment } from '../helpers/factories.ts';
import { useTestApp } from '../helpers/test-app.ts';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

function heapUsedAfterGc(): number {
  collectGarbage();
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

const MB = 1024 * 1024;

// The cache is in the server's memory, not in the database: one database is enough here.
describe('GET /api/topics/:id/comments for anonymous readers', () => {
  const t = useTestApp('sqlite');

  it('keeps memory bounded when every request asks for a new after/limit, and goes on answering', async () => {
    const { topic } = await dialogueWithTopic(t);
    const author = await participant(t);
    const longBody = `${'A long comment about integration. '.repeat(COMMENT_MAX_LENGTH / 34)}`.slice(0, COMMENT_MAX_LENGTH);
    for (let i = 0; i < 180; i += 1) await postComment(t, author, topic.id, { body: longBody });

    // Over real HTTP: light-my-request's injected responses stay in memory by themselves.
    const origin = await t.app.listen({ host: '127.0.0.1', port: 0 });
    const get = async (path: string) => {
      const response = await fetch(`${origin}${path}`);
      return { status: response.status, body: await response.text() };
    };
    const first = await get(`/api/topics/${topic.id}/comments?limit=200`);
    expect(first.status).toBe(200);
    expect(first.body.length).toBeGreaterThan(1.5 * MB);

    const before = heapUsedAfterGc();
    for (let i = 0; i < 170; i += 1) {
      const response = await get(`/api/topics/${topic.id}/comments?after=${i % 3}&limit=${200 - Math.floor(i / 3)}`);
      expect(response.status).toBe(200);
    }
    const grown = heapUsedAfterGc() - before;
    // Without a budget the 170 pages stay in memory (about 300 MB here); the budget is 64 MB.
    expect(grown, `heap grew by ${Math.round(grown / MB)} MB`).toBeLessThan(100 * MB);
    expect((await get('/readyz')).status).toBe(200);
    expect((await get(`/api/topics/${topic.id}/comments?limit=200`)).body).toBe(first.body);
  });
});
