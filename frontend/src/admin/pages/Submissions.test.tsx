import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderInConsole } from "../../test/render";
import type * as Schemas from "../../shared/api-types.gen";
import { Submissions } from "./Submissions";

const pending: Schemas.PluginSubmission = {
  id: "0d3c1f4e-8f6a-4b8e-9b4a-3c2e1d0f9a8b",
  vendorId: "acme-tools",
  pluginId: "tasks",
  version: "1.2.0",
  name: "Tasks",
  sha256: "ab".repeat(32),
  signer: "cd".repeat(32),
  sizeBytes: 20480,
  status: "PENDING",
  submittedAt: "2026-12-03T10:00:00Z",
  // The schema types plugin.json as an open object.
  manifest: {
    permissions: [{ name: "tasks:read", description: "Read the tasks" }],
  } as unknown as Schemas.PluginSubmission["manifest"],
};

function renderQueue() {
  return renderInConsole(<Submissions />, (path, options) => {
    if (path === "/admin/plugin-submissions") return { items: [pending], page: 0, size: 20, total: 1 };
    if (options?.method === "POST") return { ...pending, status: "APPROVED" };
    throw new Error(`unexpected call ${path}`);
  });
}

describe("the review queue", () => {
  it("shows what a submission asks for and approves it after a confirmation", async () => {
    const calls = renderQueue();
    const row = await screen.findByTestId("submission-tasks-1.2.0");
    expect(within(row).getByText("tasks:read")).toBeTruthy();
    expect(within(row).getByText("acme-tools")).toBeTruthy();
    expect(calls[0].options?.query).toMatchObject({ status: "PENDING" });
    fireEvent.click(within(row).getByRole("button", { name: "Approve" }));
    const dialog = await screen.findByRole("dialog");
    fireEvent.click(within(dialog).getByRole("button", { name: "Approve" }));
    await waitFor(() =>
      expect(calls.find((c) => c.options?.method === "POST")?.path).toBe(
        `/admin/plugin-submissions/${pending.id}/approve`,
      ),
    );
  });

  it("rejects only with a reason, which it sends", async () => {
    const calls = renderQueue();
    const row = await screen.findByTestId("submission-tasks-1.2.0");
    fireEvent.click(within(row).getByRole("button", { name: "Reject" }));
    const dialog = await screen.findByRole("dialog");
    const reject = within(dialog).getByRole("button", { name: "Reject" }) as HTMLButtonElement;
    expect(reject.disabled).toBe(true);
    fireEvent.change(within(dialog).getByLabelText("Reason"), { target: { value: "Asks for too much." } });
    fireEvent.click(reject);
    await waitFor(() => {
      const sent = calls.find((c) => c.options?.method === "POST");
      expect(sent?.path).toBe(`/admin/plugin-submissions/${pending.id}/reject`);
      expect(sent?.options?.body).toEqual({ reason: "Asks for too much." });
    });
  });
});
