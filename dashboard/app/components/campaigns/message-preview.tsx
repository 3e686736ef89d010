import { useTranslation } from 'react-i18next';
import type { Segment, TemplatePreview } from '../templates/template-preview';
import { fillSegments, type SampleContact, type VariableMapping } from './campaign-facts';

/** The message as the sample contact would receive it: parameters without a value stay marked as `{{name}}`. */
export function MessagePreview({
  preview,
  mappings,
  contact,
}: {
  preview: TemplatePreview;
  mappings: VariableMapping[];
  contact: SampleContact | null;
}) {
  const { t } = useTranslation();
  return (
    <div className="template-preview" role="group" aria-label={t('campaigns.editor.previewLabel')}>
      {preview.header?.format === 'TEXT' ? (
        <p className="template-preview__header">
          <Pieces pieces={fillSegments(preview.header.segments, mappings, contact)} />
        </p>
      ) : null}
      <p className="template-preview__body" data-testid="campaign-preview">
        <Pieces pieces={fillSegments(preview.body, mappings, contact)} />
      </p>
      {preview.footer ? <p className="template-preview__footer">{preview.footer}</p> : null}
      {preview.buttons.length > 0 ? (
        <ul className="template-preview__buttons">
          {preview.buttons.map((button, index) => (
            <li key={`${button.type}-${index}`} className="template-preview__button">
              <span>{button.text}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function Pieces({ pieces }: { pieces: Segment[] }) {
  return (
    <>
      {pieces.map((piece, index) =>
        piece.kind === 'text' ? (
          <span key={index}>{piece.text}</span>
        ) : (
          <code key={index} className="template-param">{`{{${piece.name}}}`}</code>
        ),
      )}
    </>
  );
}
