// Flat config: ESLint's and typescript-eslint's recommended rules everywhere, plus type-aware
// promise rules on the TypeScript (a dropped promise loses errors silently; see STYLE.md 13).
// Types come from the nearest tsconfig (the root one, or client/src/webview's DOM project).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The Node globals our scripts use (the `globals` package is not a dependency of ours).
const nodeGlobals = Object.fromEntries(
  ['process', 'console', 'require', 'module', 'exports', '__dirname', '__filename', 'Buffer', 'URL', 'setTimeout', 'clearTimeout', 'setImmediate', 'performance', 'structuredClone', 'TextEncoder', 'TextDecoder'].map((name) => [name, 'readonly']),
);

export default tseslint.config(
  {
    ignores: ['node_modules/', 'dist/', 'out/', '.vscode-test/', 'test-artifacts/', 'e2e-out/', 'bench/results/', '**/*.d.ts'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      // Handlers given to the LSP connection may be async when they catch their own errors (the
      // server's guard does), so promises passed as arguments are allowed; `if (promise)` is not.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // `namespace X { method; type }` is how protocol.ts declares each message, as vscode-eslint does.
      '@typescript-eslint/no-namespace': 'off',
    },
  },
  {
    // Tests match terminal colour codes (\x1b[...m) on purpose.
    files: ['test/**'],
    rules: { 'no-control-regex': 'off' },
  },
  {
    files: ['**/*.mjs', '**/*.cjs', '**/*.js'],
    languageOptions: { globals: nodeGlobals },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
