import { useNavigate } from '@remix-run/react';
import { useEffect, useState } from 'react';
import { usePublicEnv } from '../../utils/public-env';

interface SnapCallbacks {
  onSuccess?: () => void;
  onPending?: () => void;
  onError?: () => void;
  onClose?: () => void;
}

declare global {
  interface Window {
    snap?: { pay(token: string, callbacks?: SnapCallbacks): void };
  }
}

/**
 * Midtrans Snap's popup: loads snap.js (the installation's Snap origin, with the public client key) once the page
 * runs JavaScript, and says when `snap.pay` is ready. Until then, and without JavaScript, a top-up redirects to
 * Snap's payment page instead, so nothing depends on this script.
 */
export function useSnapReady(): boolean {
  const env = usePublicEnv();
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (!env?.SNAP_JS_URL || !env.MIDTRANS_CLIENT_KEY) return;
    if (window.snap) {
      setReady(true);
      return;
    }
    const script = document.createElement('script');
    script.src = env.SNAP_JS_URL;
    script.dataset.clientKey = env.MIDTRANS_CLIENT_KEY;
    script.async = true;
    script.addEventListener('load', () => setReady(Boolean(window.snap)));
    document.head.appendChild(script);
  }, [env?.SNAP_JS_URL, env?.MIDTRANS_CLIENT_KEY]);
  return ready;
}

/**
 * Opens Snap for `token` when an action answered one. Snap's callbacks are for the page only (GATEWAYS.md 2.2):
 * whatever they say, the wallet page then asks the API, which asks Midtrans (`checkTopup`), as after a redirect.
 */
export function useSnapPay(answer: { snapToken: string; orderId: string } | null): void {
  const navigate = useNavigate();
  useEffect(() => {
    if (!answer || !window.snap) return;
    const back = () => navigate(`/wallet?${new URLSearchParams({ order_id: answer.orderId })}`);
    window.snap.pay(answer.snapToken, { onSuccess: back, onPending: back, onError: back });
  }, [answer, navigate]);
}
