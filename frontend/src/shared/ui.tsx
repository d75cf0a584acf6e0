import {
  Children,
  cloneElement,
  isValidElement,
  useEffect,
  useId,
  useRef,
  useState,
  type ButtonHTMLAttributes,
  type InputHTMLAttributes,
  type ReactElement,
  type ReactNode,
  type SelectHTMLAttributes,
} from "react";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { ApiError } from "./api";
import { formatNumber } from "./i18n";

export { formatDate, formatMegabytes, formatNumber } from "./i18n";

/** The few building blocks every screen uses, so both apps look and behave alike. */

type Variant = "primary" | "secondary" | "danger" | "ghost";

const variants: Record<Variant, string> = {
  primary: "bg-indigo-600 text-white hover:bg-indigo-700 disabled:bg-indigo-300",
  secondary:
    "bg-white text-slate-800 ring-1 ring-inset ring-slate-300 hover:bg-slate-50 disabled:text-slate-400",
  danger: "bg-red-600 text-white hover:bg-red-700 disabled:bg-red-300",
  ghost: "text-slate-700 hover:bg-slate-100",
};

export function Button({
  variant = "primary",
  busy = false,
  className = "",
  children,
  disabled,
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant; busy?: boolean }) {
  return (
    <button
      type="button"
      {...props}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
      className={`inline-flex items-center justify-center gap-2 rounded-md px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:cursor-not-allowed ${variants[variant]} ${className}`}
    >
      {busy && <Spinner small />}
      {children}
    </button>
  );
}

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
    error instanceof ApiError ? (technical ? `${error.title}.` : `${error.title}: ${text}`) : technical ? t("common.somethingWrong") : text;
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

export function Card({ title, actions, children }: { title?: string; actions?: ReactNode; children: ReactNode }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white shadow-sm">
      {(title || actions) && (
        <header className="flex items-center justify-between gap-4 border-b border-slate-200 px-4 py-3">
          {title && <h2 className="text-base font-semibold text-slate-900">{title}</h2>}
          {actions}
        </header>
      )}
      <div className="p-4">{children}</div>
    </section>
  );
}

