import { useEffect, useState } from "react";
import type { Sla } from "../api/types";
import { formatDuration } from "../format";

/** One shared ticking clock per component: re-renders every interval. */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

export function slaTarget(sla: Sla | null | undefined): { due: string; what: string } | null {
  if (!sla || sla.state === "DONE" || sla.state === "NONE") return null;
  if (!sla.firstRespondedAt && sla.firstResponseDueAt) return { due: sla.firstResponseDueAt, what: "first response" };
  if (sla.resolutionDueAt) return { due: sla.resolutionDueAt, what: "resolution" };
  return null;
}

/** Time left to the next SLA target; turns breached on the client as soon as the clock passes it. */
export function SlaCountdown({ sla, now }: { sla: Sla | null | undefined; now: number }) {
  const target = slaTarget(sla);
  if (!sla || !target) {
    return <span className="sla sla-none">{sla?.state === "DONE" ? "done" : "no SLA yet"}</span>;
  }
  const left = new Date(target.due).getTime() - now;
  const breached = left < 0 || sla.state === "BREACHED";
  const state = breached ? "breached" : sla.state === "DUE_SOON" || left < 30 * 60_000 ? "due-soon" : "on-track";
  const text = breached ? `overdue ${formatDuration(left)}` : `${formatDuration(left)} left`;
  return (
    <span className={`sla sla-${state}`} title={`${target.what} due ${new Date(target.due).toLocaleString()}`}>
      {breached && <span aria-hidden="true">⚠ </span>}
      {text}
      <span className="visually-hidden"> to {target.what}{breached ? " (SLA breached)" : ""}</span>
    </span>
  );
}
