import { flushPromises, mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChartOption } from '@/charts/types';
import EChart from '../EChart.vue';

// ECharts cannot draw in happy-dom; the wrapper's lifecycle is tested against a fake instance.
const fake = vi.hoisted(() => {
  const handlers = new Map<string, () => void>();
  const instance = {
    setOption: vi.fn(),
    resize: vi.fn(),
    dispose: vi.fn(),
    on: vi.fn((event: string, handler: () => void) => handlers.set(event, handler)),
  };
  return { instance, handlers, init: vi.fn(() => instance) };
});
vi.mock('@/charts/echarts', () => ({ init: fake.init, CHART_THEME_NAME: 'digigov' }));

const first: ChartOption = { series: [{ type: 'bar', data: [1] }] };
const second: ChartOption = { series: [{ type: 'bar', data: [2] }] };

async function mountChart() {
  const wrapper = mount(EChart, { props: { option: first, label: 'A chart', testId: 'chart' } });
  await flushPromises();
  return wrapper;
}

describe('EChart', () => {
  beforeEach(() => {
    fake.handlers.clear();
    vi.clearAllMocks();
  });

  it('initialises on its element with the app theme and draws the option', async () => {
    const wrapper = await mountChart();
    expect(fake.init).toHaveBeenCalledWith(wrapper.element, 'digigov', { renderer: 'canvas' });
    expect(fake.instance.setOption).toHaveBeenCalledWith(first, { notMerge: true });
    expect(wrapper.attributes()).toMatchObject({ role: 'img', 'aria-label': 'A chart', 'data-testid': 'chart' });
  });

  it('marks itself rendered after the finished event, and not rendered while redrawing', async () => {
    const wrapper = await mountChart();
    expect(wrapper.attributes('data-rendered')).toBe('false');
    fake.handlers.get('finished')!();
    await wrapper.vm.$nextTick();
    expect(wrapper.attributes('data-rendered')).toBe('true');

    await wrapper.setProps({ option: second });
    expect(fake.instance.setOption).toHaveBeenLastCalledWith(second, { notMerge: true });
    expect(wrapper.attributes('data-rendered')).toBe('false');
  });

  it('exposes the instance and disposes it on unmount', async () => {
    const wrapper = await mountChart();
    expect((wrapper.vm as unknown as { chart: unknown }).chart).toBe(fake.instance);
    wrapper.unmount();
    expect(fake.instance.dispose).toHaveBeenCalledOnce();
  });

  it('does not initialise when unmounted before the fonts are ready', async () => {
    const wrapper = mount(EChart, { props: { option: first, label: 'A chart' } });
    wrapper.unmount();
    await flushPromises();
    expect(fake.init).not.toHaveBeenCalled();
  });
});
