// ESLint for the web apps, run by `npm run build` (and so by every Maven build): the recommended
// rules of JavaScript and TypeScript, and React's rules of hooks. Formatting is Prettier's.
import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "target/", "node_modules/", "public/shared/", "src/shared/api-types.gen.ts"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["src/**/*.{ts,tsx}"],
    languageOptions: { globals: globals.browser },
    plugins: { "react-hooks": reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ["**/*.{js,mjs}", "vite.config.ts"],
    languageOptions: { globals: globals.node },
  },
  {
    // The browser tests hand functions to the page (page.evaluate): they run in the browser.
    files: ["e2e/**/*.mjs"],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
