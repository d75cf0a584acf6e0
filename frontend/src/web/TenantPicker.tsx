import { useState, type FormEvent } from "react";
import { publicGet } from "../shared/api";
import { Button, ErrorBox, TextInput } from "../shared/ui";

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
export function TenantPicker({ problem }: { problem?: string }) {
  const [slug, setSlug] = useState("");
  const [error, setError] = useState<unknown>(problem ? new Error(problem) : undefined);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const wanted = slug.trim().toLowerCase();
    if (!wanted) {
      setError(new Error("Enter your organization's name as it appears in its address."));
      return;
    }
    setBusy(true);
    try {
      await publicGet(`/web-config?tenant=${encodeURIComponent(wanted)}`);
      localStorage.setItem(KEY, wanted);
      window.location.assign("/");
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  }

  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <form onSubmit={submit} className="w-full max-w-sm space-y-4 rounded-lg bg-white p-6 shadow" noValidate>
        <h1 className="text-xl font-semibold text-slate-900">Sign in to Plexica</h1>
        <p className="text-sm text-slate-600">Which organization do you belong to?</p>
        <TextInput
          label="Organization"
          name="tenant"
          autoComplete="organization"
          placeholder="acme"
          value={slug}
          onChange={(e) => setSlug(e.target.value)}
          autoFocus
        />
        {error ? <ErrorBox error={error} /> : null}
        <Button type="submit" busy={busy} className="w-full">
          Continue
        </Button>
      </form>
    </main>
  );
}
