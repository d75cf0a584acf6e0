import { Link, Outlet } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { Icon, type IconName } from "../shared/icons";
import { LanguagePicker } from "../shared/LanguagePicker";
import { LogoutButton } from "../shared/ui";
import { useConsole } from "./context";

/** The console around every page: its sections, the language, who is signed in. */
export function Frame() {
  const { t } = useTranslation();
  const sections: [string, string, IconName][] = [
    ["/", t("console.tenants"), "tenants"],
    ["/plugins", t("console.plugins"), "plugins"],
    ["/submissions", t("console.submissions"), "submissions"],
    ["/vendors", t("console.vendors"), "vendors"],
    ["/reviews", t("console.reviews"), "reviews"],
    ["/users", t("console.users"), "users"],
    ["/analytics", t("console.analytics"), "analytics"],
  ];
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2"
      >
        {t("common.skipToContent")}
      </a>
      {/* On a phone the sections take a row of their own below the title, wrapping so that each
          stays in sight; from tablets on they sit in the one bar and scroll if they must. */}
      <header className="flex flex-wrap items-center gap-x-4 gap-y-2 bg-slate-900 px-4 py-2 text-white md:h-14 md:flex-nowrap md:py-0">
        <Link to="/" className="flex items-center gap-2 whitespace-nowrap font-semibold">
          <img src="/favicon.svg" alt="" className="h-7 w-7" /> {t("console.title")}
        </Link>
        <nav
          aria-label={t("console.main")}
          className="flex gap-1 text-sm max-md:order-last max-md:w-full max-md:flex-wrap md:overflow-x-auto"
        >
          {sections.map(([to, label, icon]) => (
            <Link
              key={to}
              to={to}
              activeOptions={{ exact: to === "/" }}
              className="flex items-center gap-1.5 rounded px-3 py-1.5 text-slate-200 hover:bg-slate-700 [&.active]:bg-slate-700 [&.active]:text-white"
            >
              <Icon name={icon} className="hidden h-4 w-4 md:block" />
              {label}
            </Link>
          ))}
        </nav>
        <SessionControls />
      </header>
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 p-4 md:p-8">
        <Outlet />
      </main>
    </div>
  );
}

/** The header's right end: the language, who is signed in, and the way out. */
export function SessionControls() {
  const { auth, name } = useConsole();
  return (
    <div className="ml-auto flex items-center gap-3 text-sm">
      <div className="text-slate-900">
        <LanguagePicker />
      </div>
      <span className="hidden sm:inline">{name}</span>
      <LogoutButton variant="secondary" logout={() => auth.logout()} />
    </div>
  );
}
