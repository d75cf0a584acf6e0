import { useId } from "react";
import { useTranslation } from "react-i18next";
import { LANGUAGES, chooseLanguage, type Language } from "./i18n";

/** The person's language for this browser: every text follows at once, dates and numbers too. */
export function LanguagePicker({ className = "" }: { className?: string }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  return (
    <div className={`flex items-center ${className}`}>
      <label htmlFor={id} className="sr-only">
        {t("common.language")}
      </label>
      <select
        id={id}
        className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
        value={i18n.language}
        onChange={(e) => void chooseLanguage(e.target.value as Language)}
      >
        {Object.entries(LANGUAGES).map(([code, name]) => (
          <option key={code} value={code} lang={code}>
            {name}
          </option>
        ))}
      </select>
    </div>
  );
}
