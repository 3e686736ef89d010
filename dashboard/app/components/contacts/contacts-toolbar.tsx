import { Form, Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { buttonClass } from '../ui/button';
import { Card } from '../ui/card';
import { Field, SelectField } from '../ui/field';
import { SUPPRESSION_STATES, type ContactFilterParams } from './filter-params';

/**
 * Search, tag filter, segment picker, suppression state and replies awaiting review: a GET form, so the filter is the URL (and works
 * without JavaScript). Changing it starts from the first page (the cursor belongs to the old filter).
 */
export function ContactsToolbar({
  filter,
  segments,
}: {
  filter: ContactFilterParams;
  segments: readonly { id: string; name: string }[];
}) {
  const { t } = useTranslation();
  return (
    <Card title={t('contacts.filter.title')} icon="list">
      {/* Keyed by the filter: its fields are uncontrolled, and a navigation that changes the filter (a segment
          just saved, a link) must show the new values rather than what the form was first rendered with. */}
      <Form
        key={JSON.stringify(filter)}
        method="get"
        className="form form--inline"
        role="search"
        data-testid="contacts-filter"
      >
        <Field
          label={t('contacts.filter.search')}
          hint={t('contacts.filter.searchHint')}
          name="q"
          type="search"
          defaultValue={filter.search}
        />
        <Field label={t('contacts.filter.tag')} name="tag" defaultValue={filter.tag} autoComplete="off" />
        <SelectField label={t('contacts.filter.segment')} name="segment" defaultValue={filter.segmentId}>
          <option value="">{t('contacts.filter.allContacts')}</option>
          {segments.map((segment) => (
            <option key={segment.id} value={segment.id}>
              {segment.name}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('contacts.filter.suppression')} name="suppression" defaultValue={filter.suppression}>
          <option value="">{t('contacts.suppression.ANY')}</option>
          {SUPPRESSION_STATES.filter((state) => state !== 'ANY').map((state) => (
            <option key={state} value={state}>
              {t(`contacts.suppression.${state}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('contacts.filter.review')} name="review" defaultValue={filter.needsReview ? '1' : ''}>
          <option value="">{t('contacts.filter.reviewAny')}</option>
          <option value="1">{t('contacts.filter.reviewPending')}</option>
        </SelectField>
        <div className="form__actions">
          <button type="submit" className={buttonClass({ variant: 'primary' })}>
            {t('contacts.filter.apply')}
          </button>
          <Link to="/contacts" className={buttonClass({ variant: 'secondary' })}>
            {t('contacts.filter.clear')}
          </Link>
        </div>
      </Form>
    </Card>
  );
}
