import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [
    vue({
      // <ekyc-flow> is a custom element, not a Vue component: Vue renders it as is.
      template: { compilerOptions: { isCustomElement: (tag) => tag === 'ekyc-flow' } },
    }),
  ],
});
