/**
 * Templates the broadcast engine cannot fill yet, and why: they are listed with the reason
 * instead of being hidden, so the business sees what it has at Meta. What the engine fills is
 * `campaigns/template-parameters.ts`: header text or media (image, video, document), body text,
 * footers, URL-button suffixes and copy-code buttons; quick-reply and phone buttons need nothing.
 * Anything else is refused here, so a campaign never launches with a template every send of which
 * Meta would reject: a location header (its coordinates are a send-time parameter), a single-product
 * template (a catalog product id), an authentication template (a one-time code per recipient, which
 * a broadcast cannot give), and any part Meta adds later.
 */
export type UnsupportedReason =
  'CAROUSEL' | 'CATALOG' | 'FLOW' | 'LIMITED_TIME_OFFER' | 'LOCATION' | 'PRODUCT' | 'AUTHENTICATION' | 'OTHER';

interface Component {
  type?: string;
  format?: string;
  buttons?: { type?: string }[];
}

const HEADER_FORMATS = new Set(['TEXT', 'IMAGE', 'VIDEO', 'DOCUMENT']);
const BUTTONS = new Set(['QUICK_REPLY', 'PHONE_NUMBER', 'URL', 'COPY_CODE']);

function headerReason(format: string | undefined): UnsupportedReason | null {
  if (format === undefined || HEADER_FORMATS.has(format)) return null;
  if (format === 'LOCATION') return 'LOCATION';
  if (format === 'PRODUCT') return 'PRODUCT';
  return 'OTHER';
}

function buttonReason(kind: string | undefined): UnsupportedReason | null {
  if (kind !== undefined && BUTTONS.has(kind)) return null;
  if (kind === 'CATALOG' || kind === 'MPM') return 'CATALOG';
  if (kind === 'SPM') return 'PRODUCT';
  if (kind === 'FLOW') return 'FLOW';
  if (kind === 'OTP') return 'AUTHENTICATION';
  return 'OTHER';
}

export function unsupportedReason(components: unknown[]): UnsupportedReason | null {
  for (const raw of components) {
    const component = raw as Component;
    const type = component.type?.toUpperCase();
    let reason: UnsupportedReason | null = null;
    if (type === 'CAROUSEL') reason = 'CAROUSEL';
    else if (type === 'LIMITED_TIME_OFFER') reason = 'LIMITED_TIME_OFFER';
    else if (type === 'HEADER') reason = headerReason(component.format?.toUpperCase());
    else if (type === 'BUTTONS') {
      for (const button of component.buttons ?? []) {
        reason = buttonReason(button.type?.toUpperCase());
        if (reason) break;
      }
    } else if (type !== 'BODY' && type !== 'FOOTER') reason = 'OTHER';
    if (reason) return reason;
  }
  return null;
}
