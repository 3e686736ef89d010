import { createContext, useContext, type ReactNode } from 'react';

/**
 * The Content-Security-Policy nonce of this response (server.js makes one per response), for the inline scripts
 * Remix renders. The browser hides a nonce from the DOM after parsing, so the client side renders without one.
 */
const NonceContext = createContext<string>('');

export function NonceProvider({ value, children }: { value: string; children: ReactNode }) {
  return <NonceContext.Provider value={value}>{children}</NonceContext.Provider>;
}

export const useNonce = () => useContext(NonceContext);
