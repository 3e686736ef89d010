import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { ImportMappingForm } from '../components/contacts/import-mapping-form';
import { attributeKey, startImportSchema, type ColumnUse } from '../components/contacts/schemas';
import { InlineErrorBoundary } from '../components/error-page';
import { FormError } from '../components/ui/alert';
import { Button } from '../components/ui/button';
import { Card } from '../components/ui/card';
import { graphql } from '../graphql';
import type { ColumnMappingInput } from '../graphql/graphql';
import { refused } from '../utils/action.server';
import { requirePermission } from '../utils/auth.server';
import { uploadContactsCsv, type ContactUpload } from '../utils/contacts-upload.server';
import { requireSameOrigin } from '../utils/csrf.server';
import { parseForm, type FieldErrors } from '../utils/forms';
import { errorResponse, gqlForm } from '../utils/graphql.server';
import type { Message } from '../utils/message';
import type { RouteHandle } from '../utils/route-handle';
import { redirectWithToast } from '../utils/toast.server';

const StartContactImportDocument = graphql(`
  mutation StartContactImport($input: StartContactImportInput!) {
    startContactImport(input: $input) {
      id
      status
    }
  }
`);

interface ImportActionData {
  /** Present once the file is uploaded: step 2 (mapping) is shown. */
  upload?: ContactUpload;
  formError?: Message;
  fieldErrors?: FieldErrors;
}

export const handle: RouteHandle = { titleKey: 'contacts.import.title' };

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'CONTACTS_WRITE');
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  requireSameOrigin(request);
  await requirePermission(request, 'CONTACTS_WRITE');
  const form = await request.formData();
  switch (form.get('intent')) {
    case 'upload': {
      const file = form.get('file');
      if (!(file instanceof File) || file.size === 0) {
        return refused<ImportActionData>({ fieldErrors: { file: { key: 'contacts.import.upload.required' } } });
      }
      const outcome = await uploadContactsCsv(request, file);
      if (!outcome.ok) return refused<ImportActionData>({ formError: outcome.message }, outcome.status);
      // Not a redirect: the preview belongs to this answer (the API keeps the file, not a copy of its first rows).
      const uploaded: ImportActionData = { upload: outcome.upload };
      return uploaded;
    }
    case 'start': {
      const upload = readUpload(form.get('upload'));
      if (!upload) return refused<ImportActionData>({ formError: { key: 'contacts.import.upload.again' } });
      const parsed = parseForm(startImportSchema, form);
      if (!parsed.ok) return refused<ImportActionData>({ upload, fieldErrors: parsed.fieldErrors });
      const mapping = readMapping(form, upload.columns);
      if (!mapping) {
        return refused<ImportActionData>({
          upload,
          fieldErrors: { mapping: { key: 'contacts.import.mapping.onePhone' } },
        });
      }
      const { importId, consentStatement, tag, duplicates, keepValidRows } = parsed.data;
      const result = await gqlForm(request, StartContactImportDocument, {
        input: {
          importId,
          mapping,
          consentStatement,
          tag: tag || null,
          duplicates,
          keepValidRows: keepValidRows === 'on',
        },
      });
      if (result.failure) return refused<ImportActionData>({ upload, ...result.failure }, result.status);
      return redirectWithToast(`/contacts/import/${result.data.startContactImport.id}`, {
        type: 'info',
        key: 'contacts.import.started',
      });
    }
    default:
      throw errorResponse({ messageKey: 'errors.generic' }, 400);
  }
}

/** The upload answer the mapping form carried along; only its shape is trusted (the API checks the id). */
function readUpload(value: FormDataEntryValue | null): ContactUpload | null {
  if (typeof value !== 'string') return null;
  try {
    const upload = JSON.parse(value) as ContactUpload;
    const valid =
      typeof upload.id === 'string' &&
      Array.isArray(upload.columns) &&
      upload.columns.every((column) => typeof column === 'string') &&
      Array.isArray(upload.preview) &&
      typeof upload.suggestedMapping === 'object';
    return valid ? upload : null;
  } catch {
    return null;
  }
}

/** Each column's use as the API's mapping; null unless exactly one column is the phone. */
function readMapping(form: FormData, columns: readonly string[]): ColumnMappingInput | null {
  const uses = columns.map((_column, index) => String(form.get(`column_${index}`) ?? 'ignore') as ColumnUse);
  const only = (use: ColumnUse) => {
    const indexes = uses.flatMap((value, index) => (value === use ? [index] : []));
    return indexes.length === 1 ? indexes[0] : indexes.length === 0 ? null : undefined;
  };
  const phone = only('phone');
  const name = only('name');
  const tags = only('tags');
  if (phone === null || phone === undefined || name === undefined || tags === undefined) return null;
  const keys = new Set<string>();
  const attributes = uses.flatMap((use, index) => {
    if (use !== 'attribute') return [];
    const key = attributeKey(columns[index] ?? '', index);
    if (keys.has(key)) return [];
    keys.add(key);
    return [{ column: index, key }];
  });
  return { phone, name, tags, attributes };
}

export default function ContactImportPage() {
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <>
      <p>
        <Link to="/contacts" className="button-link">
          {t('contacts.detail.back')}
        </Link>
      </p>
      <h1 className="page__title">{t('contacts.import.title')}</h1>
      <p className="page__lead">{t('contacts.import.intro')}</p>
      {actionData?.upload ? (
        <ImportMappingForm
          upload={actionData.upload}
          formError={actionData.formError}
          fieldErrors={actionData.fieldErrors}
        />
      ) : (
        <Card title={t('contacts.import.upload.title')} icon="list">
          <Form method="post" encType="multipart/form-data" className="form" data-testid="import-upload">
            <FormError message={actionData?.formError} />
            <label className="field">
              <span className="field__label">{t('contacts.import.upload.file')}</span>
              <input type="file" name="file" accept=".csv,text/csv" className="input" required />
              <span className="field__hint">{t('contacts.import.upload.hint')}</span>
            </label>
            {actionData?.fieldErrors?.file ? <FormError message={actionData.fieldErrors.file} /> : null}
            <div className="form__actions">
              <Button intent="upload">{t('contacts.import.upload.submit')}</Button>
            </div>
          </Form>
        </Card>
      )}
    </>
  );
}

export { InlineErrorBoundary as ErrorBoundary };
