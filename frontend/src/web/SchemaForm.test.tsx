import { fireEvent, render, screen } from "@testing-library/react";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import { ApiError } from "../shared/api";
import { SchemaForm, initialValues, type JsonSchema, type Values } from "./SchemaForm";

const schema: JsonSchema = {
  type: "object",
  required: ["label"],
  properties: {
    label: { type: "string", title: "Label", maxLength: 20 },
    retries: { type: "integer", minimum: 0, maximum: 5, default: 3 },
    verbose: { type: "boolean", description: "Logs every event" },
    mode: { enum: ["fast", "safe"] },
    tags: { type: "array", items: { type: "string" } },
  },
};

/** The form as a page holds it: the values in state, the latest kept for the test to read. */
function Harness({ start, seen, error }: { start: Values; seen: Values[]; error?: ApiError }) {
  const [values, setValues] = useState(start);
  return (
    <SchemaForm
      schema={schema}
      values={values}
      error={error}
      onChange={(next) => {
        seen.push(next);
        setValues(next);
      }}
    />
  );
}

describe("SchemaForm", () => {
  it("gives each property the control of its type, with its limits", () => {
    render(<Harness start={initialValues(schema)} seen={[]} />);

    const label = screen.getByLabelText(/^Label/);
    expect(label).toHaveProperty("maxLength", 20);
    expect(document.querySelector(`label[for="${label.id}"]`)?.textContent).toBe("Label (required)");
    const retries = screen.getByLabelText(/^Retries/) as HTMLInputElement;
    expect(retries.type).toBe("number");
    expect([retries.min, retries.max, retries.step, retries.value]).toEqual(["0", "5", "1", "3"]);
    expect((screen.getByLabelText(/^Verbose/) as HTMLInputElement).type).toBe("checkbox");
    expect(screen.getByText("Logs every event")).toBeTruthy();
    const mode = screen.getByLabelText(/^Mode/) as HTMLSelectElement;
    expect(Array.from(mode.options).map((o) => o.value)).toEqual(["", "fast", "safe"]);
    expect(screen.getByLabelText(/^Tags/).tagName).toBe("INPUT");
  });

  it("hands back typed values and drops what is cleared", () => {
    const seen: Values[] = [];
    render(<Harness start={initialValues(schema, { label: "A" })} seen={seen} />);

    fireEvent.change(screen.getByLabelText(/^Tags/), { target: { value: "red, , blue " } });
    expect(seen.at(-1)).toEqual({ label: "A", retries: 3, tags: ["red", "blue"] });
    fireEvent.click(screen.getByLabelText(/^Verbose/));
    expect(seen.at(-1)?.verbose).toBe(true);
    fireEvent.change(screen.getByLabelText(/^Retries/), { target: { value: "" } });
    expect(seen.at(-1)).not.toHaveProperty("retries");
    fireEvent.change(screen.getByLabelText(/^Mode/), { target: { value: "safe" } });
    expect(seen.at(-1)?.mode).toBe("safe");
  });

  it("shows the platform's field errors next to their fields", () => {
    const error = new ApiError(400, "https://plexica.io/problems/plugin-config-invalid", "Invalid", "", [
      { field: "config.label", message: "must be at most 20 characters" },
    ]);
    render(<Harness start={{}} seen={[]} error={error} />);

    const label = screen.getByLabelText(/^Label/);
    expect(label.getAttribute("aria-invalid")).toBe("true");
    const description = document.getElementById(label.getAttribute("aria-describedby") ?? "");
    expect(description?.textContent).toContain("must be at most 20 characters");
    expect(screen.getByLabelText(/^Retries/).getAttribute("aria-invalid")).toBeNull();
  });

  it("says so when the plugin has nothing to configure", () => {
    render(<SchemaForm schema={{ type: "object" }} values={{}} onChange={() => {}} />);
    expect(screen.getByText("This plugin takes no configuration.")).toBeTruthy();
  });

  it("starts from the current values, else the schema's defaults", () => {
    expect(initialValues(schema, { retries: 1 })).toEqual({ retries: 1 });
    expect(initialValues(schema)).toEqual({ retries: 3 });
    expect(initialValues(undefined)).toEqual({});
  });
});
