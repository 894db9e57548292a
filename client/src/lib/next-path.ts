import { matchRoute, paths, routablePath } from './routes.ts';

type Here = { href: string; origin: string; pathname: string };

// Coming back to a sign-in or registration page after signing in would only ask again.
const isAuthPage = (path: string): boolean => ['register', 'signIn'].includes(matchRoute(new URL(path, 'http://x').pathname).name);

/**
 * Where to go after signing in or registering: the `?next=` of `search` when it is a path of
 * this app (never another site: the parameter comes from a link anyone can write), else home.
 */
export function nextPath(search: string, here: Here): string {
  const next = new URLSearchParams(search).get('next');
  const path = next && URL.canParse(next, here.href) ? routablePath(next, here) : null;
  return path === null || isAuthPage(path) ? paths.home() : path;
}

/** A link to an auth page (sign in, register) that brings the person back to `current` afterwards. */
export function withNext(authPath: string, current: string): string {
  if (current === paths.home() || isAuthPage(current)) return authPath;
  return `${authPath}?${new URLSearchParams({ next: current })}`;
}
