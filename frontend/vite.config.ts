import { defineConfig, type Plugin } from "vite";
import react from "@vitejs/plugin-react";
import tailwindcss from "@tailwindcss/vite";
import { resolve } from "node:path";

// Two apps, one build: the tenant web app (index.html, served at /) and the super-admin console
// (admin/index.html, served at /admin/). In dev mode (npm run dev) the API is proxied to the
// platform that `bin/plexica up` runs.
const platform = process.env.PLEXICA_URL ?? "http://localhost:9080";

/** In dev mode, the console's routes (/admin/...) get the console's page, as WebAppFilter does. */
const consoleFallback: Plugin = {
  name: "plexica-console-fallback",
  configureServer(server) {
    server.middlewares.use((request, _response, next) => {
      const path = (request.url ?? "").split("?")[0];
      if (/^\/admin(\/|$)/.test(path) && !/\.[a-z0-9]+$/i.test(path)) {
        request.url = "/admin/index.html";
      }
      next();
    });
  },
};

export default defineConfig({
  plugins: [react(), tailwindcss(), consoleFallback],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    rollupOptions: {
      input: {
        web: resolve(import.meta.dirname, "index.html"),
        admin: resolve(import.meta.dirname, "admin/index.html"),
      },
    },
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      "/api": platform,
    },
  },
});
