export function formatDuration(ms: number): string {
  const abs = Math.abs(ms);
  const minutes = Math.floor(abs / 60_000);
  if (abs < 60_000) return `${Math.floor(abs / 1000)}s`;
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours}h ${minutes % 60}m`;
  return `${Math.floor(hours / 24)}d ${hours % 24}h`;
}

export const percent = (value: number | null | undefined, digits = 0) =>
  value == null || Number.isNaN(value) ? "–" : `${(value * 100).toFixed(digits)}%`;

export const dateTime = (iso: string | null | undefined) =>
  iso ? new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" }) : "–";

export const relative = (iso: string, now: number) => `${formatDuration(now - new Date(iso).getTime())} ago`;

export const humanize = (value: string | null | undefined) =>
  value ? value.toLowerCase().replace(/[_-]+/g, " ").replace(/^\w/, (c) => c.toUpperCase()) : "–";

export function formatMs(ms: number | null | undefined): string {
  if (ms == null) return "–";
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
}
