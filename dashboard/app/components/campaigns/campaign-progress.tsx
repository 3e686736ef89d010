/**
 * A campaign's progress bar. Drawn as SVG whose width is an attribute, not an inline style: the dashboard's CSP
 * (`style-src 'self'`) drops style attributes from server-rendered HTML, so a styled bar would load empty.
 */
export function CampaignProgress({
  percent,
  label,
  labelledBy,
  small,
  testId,
}: {
  percent: number;
  /** The accessible name, when no visible label names the bar. */
  label?: string;
  labelledBy?: string;
  small?: boolean;
  testId?: string;
}) {
  return (
    <div
      className={small ? 'progress progress--small' : 'progress'}
      role="progressbar"
      aria-label={label}
      aria-labelledby={labelledBy}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      data-testid={testId}
    >
      <svg className="campaign-progress__svg" aria-hidden="true" focusable="false">
        <rect className="campaign-progress__bar" x="0" y="0" height="100%" width={`${percent}%`} rx="4" />
      </svg>
    </div>
  );
}
