import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderInWebApp } from "../../test/render";
import { ApiError } from "../../shared/api";
import type { MarketplaceListing, PluginReview, ReviewPage } from "../queries";
import { ReviewsDialog } from "./Reviews";

const listing: MarketplaceListing = {
  id: "crm",
  name: "CRM",
  vendor: "Plexica samples",
  category: "sales",
  description: "Contacts.",
  tags: [],
  currentVersion: "1.2.0",
  installs: 3,
  updatedAt: "2026-12-01T10:00:00Z",
  installedVersion: "1.2.0",
  rating: 4.5,
  ratings: 2,
};

const theirs: PluginReview = {
  rating: 5,
  text: "Great.",
  version: "1.2.0",
  createdAt: "2026-12-01T10:00:00Z",
  updatedAt: "2026-12-01T10:00:00Z",
  mine: false,
};

const page: ReviewPage = {
  items: [theirs],
  page: 0,
  size: 5,
  total: 1,
  rating: { average: 4.5, count: 2, distribution: [0, 0, 0, 1, 1] },
};

/** The reviews of CRM as an administrator of a tenant that installed it and wrote no review yet. */
function renderReviews(can = true) {
  return renderInWebApp(
    <ReviewsDialog listing={listing} onClose={() => {}} />,
    (path, options) => {
      if (path === "/marketplace/plugins/crm/reviews") return page;
      if (path === "/marketplace/plugins/crm/review" && options?.method === "PUT")
        return { ...theirs, ...(options.body as object), mine: true };
      if (path === "/marketplace/plugins/crm/review") throw new ApiError(404, "review-not-found", "No", "none");
      throw new Error(`unexpected call ${path}`);
    },
    () => can,
  );
}

describe("ReviewsDialog", () => {
  it("shows the rating and the reviews without naming who wrote them", async () => {
    renderReviews();
    expect((await screen.findByTestId("rating-summary")).textContent).toContain("4.5 out of 5 · ratings: 2");
    expect(screen.getByText("Great.")).toBeTruthy();
    expect(screen.queryByText("Your organization's")).toBeNull();
  });

  it("publishes the organization's rating once one is chosen", async () => {
    const calls = renderReviews();
    const form = await screen.findByRole("form", { name: "Your organization's rating" });
    const publish = within(form).getByRole("button", { name: "Publish" });
    expect((publish as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(within(form).getByRole("radio", { name: "4" }));
    fireEvent.change(within(form).getByLabelText("Review (optional)"), { target: { value: "Solid." } });
    fireEvent.click(publish);
    await waitFor(() =>
      expect(calls.find((c) => c.options?.method === "PUT")?.options?.body).toEqual({ rating: 4, text: "Solid." }),
    );
  });

  it("offers no rating form to whoever may not manage plugins", async () => {
    renderReviews(false);
    await screen.findByText("Great.");
    expect(screen.queryByRole("form", { name: "Your organization's rating" })).toBeNull();
  });
});
