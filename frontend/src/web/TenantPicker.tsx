import { useState, type FormEvent } from "react";
import { publicGet } from "../shared/api";
import { useTranslation } from "react-i18next";
import { Button, Done, ErrorBox, TextInput } from "../shared/ui";
import { LanguagePicker } from "../shared/LanguagePicker";

const KEY = "plexica.tenant";

/** The tenant this browser logs in to: `?tenant=` first, else the one chosen last time. */
export function rememberedTenant(): string | null {
  const named = new URLSearchParams(window.location.search).get("tenant");
  if (named) {
    localStorage.setItem(KEY, named.trim().toLowerCase());
  }
  return localStorage.getItem(KEY);
}

export function forgetTenant() {
  localStorage.removeItem(KEY);
}

/** Asks which organization to log in to, before anyone is logged in. */
export function TenantPicker({
  problem,
  notice,
  initial = "",
}: {
  problem?: string;
  notice?: string;
  initial?: string;
}) {
  const { t } = useTranslation();
  const [slug, setSlug] = useState(initial);
  const [error, setError] = useState<unknown>(problem ? new Error(problem) : undefined);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const wanted = slug.trim();
    if (!wanted) {
      setError(new Error(t("picker.required")));
      return;
    }
    setBusy(true);
    try {
      // The server knows organizations by short name or, when unique, full name; keep the short one.
      const config = await publicGet<{ tenant?: { slug: string } }>(`/web-config?tenant=${encodeURIComponent(wanted)}`);
      localStorage.setItem(KEY, config.tenant?.slug ?? wanted.toLowerCase());
      window.location.assign("/");
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  }

  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <form onSubmit={submit} className="w-full max-w-sm space-y-4 rounded-lg bg-white p-6 shadow" noValidate>
        <div className="flex items-start justify-between gap-2">
          <h1 className="text-xl font-semibold text-slate-900">{t("picker.title")}</h1>
          <LanguagePicker />
        </div>
        {notice ? <Done>{notice}</Done> : null}
        <p className="text-sm text-slate-600">{t("picker.question")}</p>
        <TextInput
          label={t("picker.organization")}
          name="tenant"
          autoComplete="organization"
          placeholder="acme"
          hint={t("picker.hint")}
          value={slug}
          onChange={(e) => setSlug(e.target.value)}
          autoFocus
        />
        {error ? <ErrorBox error={error} /> : null}
        <Button type="submit" busy={busy} className="w-full">
          {t("picker.continue")}
        </Button>
      </form>
    </main>
  );
}
