import { useQuery } from "@tanstack/react-query";
import { ApiError } from "../api/client";
import { getInsights } from "../api/endpoints";
import type { Insights } from "../api/types";
import { ProblemMessage } from "../components/Problem";
import { useApp } from "../context";
import { formatMs, percent } from "../format";

function VolumeChart({ volume }: { volume: Insights["volume"] }) {
  const width = 640;
  const height = 180;
  const max = Math.max(1, ...volume.map((d) => d.created));
  const slot = width / Math.max(1, volume.length);
  const bar = Math.min(28, Math.max(2, slot * 0.35));
  const y = (value: number) => height - (value / max) * (height - 20);
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${width} ${height + 24}`} role="img" aria-label={`Tickets per day: ${volume.map((d) => `${d.day} ${d.created} created, ${d.triaged} triaged`).join("; ")}`}>
        <line x1={0} x2={width} y1={height} y2={height} className="axis" />
        {volume.map((d, i) => (
          <g key={d.day}>
            <rect x={i * slot + slot / 2 - bar} y={y(d.created)} width={bar} height={height - y(d.created)} className="bar-created">
              <title>{`${d.day}: ${d.created} created`}</title>
            </rect>
            <rect x={i * slot + slot / 2} y={y(d.triaged)} width={bar} height={height - y(d.triaged)} className="bar-triaged">
              <title>{`${d.day}: ${d.triaged} triaged, ${d.triageFailed} failed`}</title>
            </rect>
            {(volume.length <= 14 || i % Math.ceil(volume.length / 14) === 0) && (
              <text x={i * slot + slot / 2} y={height + 16} textAnchor="middle" className="tick">{d.day.slice(5)}</text>
            )}
          </g>
        ))}
        <text x={4} y={12} className="tick">{max}</text>
      </svg>
      <figcaption><span className="swatch bar-created" /> created <span className="swatch bar-triaged" /> triaged</figcaption>
    </figure>
  );
}

function ShareBar({ parts }: { parts: { label: string; value: number; className: string }[] }) {
  const total = parts.reduce((sum, p) => sum + p.value, 0);
  let offset = 0;
  return (
    <figure className="chart">
      <svg viewBox="0 0 400 28" role="img" aria-label={parts.map((p) => `${p.label} ${p.value}`).join(", ")}>
        {total === 0 && <rect x={0} y={0} width={400} height={28} className="bar-empty" />}
        {parts.map((p) => {
          const w = total ? (p.value / total) * 400 : 0;
          const rect = <rect key={p.label} x={offset} y={0} width={w} height={28} className={p.className}><title>{`${p.label}: ${p.value}`}</title></rect>;
          offset += w;
          return rect;
        })}
      </svg>
      <figcaption>
        {parts.map((p) => (
          <span key={p.label} className="legend"><span className={`swatch ${p.className}`} /> {p.label} {p.value} ({percent(total ? p.value / total : null)})</span>
        ))}
      </figcaption>
    </figure>
  );
}

function AccuracyChart({ rows }: { rows: Insights["accuracyByCategory"] }) {
  if (rows.length === 0) return <p className="empty">No triaged tickets in this window.</p>;
  return (
    <table className="accuracy" aria-label="Accuracy per category">
      <thead><tr><th scope="col">Category</th><th scope="col">Triaged</th><th scope="col">Corrected</th><th scope="col">Accuracy</th></tr></thead>
      <tbody>
        {rows.slice(0, 20).map((r) => (
          <tr key={r.category}>
            <th scope="row">{r.category}</th>
            <td>{r.triaged}</td>
            <td>{r.corrected}</td>
            <td>
              <svg viewBox="0 0 100 10" className="mini-bar" aria-hidden="true">
                <rect x={0} y={0} width={100} height={10} className="bar-empty" />
                <rect x={0} y={0} width={r.accuracy * 100} height={10} className={r.accuracy < 0.8 ? "bar-bad" : "bar-good"} />
              </svg>{" "}
              {percent(r.accuracy, 1)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div className="stat">
      <div className="stat-value">{value}</div>
      <div className="stat-label">{label}</div>
    </div>
  );
}

export function InsightsReport({ data }: { data: Insights }) {
  const t = data.timeToTriage;
  const d = data.drafts;
  return (
    <div className="insights">
      <p className="muted">{new Date(data.from).toLocaleDateString()} – {new Date(data.to).toLocaleDateString()}</p>
      <section className="card wide" aria-labelledby="volume-title">
        <h2 id="volume-title">Ticket volume</h2>
        <VolumeChart volume={data.volume} />
      </section>
      <section className="card" aria-labelledby="ttt-title">
        <h2 id="ttt-title">Time to triage</h2>
        <div className="stats">
          <Stat label="median" value={formatMs(t.p50Ms)} />
          <Stat label="p90" value={formatMs(t.p90Ms)} />
          <Stat label="p99" value={formatMs(t.p99Ms)} />
          <Stat label="tickets" value={String(t.count)} />
        </div>
      </section>
      <section className="card" aria-labelledby="who-title">
        <h2 id="who-title">Who triaged</h2>
        <ShareBar parts={[
          { label: "local model", value: data.triagedBy.localModel, className: "bar-local" },
          { label: "LLM", value: data.triagedBy.llm, className: "bar-llm" },
          { label: "humans", value: data.triagedBy.human, className: "bar-human" },
          { label: "abstained", value: data.triagedBy.abstained, className: "bar-abstained" },
        ]} />
      </section>
      <section className="card" aria-labelledby="acc-title">
        <h2 id="acc-title">Accuracy per category (from agent corrections)</h2>
        <AccuracyChart rows={data.accuracyByCategory} />
      </section>
      <section className="card" aria-labelledby="llm-title">
        <h2 id="llm-title">LLM cost</h2>
        <div className="stats">
          <Stat label="estimated cost" value={`$${data.llm.estimatedCostUsd.toFixed(4)}`} />
          <Stat label="calls" value={String(data.llm.calls)} />
          <Stat label="prompt tokens" value={data.llm.promptTokens.toLocaleString()} />
          <Stat label="completion tokens" value={data.llm.completionTokens.toLocaleString()} />
        </div>
      </section>
      <section className="card" aria-labelledby="drafts-title">
        <h2 id="drafts-title">Draft acceptance</h2>
        <div className="stats">
          <Stat label="acceptance" value={percent(d.acceptanceRate)} />
          <Stat label="drafted" value={String(d.drafted)} />
          <Stat label="replies sent" value={String(d.repliesSent)} />
        </div>
        <ShareBar parts={[
          { label: "sent unchanged", value: d.sentUnchanged, className: "bar-local" },
          { label: "edited", value: d.sentEdited, className: "bar-llm" },
          { label: "from scratch", value: d.writtenFromScratch, className: "bar-human" },
        ]} />
      </section>
    </div>
  );
}

export function InsightsView() {
  const { api } = useApp();
  const insights = useQuery({ queryKey: ["insights"], queryFn: () => getInsights(api), retry: false, refetchInterval: 60_000 });
  return (
    <section aria-labelledby="insights-title">
      <div className="view-header">
        <h1 tabIndex={-1} id="insights-title">Insights</h1>
        <p className="hint">The last 14 days.</p>
      </div>
      {insights.isPending && <p className="loading" role="status">Loading insights…</p>}
      {insights.isError && insights.error instanceof ApiError && insights.error.status === 404 ? (
        <p className="empty">Insights are not available from this server yet (GET /api/insights answered 404).</p>
      ) : (
        insights.isError && <ProblemMessage error={insights.error} onRetry={() => void insights.refetch()} />
      )}
      {insights.data && <InsightsReport data={insights.data} />}
    </section>
  );
}
