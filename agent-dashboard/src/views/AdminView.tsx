import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { listCategories, listImports, listPriorities, saveCategory, savePriority, uploadImport } from "../api/endpoints";
import type { Category, ImportReport, ImportSummary, PriorityPolicy } from "../api/types";
import { Field } from "../components/Field";
import { ProblemMessage } from "../components/Problem";
import { isAdmin, useApp } from "../context";
import { dateTime, humanize } from "../format";

function CategoryRow({ category, editable }: { category: Category; editable: boolean }) {
  const { api } = useApp();
  const client = useQueryClient();
  const [draft, setDraft] = useState(category);
  const dirty = draft.description !== category.description || draft.team !== category.team || draft.active !== category.active;
  const save = useMutation({
    mutationFn: () => saveCategory(api, draft, false),
    onSuccess: () => void client.invalidateQueries({ queryKey: ["categories"] }),
  });
  return (
    <tr>
      <th scope="row"><code>{category.name}</code></th>
      <td>
        {editable ? (
          <input aria-label={`Description of ${category.name}`} value={draft.description}
            onChange={(e) => setDraft({ ...draft, description: e.target.value })} />
        ) : category.description}
      </td>
      <td>
        {editable ? (
          <input aria-label={`Team of ${category.name}`} value={draft.team} size={12}
            onChange={(e) => setDraft({ ...draft, team: e.target.value })} />
        ) : category.team}
      </td>
      <td>
        <input type="checkbox" aria-label={`${category.name} active`} checked={draft.active} disabled={!editable}
          onChange={(e) => setDraft({ ...draft, active: e.target.checked })} />
      </td>
      <td>
        {editable && (
          <button type="button" disabled={!dirty || save.isPending} onClick={() => save.mutate()}>Save</button>
        )}
        {save.isError && <ProblemMessage error={save.error} />}
      </td>
    </tr>
  );
}

function NewCategoryForm() {
  const { api } = useApp();
  const client = useQueryClient();
  const empty: Category = { name: "", description: "", team: "", active: true };
  const [draft, setDraft] = useState(empty);
  const create = useMutation({
    mutationFn: () => saveCategory(api, draft, true),
    onSuccess: () => {
      setDraft(empty);
      void client.invalidateQueries({ queryKey: ["categories"] });
    },
  });
  return (
    <form className="inline-form" aria-label="New category" onSubmit={(e) => { e.preventDefault(); create.mutate(); }}>
      <Field label="Name"><input value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} required /></Field>
      <Field label="Description" className="field grow"><input value={draft.description} onChange={(e) => setDraft({ ...draft, description: e.target.value })} required /></Field>
      <Field label="Team"><input value={draft.team} onChange={(e) => setDraft({ ...draft, team: e.target.value })} required /></Field>
      <button type="submit" disabled={create.isPending}>Add category</button>
      {create.isError && <ProblemMessage error={create.error} />}
    </form>
  );
}

function PolicyRow({ policy, editable }: { policy: PriorityPolicy; editable: boolean }) {
  const { api } = useApp();
  const client = useQueryClient();
  const [first, setFirst] = useState(String(policy.firstResponseMinutes));
  const [resolution, setResolution] = useState(String(policy.resolutionMinutes));
  const save = useMutation({
    mutationFn: () => savePriority(api, { ...policy, firstResponseMinutes: Number(first), resolutionMinutes: Number(resolution) }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ["priorities"] }),
  });
  const label = humanize(policy.priority);
  return (
    <tr>
      <th scope="row">{label}</th>
      <td><input type="number" min={1} aria-label={`${label} first response minutes`} value={first} disabled={!editable} onChange={(e) => setFirst(e.target.value)} /></td>
      <td><input type="number" min={1} aria-label={`${label} resolution minutes`} value={resolution} disabled={!editable} onChange={(e) => setResolution(e.target.value)} /></td>
      <td>{dateTime(policy.updatedAt)}</td>
      <td>
        {editable && <button type="button" disabled={save.isPending} onClick={() => save.mutate()}>Save</button>}
        {save.isError && <ProblemMessage error={save.error} />}
      </td>
    </tr>
  );
}

