import { describe, expect, it } from 'vitest';
import { matchRoute, paths, routablePath } from '../../client/src/lib/routes.ts';

describe('matchRoute', () => {
  it.each([
    ['/', { name: 'home' }],
    ['/d/idm-2010-migration-and-social-change', { name: 'dialogue', slug: 'idm-2010-migration-and-social-change' }],
    ['/d/idm-2010/', { name: 'dialogue', slug: 'idm-2010' }],
    ['/t/abc_123-XYZ', { name: 'topic', topicId: 'abc_123-XYZ' }],
    ['/t/caf%C3%A9', { name: 'topic', topicId: 'café' }],
    ['/d/', { name: 'notFound' }],
    ['/d/a/b', { name: 'notFound' }],
    ['/t/%E0%A4%A', { name: 'notFound' }],
    ['/docs', { name: 'notFound' }],
    ['/api/dialogues', { name: 'notFound' }],
    ['/dialogues', { name: 'notFound' }],
  ])('%s → %j', (path, route) => {
    expect(matchRoute(path)).toEqual(route);
  });

  it('reads back the paths it builds', () => {
    expect(matchRoute(paths.home())).toEqual({ name: 'home' });
    expect(matchRoute(paths.dialogue('a b/c'))).toEqual({ name: 'dialogue', slug: 'a b/c' });
    expect(matchRoute(paths.topic('t1'))).toEqual({ name: 'topic', topicId: 't1' });
  });
});

describe('routablePath', () => {
  const here = { href: 'http://localhost:3000/d/idm-2010', origin: 'http://localhost:3000', pathname: '/d/idm-2010' };

  it('keeps same-origin links to client routes in the app', () => {
    expect(routablePath('/t/t1', here)).toBe('/t/t1');
    expect(routablePath('http://localhost:3000/?x=1', here)).toBe('/?x=1');
    expect(routablePath('/t/t1#comment-c9', here)).toBe('/t/t1#comment-c9');
  });

  it('leaves other origins, server paths and in-page anchors to the browser', () => {
    expect(routablePath('https://www.iom.int/idm', here)).toBeNull();
    expect(routablePath('http://localhost:3001/', here)).toBeNull();
    expect(routablePath('/docs', here)).toBeNull();
    expect(routablePath('/api/dialogues', here)).toBeNull();
    expect(routablePath('#main', here)).toBeNull();
  });
});
