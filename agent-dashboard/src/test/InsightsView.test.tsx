import { screen } from "@testing-library/react";
import fixture from "./fixtures/insights.json";
import { InsightsView } from "../views/InsightsView";
import { json, renderWithApp, routes } from "./render";

describe("InsightsView", () => {
  it("charts the insights contract", async () => {
    renderWithApp(<InsightsView />, { fetch: routes([[/GET \/api\/insights$/, () => json(fixture)]]) });
    expect(await screen.findByRole("img", { name: /2026-11-23 80 created, 78 triaged; 2026-11-24 120 created, 118 triaged$/ })).toBeTruthy();
    expect(screen.getByText("850 ms")).toBeTruthy();
    expect(screen.getByText("5.4 s")).toBeTruthy();
    expect(screen.getByRole("img", { name: "local model 90, LLM 20, humans 5, abstained 3" })).toBeTruthy();
    expect(screen.getByRole("row", { name: /lost_or_stolen_card 10 4 60.0%/ })).toBeTruthy();
    expect(screen.getByText("$0.0123")).toBeTruthy();
    expect(screen.getByText("88%")).toBeTruthy();
  });

  it("says so when the server has no insights yet", async () => {
    renderWithApp(<InsightsView />, { fetch: routes([]) });
    expect(await screen.findByText(/not available from this server yet/)).toBeTruthy();
  });
});
