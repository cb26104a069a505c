import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import litA11y from 'eslint-plugin-lit-a11y';
import noOnlyTests from 'eslint-plugin-no-only-tests';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: ['node_modules/', 'dist/', 'demo-dist/', 'public/', 'custom-elements.json', 'examples/**/dist/', 'examples/**/node_modules/'],
  },
  {
    // The framework apps have their own dependencies, installed by `npm run test:examples`, and are
    // type-checked by their own builds (tsc, vue-tsc, ng build).
    ignores: ['examples/react/', 'examples/vue/', 'examples/angular/'],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser },
    },
    plugins: { 'no-only-tests': noOnlyTests, 'lit-a11y': litA11y },
    rules: {
      ...litA11y.configs.recommended.rules,
      'no-only-tests/no-only-tests': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
    },
  },
  lit.configs['flat/recommended'],
  wc.configs['flat/recommended'],
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { ...globals.node },
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-expressions': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      // chai's assertions are typed as thenables; an un-awaited async check is still caught by require-await
      '@typescript-eslint/no-floating-promises': 'off',
      '@typescript-eslint/no-unsafe-class-instance-assignment': 'off',
    },
  },
  {
    // Node tests beside the browser ones: type-checked by test/node's project, which includes them.
    files: ['test/**/*.node.test.ts'],
    languageOptions: {
      parserOptions: { projectService: false, project: './test/node/tsconfig.json', tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
  },
  {
    files: ['scripts/**/*.ts', 'bench/**/*.ts', 'vite.config.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
);
