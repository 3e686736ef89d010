/**
 * Local declarations of the parts of `midtrans-client` 1.4.3 this module calls (the package
 * ships no typings; `@types/midtrans-client` declares two calls). Checked against its
 * lib/snap.js, lib/transaction.js, lib/httpClient.js and lib/apiConfig.js.
 */
declare module 'midtrans-client' {
  import type { AxiosInstance } from 'axios';

  export interface ClientOptions {
    isProduction: boolean;
    serverKey: string;
    clientKey: string;
  }

  export class MidtransError extends Error {
    httpStatusCode: number | string | null;
    ApiResponse: unknown;
    rawHttpClientData: unknown;
  }

  export class Snap {
    constructor(options: ClientOptions);
    httpClient: { http_client: AxiosInstance };
    createTransaction(parameter: Record<string, unknown>): Promise<{ token: string; redirect_url: string }>;
    transaction: {
      status(orderId: string): Promise<Record<string, unknown>>;
      expire(orderId: string): Promise<Record<string, unknown>>;
    };
  }
}

declare module 'midtrans-client/lib/apiConfig' {
  const ApiConfig: {
    CORE_SANDBOX_BASE_URL: string;
    CORE_PRODUCTION_BASE_URL: string;
    SNAP_SANDBOX_BASE_URL: string;
    SNAP_PRODUCTION_BASE_URL: string;
  };
  export = ApiConfig;
}
