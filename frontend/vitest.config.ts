import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";

// Component tests: React components rendered in jsdom, one file beside each component it tests
// (`*.test.tsx`). `npm test` runs them after the node tests of test/.
export default defineConfig({
  plugins: [react()],
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.tsx"],
    setupFiles: ["src/test/setup.ts"],
  },
});