function ImportPanel() {
  const { api } = useApp();
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [createCategories, setCreateCategories] = useState(false);
  const [team, setTeam] = useState("");
  const [progress, setProgress] = useState<number | null>(null);
  const upload = useMutation<ImportReport, Error>({
    mutationFn: () => uploadImport(api, file!, { createCategories, team }, setProgress),
    onSuccess: () => void client.invalidateQueries({ queryKey: ["categories"] }),
    onSettled: () => void client.invalidateQueries({ queryKey: ["imports"] }),
  });
  // The upload's own progress stops at the last byte sent; the server's counts tell how far the rows got.
  const imports = useQuery({
    queryKey: ["imports"],
    queryFn: () => listImports(api),
    refetchInterval: upload.isPending ? 1000 : false,
  });
  const running = upload.isPending ? imports.data?.find((job) => job.status === "RUNNING") : undefined;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setProgress(0);
    upload.mutate();
  };
  const report = upload.data;
  return (
    <section className="card" aria-labelledby="import-title">
      <h2 id="import-title">Import labelled history</h2>
      <p className="hint">CSV with a header (<code>text,category</code>, optionally <code>subject,priority</code>) or JSON Lines. Each valid row becomes a training example.</p>
      <form className="inline-form" onSubmit={submit}>
        <Field label="File"><input type="file" accept=".csv,.ndjson,.jsonl,text/csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} /></Field>
        <label className="checkbox"><input type="checkbox" checked={createCategories} onChange={(e) => setCreateCategories(e.target.checked)} /> Create missing categories</label>
        {createCategories && <Field label="Owning team"><input value={team} onChange={(e) => setTeam(e.target.value)} required /></Field>}
        <button type="submit" className="primary" disabled={!file || upload.isPending}>Import</button>
      </form>
      {progress !== null && upload.isPending && (
        <div className="progress">
          <span>{progress < 1 ? "Uploading and importing" : "Finishing the import"}</span>
          <progress max={1} value={progress} aria-label="Import progress" />
          <span>{Math.round(progress * 100)}%</span>
          {running && (
            <span role="status" aria-label="Rows so far">
              {running.rowsRead} rows read, {running.rowsImported} imported, {running.rowsRejected} rejected
            </span>
          )}
        </div>
      )}
      {upload.isError && <ProblemMessage error={upload.error} />}
      {report && (
        <div className="report" role="status">
          <p><strong>Imported {report.rowsImported} of {report.rowsRead} rows</strong>; {report.rowsRejected} rejected.</p>
          {report.categoriesCreated.length > 0 && <p>New categories: {report.categoriesCreated.join(", ")}</p>}
          {report.errors.length > 0 && (
            <ul className="row-errors">
              {report.errors.map((e) => <li key={e.line}>Line {e.line}: {e.message}</li>)}
              {report.errorsTruncated && <li>… and more</li>}
            </ul>
          )}
        </div>
      )}
      {imports.isError && <ProblemMessage error={imports.error} onRetry={() => void imports.refetch()} />}
      {imports.data && imports.data.length > 0 && <RecentImports imports={imports.data} />}
    </section>
  );
}

function RecentImports({ imports }: { imports: ImportSummary[] }) {
  return (
    <table aria-label="Recent imports">
      <thead>
        <tr><th scope="col">Started</th><th scope="col">By</th><th scope="col">Format</th><th scope="col">Status</th><th scope="col">Read</th><th scope="col">Imported</th><th scope="col">Rejected</th></tr>
      </thead>
      <tbody>
        {imports.map((job) => (
          <tr key={job.id}>
            <td>{dateTime(job.createdAt)}</td>
            <td>{job.createdBy}</td>
            <td>{job.format}</td>
            <td title={job.error ?? undefined}>{humanize(job.status)}</td>
            <td>{job.rowsRead}</td>
            <td>{job.rowsImported}</td>
            <td>{job.rowsRejected}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function AdminView() {
  const { api, session } = useApp();
  const admin = isAdmin(session);
  const categories = useQuery({ queryKey: ["categories"], queryFn: () => listCategories(api) });
  const priorities = useQuery({ queryKey: ["priorities"], queryFn: () => listPriorities(api) });
  return (
    <section aria-labelledby="admin-title">
      <div className="view-header">
        <h1 tabIndex={-1} id="admin-title">Administration</h1>
        {!admin && <p className="hint">Read only: changes need the admin role.</p>}
      </div>
      <section className="card" aria-labelledby="sla-title">
        <h2 id="sla-title">SLA policies</h2>
        {priorities.isPending && <p className="loading">Loading…</p>}
        {priorities.isError && <ProblemMessage error={priorities.error} onRetry={() => void priorities.refetch()} />}
        {priorities.data && (
          <table aria-label="SLA policies">
            <thead><tr><th scope="col">Priority</th><th scope="col">First response (min)</th><th scope="col">Resolution (min)</th><th scope="col">Updated</th><th /></tr></thead>
            <tbody>{priorities.data.map((p) => <PolicyRow key={`${p.priority}-${p.updatedAt}`} policy={p} editable={admin} />)}</tbody>
          </table>
        )}
      </section>
      {admin && <ImportPanel />}
      <section className="card" aria-labelledby="taxonomy-title">
        <h2 id="taxonomy-title">Taxonomy</h2>
        {admin && <NewCategoryForm />}
        {categories.isPending && <p className="loading">Loading…</p>}
        {categories.isError && <ProblemMessage error={categories.error} onRetry={() => void categories.refetch()} />}
        {categories.data && (
          <table className="taxonomy" aria-label="Categories">
            <thead><tr><th scope="col">Name</th><th scope="col">Description (the LLM reads it)</th><th scope="col">Team</th><th scope="col">Active</th><th /></tr></thead>
            <tbody>
              {[...categories.data].sort((a, b) => a.team.localeCompare(b.team) || a.name.localeCompare(b.name)).map((c) => (
                <CategoryRow key={`${c.name}-${c.team}-${c.active}-${c.description}`} category={c} editable={admin} />
              ))}
            </tbody>
          </table>
        )}
      </section>
    </section>
  );
}
