import { useTranslation } from 'react-i18next';
import type { TemplatesPageQuery } from '../../graphql/graphql';
import { Alert } from '../ui/alert';
import { Badge, type BadgeTone } from '../ui/badge';
import { qualityTone } from '../channels/channel-facts';
import { parseComponents, templatePreview, type Segment } from './template-preview';

export type TemplateRow = TemplatesPageQuery['templates']['edges'][number]['node'];

const STATUSES = ['APPROVED', 'PENDING', 'REJECTED', 'PAUSED', 'DISABLED'] as const;
const CATEGORIES = ['MARKETING', 'UTILITY', 'AUTHENTICATION'] as const;
const UNSUPPORTED = [
  'CAROUSEL',
  'CATALOG',
  'FLOW',
  'LIMITED_TIME_OFFER',
  'LOCATION',
  'PRODUCT',
  'AUTHENTICATION',
  'OTHER',
] as const;
const MEDIA = ['IMAGE', 'VIDEO', 'DOCUMENT', 'LOCATION'] as const;
const BUTTONS = ['QUICK_REPLY', 'URL', 'PHONE_NUMBER', 'COPY_CODE'] as const;
const QUALITIES = ['GREEN', 'YELLOW', 'RED', 'UNKNOWN'] as const;

function statusTone(status: string): BadgeTone {
  if (status === 'APPROVED') return 'success';
  if (status === 'PENDING') return 'info';
  if (status === 'PAUSED') return 'warning';
  if (status === 'REJECTED' || status === 'DISABLED') return 'danger';
  return 'neutral';
}

function known<T extends string>(list: readonly T[], value: string | null | undefined): T | undefined {
  return list.find((item) => item === value);
}

/** One template as the business will see it sent: a message bubble with its parameters marked, and its facts. */
export function TemplateCard({ template }: { template: TemplateRow }) {
  const { t } = useTranslation();
  const preview = templatePreview(parseComponents(template.components));
  const status = known(STATUSES, template.status);
  const category = known(CATEGORIES, template.category);
  const reason = known(UNSUPPORTED, template.unsupported);
  const media = known(MEDIA, preview.header?.format);
  const named = template.parameterFormat === 'NAMED';
  const quality = known(QUALITIES, template.quality);
  return (
    <article className="template-card" data-testid={`template-${template.name}-${template.language}`}>
      <header className="template-card__header">
        <h3 className="template-card__name">{template.name}</h3>
        <div className="template-card__badges">
          <Badge tone={statusTone(template.status)}>{status ? t(`templates.status.${status}`) : template.status}</Badge>
          <Badge>{category ? t(`templates.category.${category}`) : template.category}</Badge>
          <Badge tone="info">{template.language}</Badge>
          {template.quality ? (
            <Badge tone={qualityTone(template.quality)}>
              {t('templates.quality', { quality: quality ? t(`channels.quality.${quality}`) : template.quality })}
            </Badge>
          ) : null}
        </div>
      </header>
      {template.unsupported ? (
        <Alert tone="warning" title={t('templates.unsupported.title')}>
          <p>{reason ? t(`templates.unsupported.${reason}`) : template.unsupported}</p>
        </Alert>
      ) : null}
      <div className="template-preview" aria-label={t('templates.preview')} role="group">
        {preview.header ? (
          <p className="template-preview__header">
            {preview.header.format === 'TEXT' ? (
              <Segments pieces={preview.header.segments} />
            ) : (
              <span className="template-preview__media">
                {media ? t(`templates.media.${media}`) : preview.header.format}
              </span>
            )}
          </p>
        ) : null}
        <p className="template-preview__body" data-testid="template-body">
          <Segments pieces={preview.body} />
        </p>
        {preview.footer ? <p className="template-preview__footer">{preview.footer}</p> : null}
        {preview.buttons.length > 0 ? (
          <ul className="template-preview__buttons">
            {preview.buttons.map((button, index) => {
              const kind = known(BUTTONS, button.type);
              return (
                <li key={`${button.type}-${index}`} className="template-preview__button">
                  <span>{button.text}</span>
                  <span className="template-preview__button-kind">
                    {kind ? t(`templates.button.${kind}`) : button.type}
                    {button.target ? ` · ${button.target}` : ''}
                  </span>
                </li>
              );
            })}
          </ul>
        ) : null}
      </div>
      <div className="template-card__parameters">
        <p className="field__hint">{named ? t('templates.parameters.named') : t('templates.parameters.positional')}</p>
        {preview.parameters.length === 0 ? (
          <p className="field__hint">{t('templates.parameters.none')}</p>
        ) : (
          <ul className="template-card__parameter-list" data-testid="template-parameters">
            {preview.parameters.map((param) => (
              <li key={`${param.where}-${param.name}`}>
                <code className="template-param">{`{{${param.name}}}`}</code>{' '}
                <span className="field__hint">
                  {t(`templates.parameters.where.${param.where}`)}
                  {param.example ? ` · ${t('templates.parameters.example', { example: param.example })}` : ''}
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </article>
  );
}

function Segments({ pieces }: { pieces: Segment[] }) {
  return (
    <>
      {pieces.map((piece, index) =>
        piece.kind === 'text' ? (
          <span key={index}>{piece.text}</span>
        ) : (
          <mark key={index} className="template-param" title={piece.example ?? undefined}>
            {`{{${piece.name}}}`}
          </mark>
        ),
      )}
    </>
  );
}
