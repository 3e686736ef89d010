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
        {/* The width through CSSOM, not a style attribute: the Content-Security-Policy (style-src 'self') refuses
            inline style attributes in server-rendered HTML; the label and aria-valuenow carry it without scripts. */}
        <div className="progress__bar" ref={(bar) => bar?.style.setProperty('width', `${percent}%`)} />
      </div>
    </>
  );
}
