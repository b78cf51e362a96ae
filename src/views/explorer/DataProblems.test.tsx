import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { DataError } from "../../data/validate.ts";
import { DataProblems } from "./DataProblems.tsx";
import { LanguageContext } from "../i18n/i18n.ts";

const error = new DataError(
  "compounds.geojson",
  Array.from({ length: 12 }, (_, index) => ({
    file: "compounds.geojson",
    feature: index,
    featureId: `c${index}`,
    field: "properties.households",
    message: "too small",
  })),
  30,
);

describe("DataProblems", () => {
  it("renders nothing when all is well", () => {
    const { container } = render(<DataProblems errors={[]} warnings={[]} />);
    expect(container.innerHTML).toBe("");
  });

  it("names file, feature and field, and counts what it does not list", () => {
    render(<DataProblems errors={[error]} warnings={['grids.geojson: layer "grids" has no features']} />);
    expect(screen.getByRole("alert").textContent).toContain("compounds.geojson feature #0 (c0), properties.households: too small");
    expect(screen.getAllByRole("listitem")).toHaveLength(10);
    expect(screen.getByText(/另有 20 处问题未列出/)).toBeTruthy();
    expect(screen.getByText(/has no features/)).toBeTruthy();
  });

  it("speaks English when asked", () => {
    render(
      <LanguageContext.Provider value="en">
        <DataProblems errors={[error]} warnings={[]} />
      </LanguageContext.Provider>,
    );
    expect(screen.getByText("Data problems")).toBeTruthy();
  });
});
