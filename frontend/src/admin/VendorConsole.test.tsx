import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderInConsole } from "../test/render";
import type * as Schemas from "../shared/api-types.gen";
import { VendorHome } from "./VendorConsole";

const vendor: Schemas.Vendor = {
  id: "acme-tools",
  name: "Acme Tools",
  email: "plugins@acme.example",
  createdAt: "2026-12-01T10:00:00Z",
  keys: [
    {
      fingerprint: "ef".repeat(32),
      subject: "CN=Acme Tools",
      notAfter: "2028-12-01T10:00:00Z",
      addedAt: "2026-12-01T10:00:00Z",
    },
  ],
  plugins: ["tasks"],
};

const rejected: Schemas.PluginSubmission = {
  id: "5f0c7c1e-2d1b-4c53-9f7e-0b1f5a7d9e10",
  vendorId: "acme-tools",
  pluginId: "tasks",
  version: "1.1.0",
  name: "Tasks",
  sha256: "ab".repeat(32),
  signer: "ef".repeat(32),
  sizeBytes: 2048,
  status: "REJECTED",
  reason: "The description promises more than it does.",
  submittedAt: "2026-12-02T10:00:00Z",
  manifest: {},
};

const review: Schemas.VendorReview = {
  id: "9b2f6c1a-7d4e-4f3a-8c5b-1e2d3f4a5b6c",
  rating: 4,
  text: "Good, but no due dates.",
  version: "1.0.0",
  createdAt: "2026-12-02T10:00:00Z",
  updatedAt: "2026-12-02T10:00:00Z",
};

function renderVendor() {
  return renderInConsole(<VendorHome />, (path, options) => {
    if (path === "/vendor") return vendor;
    if (path === "/vendor/plugins")
      return [
        {
          id: "tasks",
          name: "Tasks",
          status: "ACTIVE",
          currentVersion: "1.0.0",
          versions: ["1.0.0"],
          installations: 3,
          updatedAt: "2026-12-01T10:00:00Z",
        },
      ];
    if (path === "/vendor/submissions" && !options?.method) return { items: [rejected], page: 0, size: 50, total: 1 };
    if (path === "/vendor/submissions")
      return { ...rejected, id: "x", version: "1.2.0", status: "PENDING", reason: undefined };
    if (path === "/vendor/keys") return vendor.keys[0];
    if (path === "/vendor/plugins/tasks/reviews") return { items: [review], page: 0, size: 50, total: 1 };
    if (path.endsWith("/reply")) return { ...review, reply: "Due dates come in 1.1." };
    throw new Error(`unexpected call ${path}`);
  });
}

describe("the vendor's page", () => {
  it("shows why a submission was rejected, its plugins with their tenants, and its keys", async () => {
    renderVendor();
    const row = await screen.findByTestId("submission-tasks-1.1.0");
    expect(within(row).getByText("The description promises more than it does.")).toBeTruthy();
    expect(await screen.findByText("CN=Acme Tools")).toBeTruthy();
    expect(screen.getByRole("table", { name: "Your plugins" }).textContent).toContain("3");
  });

  it("uploads the chosen jar as a submission and registers a pasted certificate", async () => {
    const calls = renderVendor();
    await screen.findByTestId("submission-tasks-1.1.0");
    const jar = new File([new Uint8Array([80, 75, 3, 4])], "tasks-1.2.0-signed.jar", {
      type: "application/java-archive",
    });
    fireEvent.change(screen.getByLabelText("Signed bundle to publish"), { target: { files: [jar] } });
    expect(await screen.findByText("Tasks 1.2.0 passed the checks and waits for review.")).toBeTruthy();
    const upload = calls.find((c) => c.path === "/vendor/submissions" && c.options?.method === "POST");
    expect(upload?.options?.raw).toBeInstanceOf(Blob);

    fireEvent.change(screen.getByLabelText("Certificate (PEM)"), { target: { value: "-----BEGIN CERTIFICATE-----" } });
    fireEvent.click(screen.getByRole("button", { name: "Register certificate" }));
    await waitFor(() =>
      expect(calls.find((c) => c.path === "/vendor/keys")?.options?.body).toEqual({
        certificate: "-----BEGIN CERTIFICATE-----",
      }),
    );
  });

  it("reads a plugin's reviews and replies to one", async () => {
    const calls = renderVendor();
    fireEvent.click(await screen.findByRole("button", { name: "Reviews" }));
    const dialog = await screen.findByRole("dialog");
    const item = await within(dialog).findByTestId(`review-${review.id}`);
    expect(within(item).getByText("Good, but no due dates.")).toBeTruthy();
    fireEvent.change(within(item).getByLabelText("Your reply, shown to every organization"), {
      target: { value: "Due dates come in 1.1." },
    });
    fireEvent.click(within(item).getByRole("button", { name: "Reply" }));
    await waitFor(() => {
      const sent = calls.find((c) => c.options?.method === "PUT");
      expect(sent?.path).toBe(`/vendor/plugins/tasks/reviews/${review.id}/reply`);
      expect(sent?.options?.body).toEqual({ text: "Due dates come in 1.1." });
    });
  });
});
