import { useEffect, useRef } from "react";
import { useApp } from "./context";
import { useLive } from "./live/LiveProvider";
import { Link, useLocation } from "./router";
import { AdminView } from "./views/AdminView";
import { InsightsView } from "./views/InsightsView";
import { QueueView } from "./views/QueueView";
import { TicketView } from "./views/TicketView";

const LIVE_TEXT = { connecting: "Connecting…", live: "Live", reconnecting: "Reconnecting…" } as const;

function Notices() {
  const { notices, dismiss } = useLive();
  return (
    <div className="notices" role="region" aria-label="Notifications" aria-live="assertive">
      {notices.map((n) => (
        <div key={n.id} className="notice notice-urgent" role="alert">
          <strong>{n.text}:</strong> <Link href={`/tickets/${n.ticketId}`} onClick={() => dismiss(n.id)}>{n.subject}</Link>
          <button type="button" className="link-button" aria-label="Dismiss notification" onClick={() => dismiss(n.id)}>×</button>
        </div>
      ))}
    </div>
  );
}

export function App() {
  const { session, signOut } = useApp();
  const { status } = useLive();
  const { path } = useLocation();
  const main = useRef<HTMLElement>(null);
  const ticketMatch = /^\/tickets\/([0-9a-fA-F-]{36})$/.exec(path);

  // Move focus to the new view, as a page load would, so keyboard and screen-reader users follow navigation.
  useEffect(() => {
    main.current?.querySelector<HTMLElement>("h1")?.focus();
  }, [path]);

  const nav = (href: string, label: string, active: boolean) => (
    <Link href={href} aria-current={active ? "page" : undefined}>{label}</Link>
  );
  let view;
  if (ticketMatch) view = <TicketView key={ticketMatch[1]} id={ticketMatch[1]} />;
  else if (path === "/admin") view = <AdminView />;
  else if (path === "/insights") view = <InsightsView />;
  else view = <QueueView />;

  return (
    <>
      <a href="#main" className="skip-link">Skip to content</a>
      <header className="topbar">
        <span className="brand">Triage</span>
        <nav aria-label="Main">
          {nav("/", "Queue", path === "/" || !!ticketMatch)}
          {nav("/insights", "Insights", path === "/insights")}
          {nav("/admin", "Admin", path === "/admin")}
        </nav>
        <span className={`live live-${status}`} role="status" aria-label={`Live updates: ${LIVE_TEXT[status]}`}>
          <span className="dot" aria-hidden="true" /> {LIVE_TEXT[status]}
        </span>
        <span className="user">
          {session.username}
          {session.teams.length > 0 && <span className="muted"> · {session.teams.join(", ")}</span>}
        </span>
        <button type="button" onClick={signOut}>Sign out</button>
      </header>
      <Notices />
      <main id="main" ref={main}>{view}</main>
    </>
  );
}
