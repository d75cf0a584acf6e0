import { fireEvent, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderInWebApp } from "../../test/render";
import type { MarketplaceDetail, MarketplacePage } from "../queries";
import { Marketplace } from "./Marketplace";

const crm = {
  id: "crm",
  name: "CRM",
  vendor: "Plexica samples",
  category: "sales",
  description: "Contacts and companies.",
  tags: ["contacts"],
  currentVersion: "1.2.0",
  installs: 3,
  updatedAt: "2026-12-01T10:00:00Z",
  ratings: 0,
};

const page: MarketplacePage = {
  items: [crm],
  page: 0,
  size: 12,
  total: 1,
  facets: { categories: [{ value: "sales", count: 1 }], vendors: [], tags: [] },
};

const detail: MarketplaceDetail = {
  ...crm,
  versions: ["1.2.0", "1.1.0"].map((version) => ({
    version,
    deployedAt: "2026-12-01T10:00:00Z",
    sdk: "[1.1,2)",
    permissions: [{ name: "crm:contacts:read", description: "Read contacts" }],
    requires: [],
    changelog: version === "1.2.0" ? "Contacts import from CSV." : undefined,
    screenshots: version === "1.2.0" ? ["/api/v1/plugin-ui-files/crm/1.2.0/screens/contacts.png"] : [],
  })),
};

/** The marketplace as a tenant administrator; every call is recorded. */
function renderMarketplace() {
  return renderInWebApp(<Marketplace onInstalled={async () => {}} />, (path) => {
    if (path === "/marketplace/plugins") return page;
    if (path === "/marketplace/plugins/crm") return detail;
    if (path === "/plugin-installations") return {};
    throw new Error(`unexpected call ${path}`);
  });
}

describe("Marketplace: the install wizard", () => {
  it("asks consent to the permissions before configuring, and installs the version chosen", async () => {
    const calls = renderMarketplace();
    fireEvent.click(await screen.findByRole("button", { name: "Install CRM" }));
    const dialog = await screen.findByRole("dialog");
    fireEvent.click(await within(dialog).findByLabelText(/1\.1\.0/));
    fireEvent.click(within(dialog).getByRole("button", { name: "Next" }));

    expect(within(dialog).getByTestId("plugin-permissions").textContent).toContain("crm:contacts:read");
    const next = within(dialog).getByRole("button", { name: "Next" }) as HTMLButtonElement;
    expect(next.disabled).toBe(true);
    fireEvent.click(within(dialog).getByRole("checkbox"));
    expect(next.disabled).toBe(false);
    fireEvent.click(next);

    fireEvent.click(within(dialog).getByRole("button", { name: "Install" }));
    await screen.findByRole("button", { name: "Install CRM" });
    const install = calls.find((c) => c.path === "/plugin-installations");
    expect(install?.options?.body).toEqual({ pluginId: "crm", version: "1.1.0", config: {} });
  });

  it("searches with the words typed, starting again from the first page", async () => {
    const calls = renderMarketplace();
    await screen.findByText("CRM");
    fireEvent.change(screen.getByRole("searchbox"), { target: { value: "contacts" } });
    await screen.findByText("CRM");
    expect(calls.at(-1)?.options?.query).toMatchObject({ q: "contacts", page: 0 });
  });

  it("shows each version's changelog and the chosen version's screenshots before installing", async () => {
    renderMarketplace();
    fireEvent.click(await screen.findByRole("button", { name: "Install CRM" }));
    const dialog = await screen.findByRole("dialog");
    expect((await within(dialog).findByTestId("changelog-1.2.0")).textContent).toBe("Contacts import from CSV.");
    expect(within(dialog).queryByTestId("changelog-1.1.0")).toBeNull();
    const shot = within(dialog).getByRole("img", { name: "CRM, screenshot 1" }) as HTMLImageElement;
    expect(shot.getAttribute("src")).toBe("/api/v1/plugin-ui-files/crm/1.2.0/screens/contacts.png");
  });
});
