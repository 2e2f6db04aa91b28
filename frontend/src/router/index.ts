import { createRouter, createWebHistory, type RouteLocationRaw, type RouteRecordRaw, type Router } from 'vue-router';
import type { User, UserRole } from '@/api/auth';

declare module 'vue-router' {
  interface RouteMeta {
    /** Signed-in users only; with `roles`, only those roles. */
    requiresAuth?: boolean;
    roles?: readonly UserRole[];
    /** An officer may open only their own province (the route's :provinceCode). */
    ownProvince?: boolean;
  }
}

const REVIEWERS = ['PLANNER', 'ADMIN'] as const;
const EDITORS = ['OFFICER', 'ADMIN'] as const;

// Pages are lazy so that ECharts (and the map geometry) load only where drawn,
// and the forms only for those who fill them in.
export const routes: RouteRecordRaw[] = [
  {
    path: '/',
    name: 'overview-home',
    component: () => import('@/views/overview/home/index.vue'),
  },
  // The analytics pages are public: anonymous visitors read approved aggregates (open data).
  {
    path: '/regions',
    name: 'overview-regions',
    component: () => import('@/views/overview/regions/index.vue'),
  },
  {
    path: '/ranking',
    name: 'overview-ranking',
    component: () => import('@/views/overview/ranking/index.vue'),
  },
  {
    path: '/province/:code',
    name: 'province',
    component: () => import('@/views/province/scorecard/index.vue'),
  },
  {
    path: '/login',
    name: 'login',
    component: () => import('@/views/auth/login/index.vue'),
  },
  {
    path: '/start',
    name: 'landing',
    meta: { requiresAuth: true },
    // Resolved by the guard (landingRoute); never rendered.
    component: { render: () => null },
  },
  {
    path: '/workspace',
    name: 'workspace-current',
    meta: { requiresAuth: true, roles: EDITORS },
    component: () => import('@/views/workspace/current/index.vue'),
  },
  {
    path: '/workspace/:provinceCode/:quarterCode',
    name: 'workspace',
    meta: { requiresAuth: true, roles: EDITORS, ownProvince: true },
    component: () => import('@/views/workspace/report/index.vue'),
  },
  {
    path: '/approvals',
    name: 'approvals',
    meta: { requiresAuth: true, roles: REVIEWERS },
    component: () => import('@/views/approvals/queue/index.vue'),
  },
  {
    path: '/approvals/:provinceCode/:quarterCode',
    name: 'report-review',
    meta: { requiresAuth: true, roles: REVIEWERS },
    component: () => import('@/views/approvals/review/index.vue'),
  },
  {
    path: '/analyst',
    name: 'analyst',
    // Anyone signed in may read the API guide and open the explorer; only analysts may create tokens here.
    meta: { requiresAuth: true },
    component: () => import('@/views/analyst/api/index.vue'),
  },
  {
    path: '/framework',
    name: 'framework',
    meta: { requiresAuth: true, roles: REVIEWERS },
    component: () => import('@/views/framework/admin/index.vue'),
  },
  {
    path: '/admin/users',
    name: 'admin-users',
    meta: { requiresAuth: true, roles: ['ADMIN'] },
    component: () => import('@/views/admin/users/index.vue'),
  },
  {
    // The invitation and reset links land here; anyone holding a valid link may use it.
    path: '/set-password',
    name: 'set-password',
    component: () => import('@/views/auth/set-password/index.vue'),
  },
  {
    path: '/account/password',
    name: 'change-password',
    meta: { requiresAuth: true },
    component: () => import('@/views/auth/change-password/index.vue'),
  },
  {
    path: '/forbidden',
    name: 'forbidden',
    component: () => import('@/views/auth/forbidden/index.vue'),
  },
  { path: '/:pathMatch(.*)*', redirect: '/' },
];

/**
 * Where a user starts after signing in: an officer in their province's
 * workspace (the current quarter is resolved there), planners and
 * administrators at the approvals queue, analysts at the overview.
 */
export function landingRoute(user: Pick<User, 'role'>): RouteLocationRaw {
  switch (user.role) {
    case 'OFFICER':
      return { name: 'workspace-current' };
    case 'PLANNER':
    case 'ADMIN':
      return { name: 'approvals' };
    case 'ANALYST':
      return { name: 'overview-home' };
  }
}

export type AccessVerdict = 'allow' | 'sign-in' | 'forbidden';

/** Whether a user may open a route: the one rule the guard and the header both use. */
export function routeAccess(
  meta: { requiresAuth?: boolean; roles?: readonly UserRole[]; ownProvince?: boolean },
  params: Record<string, string | string[] | undefined>,
  user: Pick<User, 'role' | 'provinceCode'> | null,
): AccessVerdict {
  if (!meta.requiresAuth && !meta.roles) return 'allow';
  if (!user) return 'sign-in';
  if (meta.roles && !meta.roles.includes(user.role)) return 'forbidden';
  if (meta.ownProvince && user.role === 'OFFICER' && params.provinceCode !== user.provinceCode) return 'forbidden';
  return 'allow';
}

/** Only same-app paths are followed after sign-in (no open redirect to another site). */
export function safeRedirect(value: unknown): string | null {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') ? value : null;
}

export interface GuardAuth {
  user: User | null;
  endReason: 'expired' | 'signedOut' | null;
  restore: () => Promise<User | null>;
}

export function installGuards(router: Router, auth: () => GuardAuth): void {
  router.beforeEach(async (to) => {
    const store = auth();
    const user = store.user ?? (await store.restore());
    if (to.name === 'landing') return user ? landingRoute(user) : { name: 'login' };
    const verdict = routeAccess(to.meta, to.params, user);
    if (verdict === 'sign-in') {
      const query: Record<string, string> = { redirect: to.fullPath };
      if (store.endReason === 'expired') query.reason = 'expired';
      return { name: 'login', query };
    }
    if (verdict === 'forbidden') return { name: 'forbidden', query: { from: to.fullPath } };
    return true;
  });
}

export function createAppRouter(auth?: () => GuardAuth): Router {
  const router = createRouter({ history: createWebHistory(import.meta.env.BASE_URL), routes });
  if (auth) installGuards(router, auth);
  return router;
}
