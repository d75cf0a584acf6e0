// What a screen says while it waits, when it failed, when it is empty, and what a status is.
import type { UseQueryResult } from "@tanstack/react-query";
import { type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api";
import { Button } from "./buttons";

export function Spinner({ small = false }: { small?: boolean }) {
  return (
    <span
      aria-hidden="true"
      className={`inline-block animate-spin rounded-full border-2 border-current border-r-transparent ${small ? "h-3 w-3" : "h-6 w-6"}`}
    />
  );
}

export function Loading({ what }: { what?: string }) {
  const { t } = useTranslation();
  return (
    <div role="status" className="flex items-center gap-3 p-6 text-slate-600">
      <Spinner />
      <span>{what ?? t("common.loading")}…</span>
    </div>
  );
}

export function ErrorBox({ error, retry }: { error: unknown; retry?: () => void }) {
  const { t } = useTranslation();
  // A refusal (4xx) answers the same when asked again: no "Try again" for it.
  const retriable = !(error instanceof ApiError) || error.status >= 500 || error.status === 429;
  const text = error instanceof Error ? error.message : t("common.somethingWrong");
  // Machine text (a bundle's manifest, a stack of names) goes behind "Details", not in people's way.
  const technical = text.length > 220 || /\n|Bundle-|osgi\.|Exception|\bat [a-z]+\./.test(text);
  const message =
    error instanceof ApiError
      ? technical
        ? `${error.title}.`
        : `${error.title}: ${text}`
      : technical
        ? t("common.somethingWrong")
        : text;
  return (
    <div role="alert" className="rounded-md border border-red-200 bg-red-50 p-4 text-sm text-red-800">
      <p>{message}</p>
      {technical && (
        <details className="mt-2">
          <summary className="cursor-pointer">{t("common.details")}</summary>
          <pre className="mt-1 whitespace-pre-wrap break-words font-mono text-xs">{text}</pre>
        </details>
      )}
      {retry && retriable && (
        <Button variant="secondary" className="mt-3" onClick={retry}>
          {t("common.tryAgain")}
        </Button>
      )}
    </div>
  );
}

export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 p-8 text-center">
      <p className="font-medium text-slate-800">{title}</p>
      {children && <div className="mt-2 text-sm text-slate-600">{children}</div>}
    </div>
  );
}

/** Nothing to show: an empty list, or a page whose list is empty. */
function isEmptyList(data: unknown): boolean {
  if (Array.isArray(data)) return data.length === 0;
  const items = (data as { items?: unknown } | null)?.items;
  return Array.isArray(items) && items.length === 0;
}

/**
 * A query's four faces in the one order every screen shows them: waiting, failed (with "Try
 * again"), empty (a list, or a page of one, with nothing in it), and its data.
 */
export function Loaded<T>({
  query,
  loading,
  empty,
  isEmpty = isEmptyList,
  children,
}: {
  query: UseQueryResult<T>;
  loading: string;
  empty?: ReactNode;
  isEmpty?: (data: T) => boolean;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <Loading what={loading} />;
  if (query.isError) return <ErrorBox error={query.error} retry={() => void query.refetch()} />;
  if (empty !== undefined && isEmpty(query.data)) return empty;
  return children(query.data);
}

/** Why the last of these actions failed, above what they act on; nothing while none has. */
export function Failed({ actions }: { actions: { error: Error | null }[] }) {
  const error = actions.find((a) => a.error)?.error;
  return error ? (
    <div className="mb-4">
      <ErrorBox error={error} />
    </div>
  ) : null;
}

/** What an action has just done, said where the person looks and read out by screen readers. */
export function Done({ children, inline = false }: { children: ReactNode; inline?: boolean }) {
  return (
    <p
      role="status"
      className={inline ? "text-sm text-emerald-700" : "mb-4 rounded-md bg-emerald-50 p-3 text-sm text-emerald-900"}
    >
      {children}
    </p>
  );
}

const badgeColors: Record<string, string> = {
  ADMIN: "bg-indigo-100 text-indigo-800",
  MEMBER: "bg-emerald-100 text-emerald-800",
  VIEWER: "bg-slate-100 text-slate-700",
  ACTIVE: "bg-emerald-100 text-emerald-800",
  PROVISIONING: "bg-amber-100 text-amber-800",
  SUSPENDED: "bg-orange-100 text-orange-800",
  FAILED: "bg-red-100 text-red-800",
  DELETED: "bg-slate-200 text-slate-700",
  DEPRECATED: "bg-orange-100 text-orange-800",
  DONE: "bg-emerald-100 text-emerald-800",
  RUNNING: "bg-amber-100 text-amber-800",
  PENDING: "bg-slate-100 text-slate-700",
  ENABLED: "bg-emerald-100 text-emerald-800",
  DISABLED: "bg-slate-200 text-slate-700",
};

/** A status or role as a coloured label, in the page's language (the code stays in data-value). */
export function Badge({ children }: { children: string }) {
  const { t } = useTranslation();
  return (
    <span
      data-value={children}
      className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ${badgeColors[children] ?? "bg-slate-100 text-slate-700"}`}
    >
      {t(`common.status.${children}` as "common.status.ACTIVE", { defaultValue: children })}
    </span>
  );
}
