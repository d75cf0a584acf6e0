import type { ApiError } from "../shared/api";
import { useTranslation } from "react-i18next";
import { Field } from "../shared/ui";

/**
 * A form generated from a plugin's configuration schema (JSON Schema, an object of plain
 * properties): text, numbers, yes/no, choices and lists of text. The platform validates the result
 * against the same schema; its field errors (`config.<name>`) are shown next to their fields.
 */
export interface JsonSchema {
  type?: string;
  title?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: unknown[];
  default?: unknown;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  items?: JsonSchema;
}

export type Values = Record<string, unknown>;

export function initialValues(schema: JsonSchema | undefined, current?: Values): Values {
  const values: Values = {};
  for (const [name, property] of Object.entries(schema?.properties ?? {})) {
    const value = current?.[name] ?? property.default;
    if (value !== undefined) values[name] = value;
  }
  return values;
}

export function SchemaForm({
  schema,
  values,
  onChange,
  error,
}: {
  schema: JsonSchema | undefined;
  values: Values;
  onChange: (values: Values) => void;
  error?: ApiError;
}) {
  const { t } = useTranslation();
  const properties = Object.entries(schema?.properties ?? {});
  if (properties.length === 0) {
    return <p className="text-sm text-slate-600">{t("schemaForm.none")}</p>;
  }
  return (
    <div className="space-y-4">
      {properties.map(([name, property]) => (
        <Property
          key={name}
          name={name}
          property={property}
          required={schema?.required?.includes(name) ?? false}
          value={values[name]}
          error={error?.fieldError(`config.${name}`) ?? error?.fieldError(`config/${name}`)}
          onChange={(value) => {
            const next = { ...values };
            if (value === undefined || value === "") delete next[name];
            else next[name] = value;
            onChange(next);
          }}
        />
      ))}
    </div>
  );
}

function Property({
  name,
  property,
  required,
  value,
  error,
  onChange,
}: {
  name: string;
  property: JsonSchema;
  required: boolean;
  value: unknown;
  error?: string;
  onChange: (value: unknown) => void;
}) {
  const { t } = useTranslation();
  const label = (property.title ?? humanize(name)) + (required ? ` ${t("schemaForm.required")}` : "");
  const hint =
    [property.description, property.type === "array" ? t("schemaForm.commas") : undefined].filter(Boolean).join(" ") ||
    undefined;
  return (
    <Field label={label} error={error} hint={hint}>
      {(id, describedBy) => {
        const common = {
          id,
          name,
          "aria-describedby": describedBy,
          "aria-invalid": error ? true : undefined,
          className:
            "block w-full rounded-md border border-slate-300 px-3 py-2 text-sm aria-[invalid=true]:border-red-600",
        };
        if (property.type === "boolean") {
          return (
            <input
              id={id}
              name={name}
              type="checkbox"
              aria-describedby={describedBy}
              className="h-4 w-4"
              checked={value === true}
              onChange={(e) => onChange(e.target.checked)}
            />
          );
        }
        if (property.enum) {
          return (
            <select
              {...common}
              value={value === undefined ? "" : String(value)}
              onChange={(e) => onChange(e.target.value || undefined)}
            >
              {!required && <option value="">—</option>}
              {property.enum.map((option) => (
                <option key={String(option)} value={String(option)}>
                  {String(option)}
                </option>
              ))}
            </select>
          );
        }
        if (property.type === "integer" || property.type === "number") {
          return (
            <input
              {...common}
              type="number"
              min={property.minimum}
              max={property.maximum}
              step={property.type === "integer" ? 1 : "any"}
              value={value === undefined ? "" : String(value)}
              onChange={(e) => onChange(e.target.value === "" ? undefined : Number(e.target.value))}
            />
          );
        }
        if (property.type === "array") {
          return (
            <input
              {...common}
              value={Array.isArray(value) ? value.join(", ") : ""}
              onChange={(e) =>
                onChange(
                  e.target.value
                    .split(",")
                    .map((item) => item.trim())
                    .filter(Boolean),
                )
              }
            />
          );
        }
        return (
          <input
            {...common}
            maxLength={property.maxLength}
            value={value === undefined ? "" : String(value)}
            onChange={(e) => onChange(e.target.value)}
          />
        );
      }}
    </Field>
  );
}

function humanize(name: string): string {
  const words = name.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/[_-]/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1).toLowerCase();
}
