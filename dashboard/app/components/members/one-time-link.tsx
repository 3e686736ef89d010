import { Alert } from '../ui/alert';
import { CopyButton } from '../ui/copy-button';

/** A secret link shown once (an invitation, a password reset), selectable and copyable. */
export function OneTimeLink({
  title,
  url,
  hint,
  testId,
}: {
  title: string;
  url: string;
  hint: string;
  testId: string;
}) {
  return (
    <Alert tone="success">
      <div className="once">
        <p className="once__label">{title}</p>
        <div className="secret">
          <code className="secret__value" data-testid={testId}>
            {url}
          </code>
          <CopyButton value={url} />
        </div>
        <p className="field__hint">{hint}</p>
      </div>
    </Alert>
  );
}
