import { createRoute, lazyRouteComponent, type AnyRoute } from "@tanstack/react-router";

/** A route whose page component is loaded (its own chunk) when the route is first visited. */
export function lazyPage(
  parent: AnyRoute,
  path: string,
  load: () => Promise<Record<string, unknown>>,
  component: string,
) {
  return createRoute({
    getParentRoute: () => parent,
    path,
    component: lazyRouteComponent(load as never, component as never),
  });
}
