import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { computed, ref } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { ShellQueryData } from '@/api/shell';
import App from '@/App.vue';
import { appPlugins } from '@/test-support/plugins';

const shell = vi.hoisted(() => ({ data: null as unknown }));
vi.mock('@/composables/use-shell-data', () => ({
  useShellData: () => ({
    data: shell.data,
    loading: computed(() => false),
    error: computed(() => null),
    refresh: () => {},
  }),
}));

function systemInfo(demoDataLoaded: boolean) {
  return { systemInfo: { demoDataLoaded, version: '1.0.0' } } as Partial<ShellQueryData>;
}

async function mountApp(data: Partial<ShellQueryData>, locale: 'th' | 'en' = 'th') {
  shell.data = ref(data);
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', name: 'overview-home', component: { template: '<p/>' } },
      { path: '/regions', name: 'overview-regions', component: { template: '<p/>' } },
      { path: '/ranking', name: 'overview-ranking', component: { template: '<p/>' } },
      { path: '/login', name: 'login', component: { template: '<p/>' } },
    ],
  });
  await router.push('/');
  const { pinia, i18n, urqlPlugin } = appPlugins({ locale });
  const wrapper = mount(App, { global: { plugins: [pinia, urqlPlugin, router, i18n] } });
  await flushPromises();
  return wrapper;
}

describe('App', () => {
  it('shows the demo-data notice when the server says demo data is loaded', async () => {
    const wrapper = await mountApp(systemInfo(true));
    const banner = wrapper.get('[data-testid="demo-banner"]');
    expect(banner.text()).toContain('ข้อมูลสาธิต');
    expect(banner.text()).toContain('ไม่ใช่ตัวเลขจริง');
    // What is synthetic and what is real, in Thai too (the server's note is English only).
    expect(banner.get('[data-testid="demo-detail"]').text()).toContain('เป็นข้อมูลสังเคราะห์');
    expect(banner.text()).not.toMatch(/Demo data:/);
  });

  it('shows no notice when no demo data is loaded', async () => {
    const wrapper = await mountApp(systemInfo(false));
    expect(wrapper.find('[data-testid="demo-banner"]').exists()).toBe(false);
  });

  it('names the app in the chosen language', async () => {
    expect((await mountApp(systemInfo(false), 'th')).text()).toContain('ระบบติดตามความก้าวหน้ารัฐบาลดิจิทัลระดับจังหวัด');
    expect((await mountApp(systemInfo(false), 'en')).text()).toContain('DigiGov Monitor');
  });

  it('switches the language from the header and remembers it', async () => {
    const wrapper = await mountApp(systemInfo(true));
    await wrapper.get('[data-testid="language-en"]').trigger('click');
    expect(wrapper.get('[data-testid="demo-banner"]').text()).toContain('synthetic');
    expect(wrapper.get('[data-testid="language-en"]').attributes('aria-pressed')).toBe('true');
    expect(localStorage.getItem('digigov.locale')).toBe('en');
  });
});
