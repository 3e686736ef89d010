/**
 * `value` if it is a path on this site, else undefined. `//evil.example` is another host to a browser, and so is
 * `/\evil.example` or `/<tab>/evil.example` once the browser drops the backslash or control character.
 */
export function safeRedirectPath(value: string | undefined): string | undefined {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this rejects
  if (!value || !value.startsWith('/') || value.startsWith('//') || /[\\\u0000-\u001f\u007f]/.test(value)) {
    return undefined;
  }
  return value;
}
