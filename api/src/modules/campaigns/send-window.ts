/**
 * A campaign's daily send window: minutes after local midnight, [start, end), in the
 * workspace's time zone (read through Intl, never by offset arithmetic). A window that ends
 * before it starts runs over midnight (20:00-06:00).
 */
export interface SendWindow {
  start: number;
  end: number;
}

function localMinute(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .formatToParts(at)
    .reduce<Record<string, string>>((all, part) => ({ ...all, [part.type]: part.value }), {});
  return Number(parts.hour) * 60 + Number(parts.minute);
}

export function insideWindow(window: SendWindow | null, at: Date, timeZone: string): boolean {
  if (!window) return true;
  const minute = localMinute(at, timeZone);
  if (window.start < window.end) return minute >= window.start && minute < window.end;
  return minute >= window.start || minute < window.end;
}

/** `08:00` -> 480; refuses anything that is not a time of day. */
export function parseTimeOfDay(text: string): number | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text.trim());
  if (!match) return text.trim() === '24:00' ? 1440 : null;
  return Number(match[1]) * 60 + Number(match[2]);
}

export function formatTimeOfDay(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
