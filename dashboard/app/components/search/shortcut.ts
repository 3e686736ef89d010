import { useEffect, useState } from 'react';

/** What a browser says about its system: `userAgentData` (Chromium) first, the older `platform` otherwise. */
export interface PlatformHints {
  platform?: string;
  userAgentData?: { platform?: string };
}

/** Whether the reader's keyboard has ⌘ for the shortcut (macOS, iPadOS and iOS with a keyboard). */
export function usesCommandKey(hints: PlatformHints): boolean {
  const platform = hints.userAgentData?.platform || hints.platform || '';
  return /^(mac|iphone|ipad|ipod)/i.test(platform);
}

/**
 * The search shortcut's hint key: Ctrl K as the server renders it (it cannot know the keyboard), ⌘ K once the
 * browser says it runs on an Apple system.
 */
export function useSearchShortcutKey(): 'search.shortcut' | 'search.shortcutMac' {
  const [command, setCommand] = useState(false);
  useEffect(() => setCommand(usesCommandKey(navigator as Navigator & PlatformHints)), []);
  return command ? 'search.shortcutMac' : 'search.shortcut';
}
