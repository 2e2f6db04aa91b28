import { createPinia } from 'pinia';
import { createApp } from 'vue';
import urql from '@urql/vue';
import { createApiClient } from '@/api/client';
import { prefetchOverview } from '@/api/overview-prefetch';
import { createAppI18n, loadLocaleMessages, readStoredLocale, syncLocaleToDocument } from '@/locales';
import { createAppRouter } from '@/router';
import { redirectAfterExpiry } from '@/router/session';
import { useAuthStore } from '@/stores/auth';
import App from './App.vue';
import './styles/fonts.css';
import './styles/main.css';
import './styles/print.css';

// Charts measure their text once, after the web font has loaded (EChart.vue): ask for
// both weights and both subsets now rather than when the page first lays them out.
for (const weight of ['400', '600'])
  void document.fonts?.load(`${weight} 16px "Noto Sans Thai"`, 'กA').catch(() => undefined);

// English is a separate chunk (locales/messages.ts): load it first when it is the remembered choice.
const initialLocale = readStoredLocale();
await loadLocaleMessages(initialLocale);
const i18n = createAppI18n(initialLocale);
syncLocaleToDocument(i18n);

const pinia = createPinia();
const app = createApp(App);

const client = createApiClient({
  getLocale: () => i18n.global.locale.value,
  onError: (error) => {
    if (import.meta.env.DEV) console.warn(`[api] ${error.code}: ${error.detail}`);
    // Any refusal of the token ends the session, wherever it happened.
    if (error.code === 'UNAUTHENTICATED') useAuthStore(pinia).handleUnauthenticated();
  },
});

// urql before the router: the first navigation's guard restores the session through it.
app.use(pinia).use(i18n).use(urql, client);
const router = createAppRouter(() => useAuthStore(pinia));
// After the auth guard (the role decides includeSubmitted), before the page's code is fetched.
router.beforeEach((to) => {
  if (to.name === 'overview-home') prefetchOverview(client, to.query, useAuthStore(pinia).role);
});
useAuthStore(pinia).onExpired(() => void redirectAfterExpiry(router));
app.use(router).mount('#app');
