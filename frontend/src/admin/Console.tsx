import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider } from "@tanstack/react-router";
import { useState } from "react";
import { ApiError } from "../shared/api";
import { ConsoleContext, type ConsoleSession } from "./context";
import { router } from "./routes";

export function Console({ api, auth, name }: ConsoleSession) {
  const [session] = useState(() => ({ api, auth, name }));
  const [queries] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: { staleTime: 10_000, retry: (n, e) => !(e instanceof ApiError && e.status < 500) && n < 2 },
        },
      }),
  );
  return (
    <ConsoleContext.Provider value={session}>
      <QueryClientProvider client={queries}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </ConsoleContext.Provider>
  );
}
