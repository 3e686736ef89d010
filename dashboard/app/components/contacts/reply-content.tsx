import { useTranslation } from 'react-i18next';
import type { ReplyMediaFieldsFragment } from '../../graphql/graphql';

/** The facts of a reply that say what it was: the `ReplyMediaFields` fragment both reply lists spread. */
export type ReplyFacts = ReplyMediaFieldsFragment;

/** Reply types that carry words: one without text had them purged after the retention period (a media one has none). */
export const WORDED_REPLY_TYPES: ReadonlySet<string> = new Set(['text', 'button', 'interactive']);
const MEDIA_KINDS: ReadonlySet<string> = new Set(['image', 'video', 'audio', 'document', 'sticker']);

/** OpenStreetMap's page with a marker on the place (no Meta or map request from the browser until it is followed). */
export function mapLink(latitude: number, longitude: number): string {
  const url = new URL('https://www.openstreetmap.org/');
  url.searchParams.set('mlat', String(latitude));
  url.searchParams.set('mlon', String(longitude));
  url.hash = `map=17/${latitude}/${longitude}`;
  return url.toString();
}

/**
 * What a reply said or showed: its words; a photo, video, audio, sticker or document as its kind and caption (a
 * document with its file name and type; the file itself stays with Meta, the portal does not download it); a shared
 * place with its name, address and a map link. Words removed by the retention purge say so.
 */
export function ReplyContent({ reply }: { reply: ReplyFacts }) {
  const { t } = useTranslation();
  const purged = <span className="field__hint">{t('contacts.replies.purged')}</span>;

  if (reply.type === 'location') {
    const place = reply.location;
    if (!place) return purged;
    return (
      <span className="reply-content">
        <span className="reply-content__kind">{t('contacts.replies.kinds.location')}</span>
        <span className="reply-text">{place.name ?? place.address ?? t('contacts.replies.unnamedPlace')}</span>
        {place.name && place.address ? <span className="field__hint">{place.address}</span> : null}
        <a href={mapLink(place.latitude, place.longitude)} target="_blank" rel="noopener noreferrer">
          {t('contacts.replies.openMap')}
        </a>
      </span>
    );
  }

  if (MEDIA_KINDS.has(reply.type)) {
    return (
      <span className="reply-content">
        <span className="reply-content__kind">{t(`contacts.replies.kinds.${reply.type as 'image'}`)}</span>
        {reply.type === 'document' && reply.fileName ? <span className="reply-text">{reply.fileName}</span> : null}
        {reply.type === 'document' && reply.mimeType ? (
          <span className="field__hint table__mono">{reply.mimeType}</span>
        ) : null}
        {reply.caption ? <span className="reply-text">{reply.caption}</span> : null}
      </span>
    );
  }

  if (reply.text !== null && reply.text !== undefined) return <span className="reply-text">{reply.text}</span>;
  return WORDED_REPLY_TYPES.has(reply.type) ? (
    purged
  ) : (
    <span className="field__hint">{t('contacts.replies.media', { type: reply.type })}</span>
  );
}
