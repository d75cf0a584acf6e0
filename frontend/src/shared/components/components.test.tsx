import { QueryClient, QueryClientProvider, useMutation, useQuery } from "@tanstack/react-query";
import { fireEvent, render, screen } from "@testing-library/react";
import type { ReactNode } from "react";
import { describe, expect, it } from "vitest";
import { ApiError } from "../api";
import { Failed, Loaded } from "./feedback";
import { ActionForm, StatusSelect, TextInput } from "./forms";
import { usePaging } from "./layout";

function wrapper({ children }: { children: ReactNode }) {
  return (
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      {children}
    </QueryClientProvider>
  );
}

const refused = new ApiError(400, "https://plexica.io/problems/validation", "Invalid input", "One field is wrong", [
  { field: "name", message: "must not be blank" },
]);
const broken = new ApiError(503, "https://plexica.io/problems/unavailable", "Unavailable", "Try later");

/** A list read once from `answer`, shown through Loaded. */
function List({ answer }: { answer: () => Promise<string[]> }) {
  const names = useQuery({ queryKey: ["names"], queryFn: answer });
  return (
    <Loaded query={names} loading="Counting names" empty={<p>No names yet</p>}>
      {(loaded) => (
        <ul>
          {loaded.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
    </Loaded>
  );
}

describe("Loaded: one query's four faces", () => {
  it("says what it waits for, then shows the data", async () => {
    render(<List answer={async () => ["Ada", "Grace"]} />, { wrapper });
    expect(screen.getByRole("status").textContent).toContain("Counting names");
    expect(await screen.findByText("Grace")).toBeTruthy();
    expect(screen.queryByRole("status")).toBeNull();
  });

  it("shows the empty face for an empty list, not an empty list", async () => {
    render(<List answer={async () => []} />, { wrapper });
    expect(await screen.findByText("No names yet")).toBeTruthy();
    expect(screen.queryByRole("list")).toBeNull();
  });

  it("offers to try again after a failure that may pass, and asks again when told", async () => {
    let calls = 0;
    render(
      <List
        answer={async () => {
          calls++;
          if (calls === 1) throw broken;
          return ["Ada"];
        }}
      />,
      { wrapper },
    );
    expect((await screen.findByRole("alert")).textContent).toContain("Unavailable: Try later");
    fireEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByText("Ada")).toBeTruthy();
    expect(calls).toBe(2);
  });
});

/** A form whose action fails with `failure`, holding one field that shows its own error. */
function NameForm({ failure, placed }: { failure: Error; placed?: (e: ApiError) => boolean }) {
  const save = useMutation({
    mutationFn: async () => {
      throw failure;
    },
  });
  const error = save.error instanceof ApiError ? save.error : undefined;
  return (
    <ActionForm action={save} submit="Save" onCancel={() => {}} placed={placed}>
      <TextInput label="Name" error={error?.fieldError("name")} />
    </ActionForm>
  );
}

describe("ActionForm: where a failure is said", () => {
  it("leaves a field's error under the field, not again above the buttons", async () => {
    render(<NameForm failure={refused} />, { wrapper });
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(await screen.findByText("must not be blank")).toBeTruthy();
    expect(screen.queryByRole("alert")).toBeNull();
    expect(screen.getByRole("button", { name: "Cancel" })).toBeTruthy();
  });

  it("says above the buttons what no field shows", async () => {
    render(<NameForm failure={broken} />, { wrapper });
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    expect((await screen.findByRole("alert")).textContent).toContain("Unavailable");
  });

  it("lets the form say which problems a field shows", async () => {
    render(<NameForm failure={broken} placed={(e) => e.status === 503} />, { wrapper });
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    await screen.findByRole("button", { name: "Save" });
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("has no submit button for a person who may only read", () => {
    render(
      <ActionForm action={{ mutate: () => {}, isPending: false, error: null }}>
        <TextInput label="Name" readOnly />
      </ActionForm>,
    );
    expect(screen.queryByRole("button")).toBeNull();
  });
});

describe("Failed", () => {
  it("shows the error of whichever action failed, and nothing while none has", () => {
    const { rerender } = render(<Failed actions={[{ error: null }, { error: null }]} />);
    expect(screen.queryByRole("alert")).toBeNull();
    rerender(<Failed actions={[{ error: null }, { error: broken }]} />);
    expect(screen.getByRole("alert").textContent).toContain("Unavailable");
  });
});

/** A paged list's filters as a page holds them. */
function Filters() {
  const { page, setPage, filter } = usePaging();
  return (
    <>
      <StatusSelect statuses={["ACTIVE", "DISABLED"]} value="" onChange={filter(() => {})} />
      <button onClick={() => setPage(page + 1)}>Next</button>
      <output>{page}</output>
    </>
  );
}

describe("usePaging and StatusSelect", () => {
  it("offers any status first, and a changed filter goes back to the first page", () => {
    render(<Filters />);
    const select = screen.getByLabelText("Status") as HTMLSelectElement;
    expect([...select.options].map((o) => o.text)).toEqual(["Any", "Active", "Disabled"]);
    fireEvent.click(screen.getByRole("button", { name: "Next" }));
    fireEvent.click(screen.getByRole("button", { name: "Next" }));
    expect(screen.getByRole("status").textContent).toBe("2");
    fireEvent.change(select, { target: { value: "ACTIVE" } });
    expect(screen.getByRole("status").textContent).toBe("0");
  });
});
