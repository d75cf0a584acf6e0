import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import type common from "../locales/en/common.json";
import type web from "../locales/en/web.json";
import type admin from "../locales/en/admin.json";

/**
 * The languages both apps speak, each complete (test/i18n.test.mjs fails when a key is missing in
 * one). Each app loads the shared texts and its own; English is the reference.
 */
export const LANGUAGES = { en: "English", fr: "Français" } as const;
export type Language = keyof typeof LANGUAGES;

declare module "i18next" {
  interface CustomTypeOptions {
    // Every key of both apps: a key that exists in neither fails the type check.
    resources: { translation: typeof common & typeof web & typeof admin };
    returnNull: false;
  }
}

const CHOSEN = "plexica.language";

function supported(tag: string | null | undefined): Language | undefined {
  const base = tag?.toLowerCase().split(/[-_]/)[0];
  return base && base in LANGUAGES ? (base as Language) : undefined;
}

/**
 * The language to speak: the one the person chose in this browser, else the first of the given
 * preferences (their account's, then the organization's default) that both apps speak, else the
 * browser's, else English.
 */
export function pickLanguage(...preferences: (string | null | undefined)[]): Language {
  let chosen: string | null = null;
  try {
    chosen = localStorage.getItem(CHOSEN);
  } catch {
    // Storage refused (private mode): the other preferences decide.
  }
  for (const tag of [chosen, ...preferences, ...(navigator.languages ?? [navigator.language])]) {
    const language = supported(tag);
    if (language) return language;
  }
  return "en";
}

/** Loads the texts of one language for an app: the shared ones and its own (their own chunks). */
export type TextLoader = (language: Language) => Promise<{ default: object }[]>;

let loadTexts: TextLoader = async () => [];

/**
 * Starts the translations of one app in the language given. Only that language is downloaded;
 * another one when the person switches to it (every language is complete, so none falls back).
 */
export async function startI18n(loader: TextLoader, language: Language) {
  loadTexts = loader;
  await i18next.use(initReactI18next).init({
    resources: {},
    partialBundledLanguages: true,
    lng: language,
    fallbackLng: false,
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
  await speak(language);
}

/** Switches the page to the language, its texts loaded first. */
export async function speak(language: Language) {
  if (!i18next.hasResourceBundle(language, "translation")) {
    const parts = await loadTexts(language);
    i18next.addResourceBundle(language, "translation", Object.assign({}, ...parts.map((p) => p.default)));
  }
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
}

/** The person's choice, kept in this browser; the page follows at once. */
export async function chooseLanguage(language: Language) {
  try {
    localStorage.setItem(CHOSEN, language);
  } catch {
    // Not kept, but still applied for this visit.
  }
  await speak(language);
}

/** A date and time as the current language writes them. */
export function formatDate(iso: string | undefined | null): string {
  if (!iso) return "—";
  return new Date(iso).toLocaleString(i18next.language, { dateStyle: "medium", timeStyle: "short" });
}

/** A number as the current language writes it (1,234.5 / 1 234,5). */
export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
  return value.toLocaleString(i18next.language, options);
}

/** Bytes as megabytes, the language's way: "1.5 MB", "1,5 Mo". */
export function formatMegabytes(bytes: number): string {
  return formatNumber(bytes / 1024 / 1024, {
    style: "unit",
    unit: "megabyte",
    unitDisplay: "short",
    maximumFractionDigits: 1,
  });
}

/** i18next itself, for code outside components (formatters, the boot screens). */
export const i18n = i18next;
