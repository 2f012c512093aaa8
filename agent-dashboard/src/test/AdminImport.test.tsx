import { fireEvent, screen, within } from "@testing-library/react";
import type { ImportReport, ImportSummary } from "../api/types";
import { AdminView } from "../views/AdminView";
import { json, renderWithApp, routes } from "./render";

/** A fake server end for the upload: it takes the bytes at once and answers only when the test says so. */
class PendingUpload {
  static last: PendingUpload | null = null;
  upload: { onprogress: ((event: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  status = 0;
  responseText = "";
  url = "";
  open(_method: string, url: string) { this.url = url; }
  setRequestHeader() {}
  getResponseHeader() { return "application/json"; }
  send() {
    PendingUpload.last = this;
    this.upload.onprogress?.({ lengthComputable: true, loaded: 10, total: 10 });
  }
  answer(status: number, body: unknown) {
    this.status = status;
    this.responseText = JSON.stringify(body);
    this.onload?.();
  }
}

const job: ImportSummary = {
  id: "10000000-0000-4000-8000-000000000001", format: "csv", createdBy: "admin", createdAt: new Date().toISOString(),
  finishedAt: null, status: "RUNNING", rowsRead: 0, rowsImported: 0, rowsRejected: 0,
};
const older: ImportSummary = { ...job, id: "10000000-0000-4000-8000-000000000000", status: "FAILED", error: "unreadable", finishedAt: job.createdAt };

describe("Admin import", () => {
  const realXhr = globalThis.XMLHttpRequest;
  afterEach(() => {
    globalThis.XMLHttpRequest = realXhr;
  });

  it("lists recent imports, shows the server's row counts while the import runs, then the report", async () => {
    globalThis.XMLHttpRequest = PendingUpload as unknown as typeof XMLHttpRequest;
    let current: ImportSummary[] = [older];
    let polls = 0;
    renderWithApp(<AdminView />, {
      roles: ["admin"],
      fetch: routes([
        [/GET \/api\/admin\/imports\?limit=/, () => {
          polls++;
          return json(current);
        }],
        [/categories/, () => json([])],
        [/priorities/, () => json([])],
      ]),
    });
    const list = await screen.findByRole("table", { name: "Recent imports" });
    expect(within(list).getByText("Failed")).toBeTruthy();

    fireEvent.change(screen.getByLabelText("File"), { target: { files: [new File(["text,category\n"], "history.csv", { type: "text/csv" })] } });
    // The job appears and counts rows while the upload is still open.
    current = [{ ...job, rowsRead: 120, rowsImported: 100, rowsRejected: 20 }, older];
    fireEvent.click(screen.getByRole("button", { name: "Import" }));
    expect(await screen.findByText("120 rows read, 100 imported, 20 rejected", undefined, { timeout: 4000 })).toBeTruthy();
    const pollsWhileRunning = polls;

    const report: ImportReport = { ...job, status: "COMPLETED", finishedAt: new Date().toISOString(), rowsRead: 150, rowsImported: 125, rowsRejected: 25, categoriesCreated: [], errors: [{ line: 3, message: "no category" }], errorsTruncated: true };
    current = [report, older];
    PendingUpload.last!.answer(201, report);
    expect(await screen.findByText("Imported 125 of 150 rows")).toBeTruthy();
    expect(screen.getByText("Line 3: no category")).toBeTruthy();
    expect(await within(await screen.findByRole("table", { name: "Recent imports" })).findByText("Completed")).toBeTruthy();
    expect(pollsWhileRunning).toBeGreaterThan(1);
  }, 15_000);
});
