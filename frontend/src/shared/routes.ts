import { createRoute, lazyRouteComponent, type AnyRoute } from "@tanstack/react-router";

/**
 * A route whose page component is loaded (its own chunk) when the route is first visited. The path
 * stays a literal type, so the route's `useParams()` knows its parameters by name.
 */
export function lazyPage<TParent extends AnyRoute, TPath extends string>(
  parent: TParent,
  path: TPath,
  load: () => Promise<Record<string, unknown>>,
  component: string,
) {
  return createRoute({
    getParentRoute: () => parent,
    path,
    component: lazyRouteComponent(load as never, component as never),
  });
}