export function PageHeader({ title, actions, children }: { title: string; actions?: ReactNode; children?: ReactNode }) {
  return (
    <div className="mb-6 flex flex-wrap items-start justify-between gap-4">
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">{title}</h1>
        {children && <p className="mt-1 text-sm text-slate-600">{children}</p>}
      </div>
      {actions && <div className="flex flex-wrap gap-2">{actions}</div>}
    </div>
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

export function Field({
  label,
  error,
  hint,
  children,
}: {
  label: string;
  error?: string;
  hint?: string;
  children: (id: string, describedBy: string | undefined) => ReactNode;
}) {
  const id = useId();
  const described = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children(id, described)}
      {hint && !error && (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="text-xs text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

const inputClass =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm focus:border-indigo-600 focus:outline-none focus:ring-1 focus:ring-indigo-600 aria-[invalid=true]:border-red-600";

export function TextInput({
  label,
  error,
  hint,
  ...props
}: InputHTMLAttributes<HTMLInputElement> & { label: string; error?: string; hint?: string }) {
  return (
    <Field label={label} error={error} hint={hint}>
      {(id, described) => (
        <input
          id={id}
          aria-describedby={described}
          aria-invalid={error ? true : undefined}
          className={inputClass}
          {...props}
        />
      )}
    </Field>
  );
}

export function SelectInput({
  label,
  error,
  hint,
  options,
  ...props
}: SelectHTMLAttributes<HTMLSelectElement> & {
  label: string;
  error?: string;
  hint?: string;
  options: { value: string; label: string }[];
}) {
  return (
    <Field label={label} error={error} hint={hint}>
      {(id, described) => (
        <select id={id} aria-describedby={described} className={inputClass} {...props}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** A modal dialog on the native <dialog>: focus is trapped and Escape closes it. */
export function Dialog({
  open,
  title,
  onClose,
  children,
}: {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onClose={onClose}
      className="m-auto w-full max-w-lg rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40"
    >
      {open && (
        <div className="p-6">
          <h2 id={titleId} className="mb-4 text-lg font-semibold text-slate-900">
            {title}
          </h2>
          {children}
        </div>
      )}
    </dialog>
  );
}

/** Asks before something that cannot be undone. */
export function ConfirmDialog({
  open,
  title,
  message,
  confirm,
  busy,
  error,
  onConfirm,
  onClose,
}: {
  open: boolean;
  title: string;
  message: ReactNode;
  confirm: string;
  busy?: boolean;
  error?: unknown;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} title={title} onClose={onClose}>
      <div className="space-y-4 text-sm text-slate-700">
        <div>{message}</div>
        {error ? <ErrorBox error={error} /> : null}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button variant="danger" busy={busy} onClick={onConfirm}>
            {confirm}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}

/**
 * Asking before acting on one item (deleting it, say): which item is asked about, the action as a
 * mutation, and the props of its {@link ConfirmDialog}; closing forgets a failure.
 */
export function useConfirmation<T>(run: (target: T) => Promise<unknown>, onDone?: () => void) {
  const [target, setTarget] = useState<T | null>(null);
  const action = useMutation({
    mutationFn: run,
    onSuccess: () => {
      setTarget(null);
      onDone?.();
    },
  });
  return {
    target,
    ask: (item: T) => setTarget(item),
    dialog: {
      open: target !== null,
      busy: action.isPending,
      error: action.error,
      onConfirm: () => {
        if (target !== null) action.mutate(target);
      },
      onClose: () => {
        action.reset();
        setTarget(null);
      },
    },
  };
}

/** A button that picks a file and hands it over (the file input itself stays hidden). */
export function UploadButton({
  label,
  inputLabel,
  accept,
  busy,
  onFile,
}: {
  label: string;
  inputLabel: string;
  accept?: string;
  busy?: boolean;
  onFile: (file: File) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        type="file"
        accept={accept}
        className="sr-only"
        aria-label={inputLabel}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) onFile(file);
          e.target.value = "";
        }}
      />
      <Button busy={busy} onClick={() => input.current?.click()}>
        {label}
      </Button>
    </>
  );
}

/**
 * A table that stays readable at phone width: below the `sm` breakpoint each row becomes a card
 * whose cells carry their column's name, instead of a table to scroll sideways.
 */
export function Table({ caption, head, children }: { caption: string; head: string[]; children: ReactNode }) {
  const rows = Children.map(children, (row) =>
    isValidElement<{ children?: ReactNode }>(row)
      ? cloneElement(
          row,
          undefined,
          Children.map(row.props.children, (cell, i) =>
            isValidElement(cell) && head[i] ? cloneElement(cell as ReactElement<{ "data-label"?: string }>, { "data-label": head[i] }) : cell,
          ),
        )
      : row,
  );
  return (
    <div className="sm:overflow-x-auto">
      <table className="min-w-full text-left text-sm max-sm:block sm:divide-y sm:divide-slate-200">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 max-sm:sr-only">
          <tr>
            {head.map((h) => (
              <th key={h} scope="col" className="px-3 py-2 font-semibold text-slate-700">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 max-sm:block max-sm:[&>tr]:block max-sm:[&>tr]:py-2 max-sm:[&_td]:flex max-sm:[&_td]:flex-wrap max-sm:[&_td]:gap-x-2 max-sm:[&_td]:break-words max-sm:[&_td]:py-1 max-sm:[&_td[data-label]:not(:empty)]:before:font-medium max-sm:[&_td[data-label]:not(:empty)]:before:text-slate-600 max-sm:[&_td[data-label]:not(:empty)]:before:content-[attr(data-label)]">
          {rows}
        </tbody>
      </table>
    </div>
  );
}

export function Pager({
  page,
  size,
  total,
  onPage,
}: {
  page: number;
  size: number;
  total: number;
  onPage: (page: number) => void;
}) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / size));
  return (
    <nav aria-label={t("common.pages")} className="mt-4 flex items-center justify-between text-sm text-slate-700">
      <span>{t("common.pageOf", { total: formatNumber(total), page: page + 1, pages })}</span>
      <div className="flex gap-2">
        <Button variant="secondary" disabled={page === 0} onClick={() => onPage(page - 1)}>
          {t("common.previous")}
        </Button>
        <Button variant="secondary" disabled={page + 1 >= pages} onClick={() => onPage(page + 1)}>
          {t("common.next")}
        </Button>
      </div>
    </nav>
  );
}

/**
 * "Type its name to confirm" for what cannot be undone: the field, whether what was typed is the
 * name (a mistyped one is said under the field), and a reset for when the dialog closes.
 */
export function useTypedConfirmation(expected: string) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState("");
  const [mistyped, setMistyped] = useState(false);
  return {
    field: (
      <TextInput
        label={t("common.typeToConfirm", { name: expected })}
        value={typed}
        onChange={(e) => {
          setMistyped(false);
          setTyped(e.target.value);
        }}
        error={mistyped ? t("common.mistyped", { name: expected }) : undefined}
      />
    ),
    /** True when the name was typed; otherwise says so under the field. */
    confirmed(): boolean {
      const ok = typed.trim() === expected;
      setMistyped(!ok);
      return ok;
    },
    reset() {
      setTyped("");
      setMistyped(false);
    },
  };
}

/** Logs out (ending the Keycloak session); busy from the click until the browser leaves. */
export function LogoutButton({ logout, variant = "ghost" }: { logout: () => Promise<void>; variant?: Variant }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      variant={variant}
      busy={busy}
      className="whitespace-nowrap"
      onClick={() => {
        setBusy(true);
        void logout();
      }}
    >
      {t("common.logOut")}
    </Button>
  );
}

