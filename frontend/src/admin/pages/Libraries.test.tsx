import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderInConsole } from "../../test/render";
import type * as Schemas from "../../shared/api-types.gen";
import { Libraries } from "./Libraries";

const lang3: Schemas.PluginLibrary = {
  symbolicName: "org.apache.commons.lang3",
  version: "3.17.0",
  exports: [{ name: "org.apache.commons.lang3", version: "3.17.0" }],
  sha256: "0".repeat(64),
  sizeBytes: 673587,
  source: "upload",
  addedAt: "2026-12-03T10:00:00Z",
  usedBy: [{ kind: "PLUGIN", id: "tasks", version: "1.0.0" }],
};

const unused: Schemas.PluginLibrary = { ...lang3, version: "3.18.0", usedBy: [] };

/** The libraries card as a platform administrator; every call is recorded. */
function renderLibraries() {
  return renderInConsole(<Libraries />, (path, options) => {
    if (path === "/admin/plugin-libraries") return [lang3, unused];
    if (options?.method === "DELETE") return undefined;
    throw new Error(`unexpected call ${path}`);
  });
}

describe("Libraries", () => {
  it("shows each library's version with the plugins wired to it", async () => {
    renderLibraries();
    const rows = await screen.findAllByTestId("library-org.apache.commons.lang3");
    expect(rows).toHaveLength(2);
    expect(within(rows[0]).getByText("3.17.0")).toBeTruthy();
    expect(within(rows[0]).getByText("tasks 1.0.0")).toBeTruthy();
    expect(within(rows[1]).getByText("Nothing")).toBeTruthy();
  });

  it("removes a library only after the administrator confirms", async () => {
    const calls = renderLibraries();
    const rows = await screen.findAllByTestId("library-org.apache.commons.lang3");
    fireEvent.click(within(rows[1]).getByRole("button", { name: "Delete" }));
    expect(calls.some((c) => c.options?.method === "DELETE")).toBe(false);
    const dialog = await screen.findByRole("dialog");
    fireEvent.click(within(dialog).getByRole("button", { name: "Delete" }));
    await waitFor(() =>
      expect(calls.find((c) => c.options?.method === "DELETE")?.path).toBe(
        "/admin/plugin-libraries/org.apache.commons.lang3/3.18.0",
      ),
    );
  });
});
