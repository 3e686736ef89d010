import { useTranslation } from 'react-i18next';
import type { Segment, TemplatePreview } from '../templates/template-preview';
import { fillSegments, type SampleContact, type VariableMapping } from './campaign-facts';
import { ButtonsPreview, HeaderMediaPreview, isMediaFormat, type HeaderMedia } from './header-media-step';

/** The message as the sample contact would receive it: parameters without a value stay marked as `{{name}}`. */
export function MessagePreview({
  preview,
  mappings,
  contact,
  headerMedia = null,
}: {
  preview: TemplatePreview;
  mappings: VariableMapping[];
  contact: SampleContact | null;
  headerMedia?: HeaderMedia | null;
}) {
  const { t } = useTranslation();
  return (
    <div className="template-preview" role="group" aria-label={t('campaigns.editor.previewLabel')}>
      {preview.header?.format === 'TEXT' ? (
        <p className="template-preview__header">
          <Pieces pieces={fillSegments(preview.header.segments, mappings, contact)} />
        </p>
      ) : isMediaFormat(preview.header?.format) ? (
        <HeaderMediaPreview format={preview.header.format} media={headerMedia} />
      ) : null}
      <p className="template-preview__body" data-testid="campaign-preview">
        <Pieces pieces={fillSegments(preview.body, mappings, contact)} />
      </p>
      {preview.footer ? <p className="template-preview__footer">{preview.footer}</p> : null}
      <ButtonsPreview buttons={preview.buttons} mappings={mappings} contact={contact} />
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
