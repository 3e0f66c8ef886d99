// renderer/: a tiny hash router, so a reload stays on the same screen while signed in. The address
// carries only page names and random record ids, never names or anything a person typed.
import { useEffect, useState } from 'react';

export type Route =
  /** No address (just signed in) or one we do not know: the role's first section. */
  | { page: 'home' }
  | { page: 'due' }
  /** The supervisor dashboard (supervisors and admins). */
  | { page: 'dashboard' }
  /** A worker's week of appointments (and a day list), with outreach entry. */
  | { page: 'week' }
  | { page: 'caseload' }
  /** The partner directory and the partners suggested for it. */
  | { page: 'partners' }
  | { page: 'reports' }
  /** The admin page; `section` brings one part of it into view (the backup banner links there). */
  | { page: 'admin'; section?: 'backups' }
  | { page: 'access-log' }
  | { page: 'account' }
  /** "Needs review": what two laptops of a team changed at once. */
  | { page: 'review' }
  | { page: 'new-client' }
  | { page: 'client'; id: string };

const recordId = /^[0-9a-f]{32}$/u;

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/u, '').split('/');
  switch (parts[0]) {
    case 'due':
      return { page: 'due' };
    case 'dashboard':
      return { page: 'dashboard' };
    case 'week':
      return { page: 'week' };
    case 'caseload':
      return { page: 'caseload' };
    case 'partners':
      return { page: 'partners' };
    case 'reports':
      return { page: 'reports' };
    case 'admin':
      return parts[1] === 'backups' ? { page: 'admin', section: 'backups' } : { page: 'admin' };
    case 'access-log':
      return { page: 'access-log' };
    case 'account':
      return { page: 'account' };
    case 'review':
      return { page: 'review' };
    case 'clients':
      if (parts[1] === 'new') return { page: 'new-client' };
      if (parts[1] && recordId.test(parts[1])) return { page: 'client', id: parts[1] };
      return { page: 'caseload' };
    default:
      return { page: 'home' };
  }
}

export function hrefFor(route: Route): string {
  switch (route.page) {
    case 'new-client':
      return '#/clients/new';
    case 'client':
      return `#/clients/${route.id}`;
    case 'home':
      return '#/';
    case 'admin':
      return route.section ? `#/admin/${route.section}` : '#/admin';
    default:
      return `#/${route.page}`;
  }
}

export function navigate(route: Route): void {
  location.hash = hrefFor(route);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
