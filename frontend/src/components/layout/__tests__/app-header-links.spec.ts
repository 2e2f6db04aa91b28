import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { User } from '@/api/auth';
import { routes } from '@/router';
import { useAuthStore } from '@/stores/auth';
import { appPlugins } from '@/test-support/plugins';
import AppHeader from '../AppHeader.vue';

async function linksFor(role: User['role'] | null): Promise<string[]> {
  const { pinia, urqlPlugin, i18n } = appPlugins({ locale: 'en' });
  const router = createRouter({
    history: createMemoryHistory(),
    routes: routes.map((r) => ({ ...r, component: { render: () => null } })) as never,
  });
  await router.push('/');
  const wrapper = mount(AppHeader, { global: { plugins: [pinia, urqlPlugin, router, i18n] } });
  if (role)
    useAuthStore().user = {
      id: 'u',
      email: 'x@demo.local',
      role,
      provinceCode: role === 'OFFICER' ? 'TH-40' : null,
      readOnly: false,
    };
  await flushPromises();
  return wrapper.findAll('nav a').map((a) => a.attributes('data-testid')!);
}

describe('header links by role', () => {
  it('shows the analyst page to everyone signed in and framework administration to planners and administrators', async () => {
    const links = {
      anonymous: await linksFor(null),
      OFFICER: await linksFor('OFFICER'),
      ANALYST: await linksFor('ANALYST'),
      PLANNER: await linksFor('PLANNER'),
      ADMIN: await linksFor('ADMIN'),
    };
    for (const list of Object.values(links)) expect(list[0]).toBe('nav-overview');
    expect(links.anonymous).not.toContain('nav-analyst');
    expect(links.anonymous).not.toContain('nav-framework');
    expect(links.OFFICER).toContain('nav-analyst');
    expect(links.OFFICER).not.toContain('nav-framework');
    expect(links.ANALYST).toContain('nav-analyst');
    expect(links.ANALYST).not.toContain('nav-framework');
    expect(links.PLANNER).toEqual(expect.arrayContaining(['nav-approvals', 'nav-framework', 'nav-analyst']));
    expect(links.ADMIN).toEqual(
      expect.arrayContaining(['nav-workspace', 'nav-approvals', 'nav-framework', 'nav-analyst', 'nav-users']),
    );
    for (const role of ['anonymous', 'OFFICER', 'ANALYST', 'PLANNER'] as const)
      expect(links[role]).not.toContain('nav-users');
  });
});
