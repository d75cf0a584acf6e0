import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderInConsole } from "../../test/render";
import type * as Schemas from "../../shared/api-types.gen";
import { Reviews } from "./Reviews";

const shown: Schemas.ModeratedReview = {
  pluginId: "crm",
  tenantSlug: "acme",
  rating: 1,
  text: "Call Bob at 555 0100.",
  version: "1.2.0",
  authorId: "5f0c7c1e-2d1b-4c53-9f7e-0b1f5a7d9e10",
  createdAt: "2026-12-03T10:00:00Z",
  updatedAt: "2026-12-03T10:00:00Z",
};

/** The moderation page as a platform administrator; every call is recorded. */
function renderModeration() {
  return renderInConsole(<Reviews />, (path, options) => {
    if (path === "/admin/plugin-reviews") return { items: [shown], page: 0, size: 20, total: 1 };
    if (options?.method === "POST") return shown;
    throw new Error(`unexpected call ${path}`);
  });
}

describe("Reviews moderation", () => {
  it("hides a review only with a reason, which it sends", async () => {
    const calls = renderModeration();
    const row = await screen.findByTestId("review-crm-acme");
    expect(within(row).getByText("acme")).toBeTruthy();
    fireEvent.click(within(row).getByRole("button", { name: "Hide" }));
    const dialog = await screen.findByRole("dialog");
    const hide = within(dialog).getByRole("button", { name: "Hide" }) as HTMLButtonElement;
    expect(hide.disabled).toBe(true);
    fireEvent.change(within(dialog).getByLabelText("Reason"), { target: { value: "Personal data." } });
    fireEvent.click(hide);
    await waitFor(() => {
      const sent = calls.find((c) => c.options?.method === "POST");
      expect(sent?.path).toBe("/admin/plugin-reviews/crm/acme/hide");
      expect(sent?.options?.body).toEqual({ reason: "Personal data." });
    });
  });
});
