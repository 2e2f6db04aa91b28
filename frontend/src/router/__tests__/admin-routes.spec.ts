import { describe, expect, it } from 'vitest';
import type { User } from '@/api/auth';
import { routeAccess, routes } from '../index';

const user = (role: User['role'], provinceCode: string | null = null): User => ({
  id: 'u',
  email: 'e',
  role,
  provinceCode,
  readOnly: false,
});
const meta = (name: string) => routes.find((r) => r.name === name)!.meta ?? {};

describe('the analyst and framework routes', () => {
  it('open the analyst page to anyone signed in, and ask others to sign in', () => {
    expect(routeAccess(meta('analyst'), {}, null)).toBe('sign-in');
    for (const role of ['ANALYST', 'PLANNER', 'ADMIN', 'OFFICER'] as const)
      expect(routeAccess(meta('analyst'), {}, user(role, role === 'OFFICER' ? 'TH-40' : null))).toBe('allow');
  });

  it('open framework administration to planners and administrators only', () => {
    expect(routeAccess(meta('framework'), {}, null)).toBe('sign-in');
    expect(routeAccess(meta('framework'), {}, user('PLANNER'))).toBe('allow');
    expect(routeAccess(meta('framework'), {}, user('ADMIN'))).toBe('allow');
    expect(routeAccess(meta('framework'), {}, user('ANALYST'))).toBe('forbidden');
    expect(routeAccess(meta('framework'), {}, user('OFFICER', 'TH-40'))).toBe('forbidden');
  });
});
