import Bowser from 'bowser';

/**
 * The device a sign-in came from, as far as its User-Agent tells (parsed by bowser, never by hand): the browser and
 * the operating system, without versions, so a browser update is not a new device while another browser or another
 * computer's system is. `label` is what the notification shows ("Firefox on Linux").
 */
export interface SignInDevice {
  key: string;
  label: string;
}

export function deviceOf(userAgent: string | null | undefined): SignInDevice {
  if (!userAgent) return { key: 'unknown', label: 'unknown device' };
  const parsed = Bowser.parse(userAgent);
  const browser = parsed.browser.name || 'unknown browser';
  const os = parsed.os.name || 'unknown system';
  const platform = parsed.platform.type || '';
  return { key: `${browser}|${os}|${platform}`.toLowerCase(), label: `${browser} on ${os}` };
}
