import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Button } from '../ui/button';
import { Field } from '../ui/field';
import { FormError } from '../ui/alert';
import type { PreviewButton } from '../templates/template-preview';
import { sampleValue, type SampleContact, type VariableMapping } from './campaign-facts';
import type { Message } from '../../utils/message';

/** Not words to translate: the scheme a media link must start with, and a button parameter's template syntax. */
const LINK_SCHEME = 'https://';
const buttonPlaceholder = (index: number) => `{{button_${index}}}`;

/** The header formats a campaign fills with a file, and what a browser may pick for each (Meta's header types). */
export const MEDIA_FORMATS = ['IMAGE', 'VIDEO', 'DOCUMENT'] as const;
export type MediaFormat = (typeof MEDIA_FORMATS)[number];
const ACCEPT: Record<MediaFormat, string> = {
  IMAGE: 'image/jpeg,image/png',
  VIDEO: 'video/mp4,video/3gpp',
  DOCUMENT: 'application/pdf',
};

export const isMediaFormat = (format: string | undefined): format is MediaFormat =>
  (MEDIA_FORMATS as readonly string[]).includes(format ?? '');

export interface HeaderMedia {
  source: string;
  link: string | null;
  fileId: string | null;
  fileName: string | null;
  mimeType: string | null;
}

/**
 * The header-media form's element. Its inputs sit in the wizard's mapping step (`form=` attribute: HTML forms do not
 * nest, and the wizard's own form must not carry a file); this element stands after the wizard's form.
 */
export const HEADER_MEDIA_FORM_ID = 'campaign-header-media';

export function HeaderMediaForm() {
  return <Form id={HEADER_MEDIA_FORM_ID} method="post" encType="multipart/form-data" noValidate />;
}

/** Link or upload for the template's IMAGE, VIDEO or DOCUMENT header, saved on its own (`intent=media`). */
export function HeaderMediaStep({
  format,
  media,
  feedback,
}: {
  format: MediaFormat;
  media: HeaderMedia | null;
  feedback?: { formError?: Message; fieldErrors?: Record<string, Message> };
}) {
  const { t } = useTranslation();
  const form = HEADER_MEDIA_FORM_ID;
  const source = media?.source ?? 'LINK';
  return (
    <fieldset className="campaign-variable campaign-media" data-testid="campaign-header-media">
      <legend className="campaign-variable__name">{t(`campaigns.media.title.${format}`)}</legend>
      <FormError message={feedback?.formError} />
      <div className="campaign-choices" role="radiogroup" aria-label={t('campaigns.media.source')}>
        {(['LINK', 'UPLOAD'] as const).map((kind) => (
          <label key={kind} className="checkbox campaign-choice">
            <input type="radio" name="mediaSource" value={kind} defaultChecked={source === kind} form={form} />
            <span>{t(`campaigns.media.sources.${kind}`)}</span>
          </label>
        ))}
      </div>
      <Field
        label={t('campaigns.media.link')}
        name="mediaLink"
        type="url"
        inputMode="url"
        placeholder={LINK_SCHEME}
        defaultValue={media?.source === 'LINK' ? (media.link ?? '') : ''}
        hint={t('campaigns.media.linkHint')}
        error={feedback?.fieldErrors?.mediaLink}
        form={form}
      />
      {format === 'DOCUMENT' ? (
        <Field
          label={t('campaigns.media.fileName')}
          name="mediaFileName"
          defaultValue={media?.source === 'LINK' ? (media.fileName ?? '') : ''}
          maxLength={200}
          hint={t('campaigns.media.fileNameHint')}
          form={form}
        />
      ) : null}
      <Field
        label={t('campaigns.media.file')}
        name="mediaFile"
        type="file"
        accept={ACCEPT[format]}
        hint={t(`campaigns.media.fileHint.${format}`)}
        error={feedback?.fieldErrors?.mediaFile}
        form={form}
      />
      {media?.source === 'UPLOAD' && media.fileName ? (
        <p className="field__hint" data-testid="campaign-media-current">
          {t('campaigns.media.current', { name: media.fileName })}
        </p>
      ) : null}
      <Button intent="media" variant="secondary" form={form} pendingLabel={t('campaigns.media.saving')}>
        {t('campaigns.media.save')}
      </Button>
    </fieldset>
  );
}

/** The header as the recipient gets it: the kind of media and its link or file name (the file is Meta's to show). */
export function HeaderMediaPreview({ format, media }: { format: MediaFormat; media: HeaderMedia | null }) {
  const { t } = useTranslation();
  const shown = media ? (media.source === 'UPLOAD' ? media.fileName : media.link) : null;
  return (
    <div className="template-preview__media" data-testid="campaign-preview-media">
      <span className="template-preview__button-kind">{t(`campaigns.media.kind.${format}`)}</span>{' '}
      {shown ? <span className="template-preview__media-name">{shown}</span> : <em>{t('campaigns.media.none')}</em>}
      {media?.source === 'LINK' && format === 'DOCUMENT' && media.fileName ? <span> · {media.fileName}</span> : null}
    </div>
  );
}

/** The buttons with what this contact's message carries: a URL button's full link, a coupon's code. */
export function ButtonsPreview({
  buttons,
  mappings,
  contact,
}: {
  buttons: PreviewButton[];
  mappings: VariableMapping[];
  contact: SampleContact | null;
}) {
  const { t } = useTranslation();
  if (buttons.length === 0) return null;
  const valueOf = (index: number) =>
    sampleValue(
      mappings.find((mapping) => mapping.parameter === `button_${index}`),
      contact,
    );
  return (
    <ul className="template-preview__buttons" data-testid="campaign-preview-buttons">
      {buttons.map((button, index) => {
        const value = valueOf(index);
        const link =
          button.type === 'URL' && button.target && value !== null
            ? button.target.replace(/\{\{\s*[A-Za-z0-9_]+\s*\}\}/, encodeURI(value))
            : button.target;
        return (
          <li key={`${button.type}-${index}`} className="template-preview__button">
            <span>{button.type === 'COPY_CODE' ? t('campaigns.media.copyCode') : button.text}</span>
            {button.type === 'URL' && link ? <span className="template-preview__button-kind">{link}</span> : null}
            {button.type === 'COPY_CODE' ? (
              <code className="template-param">{value ?? buttonPlaceholder(index)}</code>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

/** What a `button_<index>` parameter is, beside its `{{button_1}}` in the mapping step; null for other parameters. */
export function ButtonParameterLabel({ parameter, buttons }: { parameter: string; buttons: PreviewButton[] }) {
  const { t } = useTranslation();
  const match = /^button_(\d+)$/.exec(parameter);
  const button = match ? buttons[Number(match[1])] : undefined;
  if (!button) return null;
  return (
    <span className="field__hint">
      {' '}
      {button.type === 'COPY_CODE'
        ? t('campaigns.media.couponCode')
        : t('campaigns.media.urlSuffix', { text: button.text })}
    </span>
  );
}
