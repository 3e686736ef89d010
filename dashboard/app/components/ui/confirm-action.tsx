import { Form, Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Button, buttonClass } from './button';
import { Dialog } from './dialog';

export interface ConfirmActionProps {
  title: string;
  body: string;
  confirmLabel: string;
  /** The route whose action performs it; Cancel goes back there. */
  action: string;
  intent: string;
  /** Hidden fields that name what is acted on (`{ tokenId: '...' }`; a list repeats the field, like checkboxes). */
  fields: Record<string, string | readonly string[]>;
}

/** A destructive step that asks first, in a dialog that is a plain form: it works without JavaScript. */
export function ConfirmAction({ title, body, confirmLabel, action, intent, fields }: ConfirmActionProps) {
  const { t } = useTranslation();
  return (
    <Dialog title={title} description={body} closeTo={action} tone="danger">
      <Form method="post" action={action} className="dialog__actions">
        {Object.entries(fields).flatMap(([name, value]) =>
          (typeof value === 'string' ? [value] : value).map((one, index) => (
            <input key={`${name}-${index}`} type="hidden" name={name} value={one} />
          )),
        )}
        <Button variant="danger" intent={intent} autoFocus>
          {confirmLabel}
        </Button>
        <Link to={action} className={buttonClass({ variant: 'secondary' })} replace>
          {t('common.cancel')}
        </Link>
      </Form>
    </Dialog>
  );
}
