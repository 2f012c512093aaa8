import { cloneElement, useId, type ReactElement } from "react";

/**
 * A visible label tied to its control by id. Wrapping a control in its label would make the control's value part
 * of its accessible name ("Priority Any"), which screen readers then read out and tests cannot select by.
 */
export function Field({ label, className = "field", children }: { label: string; className?: string; children: ReactElement<{ id?: string }> }) {
  const id = useId();
  return (
    <div className={className}>
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, { id })}
    </div>
  );
}
