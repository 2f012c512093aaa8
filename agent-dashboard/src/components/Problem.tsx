import { ApiError } from "../api/client";

/** An API problem (RFC 9457) in words an agent can act on, with the offending fields. */
export function ProblemMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const problem =
    error instanceof ApiError ? error : new ApiError(0, "Something went wrong", error instanceof Error ? error.message : undefined);
  return (
    <div className="problem" role="alert">
      <strong>{problem.title}</strong>
      {problem.status > 0 && <span className="problem-status"> (HTTP {problem.status})</span>}
      {problem.detail && <p>{problem.detail}</p>}
      {problem.errors.length > 0 && (
        <ul>
          {problem.errors.map((e) => (
            <li key={`${e.field}:${e.message}`}>
              <code>{e.field || "request"}</code>: {e.message}
            </li>
          ))}
        </ul>
      )}
      {onRetry && (
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
