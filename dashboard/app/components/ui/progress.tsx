/** A progress bar (0-100) under its visible label, which also names it for screen readers. */
export function ProgressBar({
  id,
  label,
  percent,
  testId,
}: {
  /** The label's element id (unique on the page). */
  id: string;
  label: string;
  percent: number;
  testId?: string;
}) {
  return (
    <>
      <p className="field__label" id={id}>
        {label}
      </p>
      <div
        className="progress"
        role="progressbar"
        aria-labelledby={id}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        data-testid={testId}
      >
        <div className="progress__bar" style={{ width: `${percent}%` }} />
      </div>
    </>
  );
}
