import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'src/lib/paraglide/',
			'data/',
			'test-results/',
			'playwright-report/'
		]
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			// typescript already reports undefined identifiers, with types in mind
			'no-undef': 'off',
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
			],
			// The portal is always served at the origin's root (no `paths.base`), and content links
			// are built from data; resolve() would add nothing but noise.
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	{
		// CouchDB design functions: bare function expressions evaluated by the database.
		files: ['couchdb/**/*.js'],
		rules: { '@typescript-eslint/no-unused-vars': 'off' }
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		// No `projectService`: no rule here needs type information (svelte-check does the type
		// checking), and building a TypeScript program per Svelte file made `eslint .` 4× slower.
		languageOptions: {
			parserOptions: {
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	}
);
