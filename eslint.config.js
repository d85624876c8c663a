// Lint rules are errors, never warnings: a warning nobody reads protects nothing.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'vigil-data/', 'test-output/', 'bench-data/', 'src/web/assets/vendor/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: { allowDefaultProject: ['*.js', 'bin/*.js', 'src/archive/*.mjs', 'src/archive/import/*.mjs', 'src/places/*.mjs', 'src/db/*.mjs'] }, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-control-regex': 'off',
    },
  },
  { files: ['bin/*.js', '*.js', 'src/**/*.mjs'], languageOptions: { globals: { process: 'readonly', console: 'readonly' } } },
  // The browser script is plain JavaScript served as is: checked without type information.
  {
    files: ['src/web/assets/**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      parserOptions: { projectService: false, project: null },
      globals: { document: 'readonly', HTMLElement: 'readonly', window: 'readonly' },
    },
  },
);
