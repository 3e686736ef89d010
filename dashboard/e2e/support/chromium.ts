// Debian's chromium; playwright-core never downloads a browser. (Also used by the benches: no DOM types here.)
export const CHROMIUM = '/usr/bin/chromium';
// Without the networking flags Chromium keeps calling Google hosts that this machine cannot reach.
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
