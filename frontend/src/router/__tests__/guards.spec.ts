import { describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { User } from '@/api/auth';
import { installGuards, landingRoute, routeAccess, safeRedirect, type GuardAuth } from '../index';
import { redirectAfterExpiry } from '../session';

const stub = { render: () => null };
const user = (role: User['role'], provinceCode: string | null = null): User => ({
  id: 'u',
  email: 'e',
  role,
  provinceCode,
  readOnly: false,
});

function router(auth: Partial<GuardAuth>) {
  const r = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', name: 'overview-home', component: stub },
      { path: '/login', name: 'login', component: stub },
      { path: '/start', name: 'landing', meta: { requiresAuth: true }, component: stub },
      { path: '/forbidden', name: 'forbidden', component: stub },
      {
        path: '/workspace',
        name: 'workspace-current',
        meta: { requiresAuth: true, roles: ['OFFICER', 'ADMIN'] },
        component: stub,
      },
      {
        path: '/workspace/:provinceCode/:quarterCode',
        name: 'workspace',
        meta: { requiresAuth: true, roles: ['OFFICER', 'ADMIN'], ownProvince: true },
        component: stub,
      },
      {
        path: '/approvals',
        name: 'approvals',
        meta: { requiresAuth: true, roles: ['PLANNER', 'ADMIN'] },
        component: stub,
      },
    ],
  });
  const state: GuardAuth = { user: null, endReason: null, restore: async () => state.user, ...auth };
  installGuards(r, () => state);
  return r;
}

describe('landingRoute', () => {
  it('sends each role to where its work is', () => {
    expect(landingRoute(user('OFFICER', 'TH-40'))).toEqual({ name: 'workspace-current' });
    expect(landingRoute(user('PLANNER'))).toEqual({ name: 'approvals' });
    expect(landingRoute(user('ADMIN'))).toEqual({ name: 'approvals' });
    expect(landingRoute(user('ANALYST'))).toEqual({ name: 'overview-home' });
  });
});

describe('routeAccess', () => {
  const workspace = { requiresAuth: true, roles: ['OFFICER', 'ADMIN'] as const, ownProvince: true };
  const approvals = { requiresAuth: true, roles: ['PLANNER', 'ADMIN'] as const };

  it('lets anyone open public pages', () => {
    expect(routeAccess({}, {}, null)).toBe('allow');
  });

  it('asks anonymous users to sign in', () => {
    expect(routeAccess(approvals, {}, null)).toBe('sign-in');
  });

  it('refuses the wrong role and the wrong province', () => {
    expect(routeAccess(approvals, {}, user('OFFICER', 'TH-40'))).toBe('forbidden');
    expect(routeAccess(approvals, {}, user('ANALYST'))).toBe('forbidden');
    expect(routeAccess(workspace, { provinceCode: 'TH-50' }, user('OFFICER', 'TH-40'))).toBe('forbidden');
    expect(routeAccess(workspace, { provinceCode: 'TH-40' }, user('PLANNER'))).toBe('forbidden');
  });

  it('lets an officer into their own province and an administrator anywhere', () => {
    expect(routeAccess(workspace, { provinceCode: 'TH-40' }, user('OFFICER', 'TH-40'))).toBe('allow');
    expect(routeAccess(workspace, { provinceCode: 'TH-50' }, user('ADMIN'))).toBe('allow');
    expect(routeAccess(approvals, {}, user('PLANNER'))).toBe('allow');
  });
});

describe('safeRedirect', () => {
  it('follows only paths of this app', () => {
    expect(safeRedirect('/approvals?quarter=FY2570Q1')).toBe('/approvals?quarter=FY2570Q1');
    expect(safeRedirect('//evil.example')).toBeNull();
    expect(safeRedirect('https://evil.example')).toBeNull();
    expect(safeRedirect(['/a'])).toBeNull();
  });
});

describe('installGuards', () => {
  it('sends anonymous users to sign in, remembering where they were going', async () => {
    const r = router({});
    await r.push('/approvals');
    expect(r.currentRoute.value.fullPath).toBe('/login?redirect=/approvals');
  });

  it('says the session expired when that is why', async () => {
    const r = router({ endReason: 'expired' });
    await r.push('/workspace/TH-40/FY2570Q1');
    expect(r.currentRoute.value.query).toEqual({ redirect: '/workspace/TH-40/FY2570Q1', reason: 'expired' });
  });

  it('restores the session before deciding', async () => {
    const restore = vi.fn(async () => user('OFFICER', 'TH-40'));
    const r = router({ restore });
    await r.push('/workspace/TH-40/FY2570Q1');
    expect(restore).toHaveBeenCalled();
    expect(r.currentRoute.value.name).toBe('workspace');
  });

  it('shows the forbidden page for the wrong role or province', async () => {
    const r = router({ user: user('OFFICER', 'TH-40') });
    await r.push('/workspace/TH-50/FY2570Q1');
    expect(r.currentRoute.value.name).toBe('forbidden');
    expect(r.currentRoute.value.query.from).toBe('/workspace/TH-50/FY2570Q1');
    await r.push('/approvals');
    expect(r.currentRoute.value.name).toBe('forbidden');
  });

  it('resolves the landing page by role', async () => {
    const r = router({ user: user('PLANNER') });
    await r.push('/start');
    expect(r.currentRoute.value.name).toBe('approvals');
  });

  it('keeps the overview open to everyone', async () => {
    const r = router({});
    await r.push('/');
    expect(r.currentRoute.value.name).toBe('overview-home');
  });
});

describe('redirectAfterExpiry', () => {
  it('goes to sign in from a page that needs it, and stays on a public page', async () => {
    const signedIn = { user: user('OFFICER', 'TH-40') as User | null };
    const r = router({
      get user() {
        return signedIn.user;
      },
    });
    await r.push('/workspace/TH-40/FY2570Q1');
    signedIn.user = null;
    await redirectAfterExpiry(r);
    expect(r.currentRoute.value.name).toBe('login');
    expect(r.currentRoute.value.query).toEqual({ reason: 'expired', redirect: '/workspace/TH-40/FY2570Q1' });
    await r.push('/');
    expect(redirectAfterExpiry(r)).toBeNull();
    expect(r.currentRoute.value.name).toBe('overview-home');
  });
});
