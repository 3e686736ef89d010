/**
 * Templates the broadcast engine cannot fill yet, and why: they are listed with the reason
 * instead of being hidden, so the business sees what it has at Meta.
 */
export type UnsupportedReason = 'CAROUSEL' | 'CATALOG' | 'FLOW' | 'LIMITED_TIME_OFFER';

interface Component {
  type?: string;
  buttons?: { type?: string }[];
}

export function unsupportedReason(components: unknown[]): UnsupportedReason | null {
  for (const raw of components) {
    const component = raw as Component;
    const type = component.type?.toUpperCase();
    if (type === 'CAROUSEL') return 'CAROUSEL';
    if (type === 'LIMITED_TIME_OFFER') return 'LIMITED_TIME_OFFER';
    for (const button of component.buttons ?? []) {
      const kind = button.type?.toUpperCase();
      if (kind === 'CATALOG' || kind === 'MPM') return 'CATALOG';
      if (kind === 'FLOW') return 'FLOW';
    }
  }
  return null;
}
