import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { WorkspaceTimeZone } from '../../graphql/graphql';
import { formatDateTime, timeZoneOf } from '../../utils/format';
import { useClientValidation, type FormFeedback } from '../../utils/forms';
import type { Language } from '../../utils/language';
import { FormError } from '../ui/alert';
import { Button } from '../ui/button';
import { Card } from '../ui/card';
import { SelectField } from '../ui/field';
import { TIME_ZONE_OPTIONS, timeZoneSchema } from './schemas';

/** The workspace's time zone: a choice of Indonesia's three, with what "now" reads as in the current one. */
export function TimeZoneCard({
  current,
  now,
  feedback,
}: {
  current: WorkspaceTimeZone;
  now: string;
  feedback?: FormFeedback;
}) {
  const { t, i18n } = useTranslation();
  const client = useClientValidation(timeZoneSchema);
  const error = client.fieldErrors?.timeZone ?? feedback?.fieldErrors?.timeZone;
  return (
    <Card title={t('workspaceSettings.timeZone.title')} icon="clock">
      <FormError message={feedback?.fieldErrors ? undefined : feedback?.formError} />
      <p className="card__lead">{t('workspaceSettings.timeZone.intro')}</p>
      <Form method="post" className="form form--narrow" noValidate onSubmit={client.onSubmit}>
        <SelectField
          label={t('workspaceSettings.timeZone.label')}
          name="timeZone"
          defaultValue={current}
          error={error}
          hint={t('workspaceSettings.timeZone.now', {
            time: formatDateTime(now, i18n.language as Language, timeZoneOf(current)),
          })}
        >
          {TIME_ZONE_OPTIONS.map((zone) => (
            <option key={zone} value={zone}>
              {t(`workspaceSettings.timeZone.zones.${zone}`)}
            </option>
          ))}
        </SelectField>
        <div className="form__actions">
          <Button variant="primary" intent="setTimeZone">
            {t('common.save')}
          </Button>
        </div>
      </Form>
    </Card>
  );
}
