// Forms and their fields: a label, the control, its hint or its error, wired for screen readers.
import {
  useId,
  type FormEvent,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api";
import { Button } from "./buttons";
import { Done, ErrorBox } from "./feedback";

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

/** What every text control of a {@link Field} carries: its id, hint or error, and look. */
function control(id: string, describedBy: string | undefined, error: string | undefined) {
  return { id, "aria-describedby": describedBy, "aria-invalid": error ? true : undefined, className: inputClass };
}

export function TextInput({
  label,
  error,
  hint,
  ...props
}: InputHTMLAttributes<HTMLInputElement> & { label: string; error?: string; hint?: string }) {
  return (
    <Field label={label} error={error} hint={hint}>
      {(id, described) => <input {...control(id, described, error)} {...props} />}
    </Field>
  );
}

/** Several lines of text, labelled like {@link TextInput}. */
export function TextArea({
  label,
  error,
  hint,
  ...props
}: TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; error?: string; hint?: string }) {
  return (
    <Field label={label} error={error} hint={hint}>
      {(id, described) => <textarea {...control(id, described, error)} {...props} />}
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

/** A filter by status: "any" first, then each status in the page's language. */
export function StatusSelect({
  statuses,
  ...props
}: Omit<SelectHTMLAttributes<HTMLSelectElement>, "children"> & { statuses: string[] }) {
  const { t } = useTranslation();
  return (
    <SelectInput
      label={t("common.status.label")}
      options={["", ...statuses].map((s) => ({
        value: s,
        label: s ? t(`common.status.${s}` as "common.status.ACTIVE") : t("common.any"),
      }))}
      {...props}
    />
  );
}

/** What a form's action needs to be run from it: run it, is it running, how did it fail. */
interface FormAction {
  mutate: () => void;
  isPending: boolean;
  error: Error | null;
}

/**
 * A form that runs one action. The browser's own validation is off: the server's field errors
 * show under their fields, and any other failure (or one `placed` says no field shows) above
 * the buttons.
 */
export function ActionForm({
  action,
  submit,
  onCancel,
  placed = (error) => error.errors.length > 0,
  saved = false,
  className = "space-y-4",
  children,
}: {
  action: FormAction;
  /** The submit button's label; none for a form the person may only read. */
  submit?: string;
  onCancel?: () => void;
  placed?: (error: ApiError) => boolean;
  /** Says "Saved" above the button. */
  saved?: boolean;
  className?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const failure = action.error;
  const unplaced = failure && !(failure instanceof ApiError && placed(failure));
  const submitButton = submit && (
    <Button type="submit" busy={action.isPending}>
      {submit}
    </Button>
  );
  return (
    <form
      className={className}
      noValidate
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        action.mutate();
      }}
    >
      {children}
      {unplaced ? <ErrorBox error={failure} /> : null}
      {saved && <Done inline>{t("common.saved")}</Done>}
      {onCancel ? (
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onCancel}>
            {t("common.cancel")}
          </Button>
          {submitButton}
        </div>
      ) : (
        submitButton
      )}
    </form>
  );
}
