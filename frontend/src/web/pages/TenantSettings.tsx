import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { ApiError } from "../../shared/api";
import { Button, Card, ErrorBox, Loading, PageHeader, SelectInput, TextInput, formatDate } from "../../shared/ui";
import { useSession } from "../session";

interface Tenant {
  id: string;
  slug: string;
  name: string;
  adminEmail: string;
  settings: { locale?: string; timeZone?: string };
  createdAt: string;
}

/** Languages by their own names ("Français"), as people look for them. */
const LOCALES = ["en", "fr", "de", "es", "it", "pt"].map((code) => ({
  value: code,
  label: new Intl.DisplayNames([code], { type: "language" }).of(code) ?? code,
}));

/** Every IANA time zone the browser knows; the server checks the same names. */
function timeZones(current: string): { value: string; label: string }[] {
  const known = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  const zones = known.includes(current) ? known : [current, ...known];
  return zones.map((z) => ({ value: z, label: z.replace(/_/g, " ") }));
}

/** The organization's own settings, for its administrators. */
export function TenantSettings() {
  const { api, can, tenant } = useSession();
  const queries = useQueryClient();
  // Kept here: saving reloads the settings, which makes the form anew.
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const profile = useQuery({ queryKey: ["tenant"], queryFn: () => api<Tenant>("/tenant") });
  if (profile.isPending) return <Loading what="Loading settings" />;
  if (profile.isError) return <ErrorBox error={profile.error} retry={() => void profile.refetch()} />;
  const t = profile.data;
  const manage = can("tenant:manage");
  return (
    <>
      <PageHeader title="Settings">Your organization, {tenant.name}.</PageHeader>
      <div className="space-y-6">
        <General
          key={t.name + JSON.stringify(t.settings)}
          tenant={t}
          manage={manage}
          savedAt={savedAt}
          onEdit={() => setSavedAt(null)}
          onSaved={() => {
            setSavedAt(Date.now());
            return queries.invalidateQueries({ queryKey: ["tenant"] });
          }}
        />
        <Card title="Security">
          <dl className="grid gap-2 text-sm sm:grid-cols-[12rem_1fr]">
            <dt className="text-slate-600">Sign-in</dt>
            <dd>Through your organization's own Keycloak realm ({t.slug}); passwords never reach Plexica.</dd>
            <dt className="text-slate-600">First administrator</dt>
            <dd>{t.adminEmail}</dd>
            <dt className="text-slate-600">Data</dt>
            <dd>Kept apart from every other organization: its own database schema, realm and storage bucket.</dd>
          </dl>
        </Card>
        <Card title="Integrations">
          <dl className="grid gap-2 text-sm sm:grid-cols-[12rem_1fr]">
            <dt className="text-slate-600">REST API</dt>
            <dd>
              <span className="font-mono">{window.location.origin}/api/v1</span> — documented at{" "}
              <a className="text-indigo-700 underline" href="/openapi/ui/">/openapi</a>; calls take a bearer token of
              this organization's realm.
            </dd>
            <dt className="text-slate-600">Events</dt>
            <dd>Plugins receive your organization's events (users, workspaces, members, plugins) and publish their own.</dd>
            <dt className="text-slate-600">Plugins</dt>
            <dd>
              Connect other tools through plugins: <a className="text-indigo-700 underline" href="/plugins">browse them</a>.
            </dd>
          </dl>
        </Card>
        <Card title="Advanced">
          <dl className="grid gap-2 text-sm sm:grid-cols-[12rem_1fr]">
            <dt className="text-slate-600">Organization id</dt>
            <dd className="font-mono text-xs">{t.id}</dd>
            <dt className="text-slate-600">Since</dt>
            <dd>{formatDate(t.createdAt)}</dd>
          </dl>
        </Card>
      </div>
    </>
  );
}

function General({
  tenant,
  manage,
  savedAt,
  onEdit,
  onSaved,
}: {
  tenant: Tenant;
  manage: boolean;
  savedAt: number | null;
  onEdit: () => void;
  onSaved: () => Promise<void>;
}) {
  const { api } = useSession();
  const [name, setName] = useState(tenant.name);
  const [locale, setLocale] = useState(tenant.settings.locale ?? "en");
  const [timeZone, setTimeZone] = useState(tenant.settings.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone);
  const save = useMutation({
    mutationFn: () => api("/tenant", { method: "PATCH", body: { name, settings: { locale, timeZone } } }),
    onSuccess: onSaved,
  });
  const error = save.error instanceof ApiError ? save.error : undefined;
  return (
    <Card title="General">
      <form
        className="max-w-lg space-y-4"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <TextInput
          label="Name"
          value={name}
          readOnly={!manage}
          onChange={(e) => {
            onEdit();
            setName(e.target.value);
          }}
          error={error?.fieldError("name")}
        />
        <SelectInput
          label="Language"
          value={locale}
          disabled={!manage}
          options={LOCALES}
          error={error?.fieldError("settings.locale")}
          onChange={(e) => {
            onEdit();
            setLocale(e.target.value);
          }}
        />
        <SelectInput
          label="Time zone"
          value={timeZone}
          disabled={!manage}
          options={timeZones(timeZone)}
          error={error?.fieldError("settings.timeZone")}
          onChange={(e) => {
            onEdit();
            setTimeZone(e.target.value);
          }}
        />
        {save.isError && !error?.errors.length ? <ErrorBox error={save.error} /> : null}
        {savedAt !== null && !save.isPending && !save.isError && (
          <p role="status" className="text-sm text-emerald-700">
            Saved.
          </p>
        )}
        {manage && <Button type="submit" busy={save.isPending}>Save</Button>}
      </form>
    </Card>
  );
}
