// Buttons: the four variants every screen uses, a file picker, logging out.
import { useRef, useState, type ButtonHTMLAttributes } from "react";
import { useTranslation } from "react-i18next";
import { Spinner } from "./feedback";

type Variant = "primary" | "secondary" | "danger" | "ghost";

const variants: Record<Variant, string> = {
  primary: "bg-indigo-600 text-white hover:bg-indigo-700 disabled:bg-indigo-300",
  secondary: "bg-white text-slate-800 ring-1 ring-inset ring-slate-300 hover:bg-slate-50 disabled:text-slate-400",
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
