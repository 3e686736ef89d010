import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../../utils/forms';
import { Field, TextAreaField } from '../ui/field';
import { joinAttributes } from './schemas';

export interface ContactFieldValues {
  phone: string;
  name: string | null;
  tags: readonly string[];
  attributes: readonly { key: string; value: string }[];
}

/**
 * The fields of a contact a person types, for adding one by hand and for editing one: the same names, limits and
 * hints, with the API's refusal of each shown beside it (`fieldErrors` keyed by the API's field names).
 */
export function ContactFields({
  values,
  fieldErrors,
  withConsent,
}: {
  values?: ContactFieldValues;
  fieldErrors?: FieldErrors;
  /** Adding a contact may record the consent statement the person agreed to. */
  withConsent?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Field
        label={t('contacts.table.phone')}
        hint={t('contacts.form.phoneHint')}
        name="phone"
        type="tel"
        autoComplete="off"
        required
        maxLength={64}
        defaultValue={values?.phone ?? ''}
        error={fieldErrors?.phone}
      />
      <Field
        label={t('contacts.table.name')}
        name="name"
        autoComplete="off"
        maxLength={200}
        defaultValue={values?.name ?? ''}
        error={fieldErrors?.name}
      />
      <Field
        label={t('contacts.table.tags')}
        hint={t('contacts.detail.tagsHint')}
        name="tags"
        autoComplete="off"
        defaultValue={values?.tags.join(', ') ?? ''}
        error={fieldErrors?.tags}
      />
      <TextAreaField
        label={t('contacts.form.attributes')}
        hint={t('contacts.form.attributesHint')}
        name="attributes"
        rows={4}
        defaultValue={values ? joinAttributes(values.attributes) : ''}
        error={fieldErrors?.attributes}
      />
      {withConsent ? (
        <TextAreaField
          label={t('contacts.form.consent')}
          hint={t('contacts.form.consentHint')}
          name="consentStatement"
          rows={2}
          maxLength={500}
          error={fieldErrors?.consentStatement}
        />
      ) : null}
    </>
  );
}
