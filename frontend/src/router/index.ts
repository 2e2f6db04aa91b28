import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';

// Pages are lazy so that ECharts (and the map geometry) load only where drawn.
export const routes: RouteRecordRaw[] = [
  {
    path: '/',
    name: 'overview-home',
    component: () => import('@/views/overview/home/index.vue'),
  },
  { path: '/:pathMatch(.*)*', redirect: '/' },
];

export function createAppRouter() {
  return createRouter({ history: createWebHistory(import.meta.env.BASE_URL), routes });
}
