import { matchRoute, routablePath, type Route } from './routes.ts';

/** History-API routing: the current path as state, same-origin link clicks and back/forward. */
export class Router {
  path = $state(location.pathname);
  /** the query string of the current entry, `?…` or empty */
  search = $state(location.search);
  route: Route = $derived(matchRoute(this.path));
  // Set by navigation, consumed by the next page heading to mount: a first load leaves focus
  // where the browser puts it, a navigation moves it to the new page's heading.
  #focusPending = false;

  constructor() {
    addEventListener('popstate', () => this.#show());
    document.addEventListener('click', (event) => this.#onClick(event));
  }

  /** Shows an in-app path (pathname, search, hash) as a new history entry. */
  navigate(path: string): void {
    if (path === location.pathname + location.search) return;
    history.pushState(null, '', path);
    this.#show();
    scrollTo(0, 0);
  }

  /**
   * Shows another query of the current page as a new history entry (a list's filters): the page
   * follows `search` itself, so the focus and the scroll stay where the reader is.
   */
  showQuery(search: string): void {
    if (search === location.search) return;
    history.pushState(null, '', location.pathname + search);
    this.search = location.search;
  }

  /** An attachment for page headings: takes focus after a navigation. */
  focusHeading = (heading: HTMLElement): void => {
    if (!this.#focusPending) return;
    this.#focusPending = false;
    heading.focus();
  };

  #show(): void {
    this.path = location.pathname;
    this.search = location.search;
    this.#focusPending = true;
  }

  #onClick(event: MouseEvent): void {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const anchor = event.target instanceof Element ? event.target.closest('a') : null;
    if (!anchor || anchor.hasAttribute('download') || (anchor.target && anchor.target !== '_self')) return;
    const path = routablePath(anchor.href, location);
    if (path === null) return;
    event.preventDefault();
    this.navigate(path);
  }
}

export const router = new Router();
