import { describe, expect, it } from 'vitest';
import { nextPath, withNext } from '../../client/src/lib/next-path.ts';
import { matchRoute, paths } from '../../client/src/lib/routes.ts';

const here = { href: 'https://dialogue.example.org/sign-in?next=x', origin: 'https://dialogue.example.org', pathname: '/sign-in' };

describe('the account pages', () => {
  it.each([
    ['/register', 'register'],
    ['/sign-in', 'signIn'],
    ['/profile', 'profile'],
    ['/profile/extra', 'notFound'],
  ])('%s is the %s route', (path, name) => {
    expect(matchRoute(path).name).toBe(name);
  });
});

describe('nextPath', () => {
  it.each([
    ['?next=%2Ft%2Fabc', '/t/abc'],
    ['?next=/d/idm-2010?x=1', '/d/idm-2010?x=1'],
    ['?next=' + encodeURIComponent('/d/idm-2010?tab=quotes#topic-2'), '/d/idm-2010?tab=quotes#topic-2'],
    ['?next=/profile', '/profile'],
  ])('follows an in-app path: %s → %s', (search, expected) => {
    expect(nextPath(search, here)).toBe(expected);
  });

  it.each([
    ['', 'no parameter'],
    ['?next=', 'an empty one'],
    ['?next=https://evil.example/t/abc', 'another site'],
    ['?next=//evil.example/t/abc', 'a protocol-relative address'],
    ['?next=/%5Cevil.example/t/abc', 'a backslash that browsers read as a slash'],
    ['?next=javascript:alert(1)', 'a script'],
    ['?next=/api/auth/me', 'a path the app has no page for'],
    ['?next=/sign-in', 'the sign-in page itself'],
    ['?next=/register%3Fnext%3D%2Ft%2F1', 'the registration page'],
    ['?next=http://[', 'an address that does not parse'],
  ])('goes home for %j (%s)', (search) => {
    expect(nextPath(search, here)).toBe(paths.home());
  });
});

describe('withNext', () => {
  it('adds the current path to links to account pages', () => {
    expect(withNext(paths.signIn(), '/t/abc')).toBe('/sign-in?next=%2Ft%2Fabc');
    expect(nextPath(new URL(withNext(paths.signIn(), '/t/a b'), here.href).search, here)).toBe('/t/a%20b');
  });

  it('leaves it out where coming back would be pointless', () => {
    expect(withNext(paths.register(), paths.home())).toBe('/register');
    expect(withNext(paths.register(), paths.signIn())).toBe('/register');
  });
});
