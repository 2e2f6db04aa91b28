import type { Router } from 'vue-router';
import { routeAccess } from './index';

/**
 * What happens when a session ends by itself (the token expired or the server
 * refused it): on a page that needs signing in, go to the sign-in page, which
 * says the session expired and brings the user back afterwards; on a public
 * page (the overview), stay, and the header offers to sign in again.
 */
export function redirectAfterExpiry(router: Router): Promise<unknown> | null {
  const current = router.currentRoute.value;
  if (current.name === 'login') return null;
  if (routeAccess(current.meta, current.params, null) === 'allow') return null;
  return router.push({ name: 'login', query: { reason: 'expired', redirect: current.fullPath } });
}
