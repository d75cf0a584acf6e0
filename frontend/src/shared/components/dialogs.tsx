// Dialogs, and the confirmations that ask before what cannot be undone.
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { TextInput } from "./forms";
import { Button } from "./buttons";
import { ErrorBox } from "./feedback";

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
