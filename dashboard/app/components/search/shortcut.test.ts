import { usesCommandKey } from './shortcut';

describe('the search shortcut’s key', () => {
  it('is ⌘ on macOS and Apple’s phones and tablets, by userAgentData or the older platform', () => {
    expect(usesCommandKey({ userAgentData: { platform: 'macOS' }, platform: 'MacIntel' })).toBe(true);
    expect(usesCommandKey({ platform: 'MacIntel' })).toBe(true);
    expect(usesCommandKey({ platform: 'iPad' })).toBe(true);
    expect(usesCommandKey({ platform: 'iPhone' })).toBe(true);
  });

  it('is Ctrl everywhere else', () => {
    expect(usesCommandKey({ userAgentData: { platform: 'Windows' }, platform: 'Win32' })).toBe(false);
    expect(usesCommandKey({ userAgentData: { platform: 'Linux' }, platform: 'Linux x86_64' })).toBe(false);
    expect(usesCommandKey({ userAgentData: { platform: 'Android' }, platform: 'Linux armv81' })).toBe(false);
    expect(usesCommandKey({ userAgentData: { platform: '' }, platform: '' })).toBe(false);
    expect(usesCommandKey({})).toBe(false);
  });
});
