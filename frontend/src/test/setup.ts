// Component tests (Vitest, jsdom): the English texts loaded at once, and each test's render
// unmounted after it.
import { cleanup } from "@testing-library/react";
import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { afterEach } from "vitest";
import admin from "../locales/en/admin.json";
import common from "../locales/en/common.json";
import web from "../locales/en/web.json";

await i18next.use(initReactI18next).init({
  resources: { en: { translation: { ...common, ...web, ...admin } } },
  lng: "en",
  fallbackLng: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

afterEach(cleanup);

// jsdom has <dialog> without its modal methods: open and close it as a browser would.
HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
  this.open = true;
};
HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
  this.open = false;
  this.dispatchEvent(new Event("close"));
};
