import { useTranslation } from "react-i18next";
import { Button } from "../shared/ui";

/** What everyone of an organization sees while it is suspended: one screen, nothing to click but out. */
export function OrganizationUnavailable({
  name,
  detail,
  onSignOut,
}: {
  name: string;
  detail: string;
  onSignOut: () => void;
}) {
  const { t } = useTranslation();
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <section className="w-full max-w-md space-y-4 rounded-lg bg-white p-6 shadow" aria-labelledby="unavailable-title">
        <h1 id="unavailable-title" className="text-xl font-semibold text-slate-900">
          {t("unavailable.title", { name })}
        </h1>
        <p role="alert" className="text-sm text-slate-700">
          {detail}
        </p>
        <p className="text-sm text-slate-600">{t("unavailable.text")}</p>
        <Button onClick={onSignOut}>{t("unavailable.signOut")}</Button>
      </section>
    </main>
  );
}
