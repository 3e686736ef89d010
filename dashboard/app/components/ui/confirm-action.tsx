import { Form, Link } from '@remix-run/react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

export interface ConfirmActionProps {
  title: string;
  body: string;
  confirmLabel: string;
  /** The route whose action performs it; Cancel goes back there. */
  action: string;
  intent: string;
  /** Hidden fields that name what is acted on (`{ tokenId: '...' }`). */
  fields: Record<string, string>;
}

/** A destructive step that asks first, as a plain form: it works without JavaScript. */
export function ConfirmAction({ title, body, confirmLabel, action, intent, fields }: ConfirmActionProps) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section className="confirm" aria-labelledby={`${id}-title`} aria-describedby={`${id}-body`}>
      <h2 className="confirm__title" id={`${id}-title`}>
        {title}
      </h2>
      <p id={`${id}-body`}>{body}</p>
      <Form method="post" action={action} className="confirm__actions">
        <input type="hidden" name="intent" value={intent} />
        {Object.entries(fields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <button type="submit" className="button button--danger">
          {confirmLabel}
        </button>
        <Link to={action} className="button button--secondary">
          {t('common.cancel')}
        </Link>
      </Form>
    </section>
  );
}
