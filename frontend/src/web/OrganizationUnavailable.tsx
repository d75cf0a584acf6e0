import { Button } from "../shared/ui";

/** What everyone of an organization sees while it is suspended: one screen, nothing to click but out. */
export function OrganizationUnavailable({ name, detail, onSignOut }: { name: string; detail: string; onSignOut: () => void }) {
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <section className="w-full max-w-md space-y-4 rounded-lg bg-white p-6 shadow" aria-labelledby="unavailable-title">
        <h1 id="unavailable-title" className="text-xl font-semibold text-slate-900">
          {name} is not available
        </h1>
        <p role="alert" className="text-sm text-slate-700">
          {detail}
        </p>
        <p className="text-sm text-slate-600">Your data is kept. You can sign out, or sign in to another organization.</p>
        <Button onClick={onSignOut}>Sign out</Button>
      </section>
    </main>
  );
}
