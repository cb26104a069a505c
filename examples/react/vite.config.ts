import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  // Two pages: the tag itself (React 19), and the EkycFlowReact component (React 18 and 19).
  build: { rolldownOptions: { input: ['index.html', 'wrapper.html'] } },
});
