/**
 * `value` if it is a plain path on this site, else undefined. `//evil.example` is another host to a browser, and so
 * is `/\evil.example` or `/<tab>/evil.example` once the browser drops the backslash or control character; anything
 * outside printable ASCII (a non-ASCII look-alike, a space) is refused too, and so is an absurdly long one.
 */
export function safeRedirectPath(value: string | undefined): string | undefined {
  if (
    !value ||
    value.length > 2048 ||
    !value.startsWith('/') ||
    value.startsWith('//') ||
    /[^\x21-\x7e]|\\/.test(value)
  ) {
    return undefined;
  }
  return value;
}
