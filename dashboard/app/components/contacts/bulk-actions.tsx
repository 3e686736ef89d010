import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../ui/alert';
import { Button } from '../ui/button';
import { Card } from '../ui/card';
import { Field, SelectField } from '../ui/field';
import type { ContactsActionData } from '../../routes/_app.contacts._index';

/**
 * Bulk actions on the rows ticked in the table (their checkboxes belong to this form by `form="contacts-bulk"`)
 * or on every contact the current filter finds, which the API runs as one background job.
 */
export function BulkActions({ actionData, filtered }: { actionData?: ContactsActionData; filtered: boolean }) {
  const { t } = useTranslation();
  return (
    <Card title={t('contacts.bulk.title')} icon="check">
      <Form method="post" id="contacts-bulk" className="form form--inline" noValidate data-testid="contacts-bulk">
        <FormError message={actionData?.formError} />
        <Field
          label={t('contacts.bulk.tag')}
          name="tag"
          autoComplete="off"
          maxLength={64}
          error={actionData?.fieldErrors?.tag}
        />
        <SelectField label={t('contacts.bulk.scope')} name="scope" defaultValue="selection">
          <option value="selection">{t('contacts.bulk.scopeSelection')}</option>
          {filtered ? <option value="filter">{t('contacts.bulk.scopeFilter')}</option> : null}
        </SelectField>
        <div className="form__actions">
          <Button intent="tag" variant="secondary">
            {t('contacts.bulk.addTag')}
          </Button>
          <Button intent="untag" variant="secondary">
            {t('contacts.bulk.removeTag')}
          </Button>
          <Button intent="confirmMarketingOptOut" variant="secondary">
            {t('contacts.bulk.marketingOptOut')}
          </Button>
          <Button intent="confirmOptOut" variant="ghost-danger">
            {t('contacts.bulk.optOut')}
          </Button>
          <Button intent="confirmDelete" variant="ghost-danger">
            {t('contacts.bulk.delete')}
          </Button>
        </div>
      </Form>
    </Card>
  );
}

/** Saves the current filter as a named segment (a campaign audience). */
export function SaveSegmentForm({ actionData }: { actionData?: ContactsActionData }) {
  const { t } = useTranslation();
  return (
    <Card title={t('contacts.segments.title')} icon="list">
      <Form method="post" className="form form--inline" noValidate data-testid="save-segment">
        <FormError message={actionData?.formError} />
        <Field
          label={t('contacts.segments.name')}
          name="name"
          required
          maxLength={120}
          error={actionData?.fieldErrors?.name}
        />
        <div className="form__actions">
          <Button intent="saveSegment">{t('contacts.segments.save')}</Button>
        </div>
      </Form>
    </Card>
  );
}
