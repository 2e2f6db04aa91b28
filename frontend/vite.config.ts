/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';
import { precompressPlugin } from './build/vite-plugin-precompress.ts';
import { thailandGeoPlugin } from './build/vite-plugin-thailand-geo.ts';

// The API runs on port 3000 in development (backend/src/core/config).
// VITE_API_PROXY overrides the target, e.g. for a preview against another server.
const apiTarget = process.env.VITE_API_PROXY ?? 'http://localhost:3000';
// /api: the spreadsheet template download and import endpoints beside GraphQL;
// /explorer: the bundled GraphiQL page the analyst page links to.
const proxy = {
  '/graphql': { target: apiTarget, changeOrigin: true },
  '/api': { target: apiTarget, changeOrigin: true },
  '/explorer': { target: apiTarget, changeOrigin: true },
};

export default defineConfig({
  plugins: [vue(), thailandGeoPlugin({ expectedFeatures: 77 }), precompressPlugin()],
  define: {
    // vue-i18n feature flags: composition API only, no devtools in production.
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: { proxy },
  preview: { proxy },
  build: {
    outDir: 'dist',
    // The echarts chunk (map, bar, line, custom series, visual map, legend: about 210 kB gzip) is
    // deliberately one file; warn only if it grows well beyond that.
    chunkSizeWarningLimit: 650,
    rolldownOptions: {
      output: {
        // ECharts + zrender are most of the weight and change rarely: keep
        // them in one long-cached chunk, loaded only by chart pages.
        codeSplitting: {
          groups: [
            // (Except the heat map, which only the province page draws: see charts/echarts-heatmap.ts.)
            { name: 'echarts', test: /node_modules[\\/](echarts[\\/](?!lib[\\/]chart[\\/]heatmap)|zrender[\\/])/ },
            // The framework every page needs, cached apart from the app's own code.
            { name: 'vendor', test: /node_modules[\\/](@vue|vue|vue-router|vue-i18n|@intlify|pinia|@urql|wonka)[\\/]/ },
          ],
        },
      },
    },
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.spec.ts', 'build/**/*.spec.ts'],
    setupFiles: ['src/test-support/setup.ts'],
    restoreMocks: true,
  },
});
