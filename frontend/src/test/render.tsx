// Rendering a page for a component test: the API answered by the test (every call recorded), in
// the console's or the web app's session, with a query client that does not retry.
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import type { ReactElement, ReactNode } from "react";
import { ConsoleContext, type ConsoleSession } from "../admin/context";
import type { Api, RequestOptions } from "../shared/api";
import { SessionContext, type Session } from "../web/session";

export interface Call {
  path: string;
  options?: RequestOptions;
}

/** What the API answers a call with; throwing makes the call fail. */
export type Answer = (path: string, options?: RequestOptions) => unknown;

function recording(answer: Answer): { api: Api; calls: Call[] } {
  const calls: Call[] = [];
  const api = (async (path: string, options?: RequestOptions) => {
    calls.push({ path, options });
    return answer(path, options);
  }) as Api;
  return { api, calls };
}

function renderWith(ui: ReactElement, provide: (children: ReactNode) => ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{provide(children)}</QueryClientProvider>
  );
  return render(ui, { wrapper });
}

/** Renders a console page as a platform administrator. */
export function renderInConsole(ui: ReactElement, answer: Answer): Call[] {
  const { api, calls } = recording(answer);
  const session = { api, auth: {}, name: "Root" } as unknown as ConsoleSession;
  renderWith(ui, (children) => <ConsoleContext.Provider value={session}>{children}</ConsoleContext.Provider>);
  return calls;
}

/** Renders a web app page as a person to whom {@code can} grants permissions (all by default). */
export function renderInWebApp(
  ui: ReactElement,
  answer: Answer,
  can: (permission: string) => boolean = () => true,
): Call[] {
  const { api, calls } = recording(answer);
  const session = { api, can } as unknown as Session;
  renderWith(ui, (children) => <SessionContext.Provider value={session}>{children}</SessionContext.Provider>);
  return calls;
}
