import type { ReactNode } from 'react';

export type BadgeTone = 'success' | 'danger' | 'neutral' | 'info' | 'warning';

export function Badge({ tone = 'neutral', children }: { tone?: BadgeTone; children: ReactNode }) {
  return <span className={`badge badge--${tone}`}>{children}</span>;
}
