import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { ContactUpload } from '../../utils/contacts-upload.server';
import type { FieldErrors } from '../../utils/forms';
import { translateMessage, type Message } from '../../utils/message';
import { FormError } from '../ui/alert';
import { Button } from '../ui/button';
import { Card } from '../ui/card';
import { Field, SelectField } from '../ui/field';
import { COLUMN_USES, type ColumnUse } from './schemas';

function suggestedUse(upload: ContactUpload, index: number): ColumnUse {
  const { phone, name, tags } = upload.suggestedMapping;
  if (index === phone) return 'phone';
  if (index === name) return 'name';
  if (index === tags) return 'tags';
  return 'attribute';
}

/**
 * Step 2 of the import: what each column is (with the file's first rows to judge by), the consent statement the
 * importer confirms, and what to do with duplicates and rejected rows.
 */
export function ImportMappingForm({
  upload,
  formError,
  fieldErrors,
}: {
  upload: ContactUpload;
  formError?: Message;
  fieldErrors?: FieldErrors;
}) {
  const { t } = useTranslation();
  return (
    <Form method="post" className="stack" noValidate data-testid="import-mapping">
      <input type="hidden" name="importId" value={upload.id} />
      <input type="hidden" name="upload" value={JSON.stringify(upload)} />
      <FormError message={formError} />
      <Card title={t('contacts.import.mapping.title', { fileName: upload.fileName })} icon="list">
        <p className="card__lead">{t('contacts.import.mapping.lead')}</p>
        <div className="table-scroll" role="region" aria-label={t('contacts.import.mapping.preview')} tabIndex={0}>
          <table className="table">
            <caption className="visually-hidden">{t('contacts.import.mapping.preview')}</caption>
            <thead>
              <tr>
                {upload.columns.map((column, index) => (
                  <th key={index} scope="col">
                    <label className="field">
                      <span className="field__label">{column}</span>
                      <select
                        name={`column_${index}`}
                        className="input input--select input--compact"
                        defaultValue={suggestedUse(upload, index)}
                      >
                        {COLUMN_USES.map((use) => (
                          <option key={use} value={use}>
                            {t(`contacts.import.mapping.uses.${use}`)}
                          </option>
                        ))}
                      </select>
                    </label>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {upload.preview.map((row, rowIndex) => (
                <tr key={rowIndex}>
                  {upload.columns.map((_column, index) => (
                    <td key={index}>{row[index] ?? ''}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {fieldErrors?.mapping ? <FormError message={fieldErrors.mapping} /> : null}
      </Card>
      <Card title={t('contacts.import.options.title')} icon="check">
        <div className="form">
          <label className="field">
            <span className="field__label">{t('contacts.import.options.consent')}</span>
            <textarea
              name="consentStatement"
              className="input"
              rows={3}
              required
              maxLength={1000}
              aria-invalid={fieldErrors?.consentStatement ? true : undefined}
            />
            <span className="field__hint">{t('contacts.import.options.consentHint')}</span>
            {fieldErrors?.consentStatement ? (
              <span className="field__error">{translateMessage(t, fieldErrors.consentStatement)}</span>
            ) : null}
          </label>
          <Field
            label={t('contacts.import.options.tag')}
            hint={t('contacts.import.options.tagHint')}
            name="tag"
            maxLength={64}
            error={fieldErrors?.tag}
          />
          <SelectField label={t('contacts.import.options.duplicates')} name="duplicates" defaultValue="SKIP">
            <option value="SKIP">{t('contacts.import.options.skip')}</option>
            <option value="UPDATE">{t('contacts.import.options.update')}</option>
          </SelectField>
          <label className="checkbox">
            <input type="checkbox" name="keepValidRows" value="on" defaultChecked />
            <span>{t('contacts.import.options.keepValidRows')}</span>
          </label>
          <div className="form__actions">
            <Button intent="start">{t('contacts.import.options.start')}</Button>
          </div>
        </div>
      </Card>
    </Form>
  );
}
