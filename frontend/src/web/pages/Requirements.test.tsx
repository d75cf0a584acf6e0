import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { Requirements, requirementTree } from "./Requirements";

// newsletter needs crm (not installed here), which needs analytics (installed); and billing.
const needs = [
  { pluginId: "crm", versionRange: "[1.1,2)", depth: 0, installed: null, met: false },
  { pluginId: "analytics", versionRange: "[1.0,3)", depth: 1, installed: "1.0.0", met: true },
  { pluginId: "billing", versionRange: "[2.0,3)", depth: 0, installed: "1.4.0", met: false },
];

describe("what installing a plugin needs", () => {
  it("rebuilds the tree from the server's depth-first list", () => {
    const tree = requirementTree(needs);
    expect(tree.map((n) => n.pluginId)).toEqual(["crm", "billing"]);
    expect(tree[0].needs.map((n) => n.pluginId)).toEqual(["analytics"]);
    expect(tree[1].needs).toEqual([]);
  });

  it("shows each level as a list inside its parent's item, with what to do about it", () => {
    render(<Requirements requires={needs} />);
    const top = screen.getByTestId("plugin-requirements").querySelector("ul")!;
    const items = within(top)
      .getAllByRole("listitem")
      .filter((li) => li.parentElement === top);
    expect(items).toHaveLength(2);
    expect(items[0].textContent).toMatch(/^crm \[1\.1,2\) install it first/);
    const beneathCrm = within(items[0]).getByRole("list");
    expect(within(beneathCrm).getByRole("listitem").textContent).toBe("analytics [1.0,3) installed: 1.0.0");
    expect(items[1].textContent).toBe("billing [2.0,3) 1.4.0 does not fit: upgrade it first");
    expect(within(items[1]).queryByRole("list")).toBeNull();
  });

  it("shows nothing for a plugin that needs nothing", () => {
    const { container } = render(<Requirements requires={[]} />);
    expect(container.innerHTML).toBe("");
  });
});
