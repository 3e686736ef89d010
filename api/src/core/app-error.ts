/**
 * The one error type business code throws. The GraphQL layer maps `code` to
 * `extensions.code`, the REST layer to an HTTP status, and the dashboard translates
 * `messageKey` (with `params`) into the reader's language.
 */
export const ERROR_CODES = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  ACCOUNT_LOCKED: 423,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  CONFLICT: 409,
  INSUFFICIENT_BALANCE: 402,
  RATE_LIMITED: 429,
  INTERNAL_SERVER_ERROR: 500,
  SERVICE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export type ErrorParams = Record<string, string | number | boolean | null>;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly messageKey: string,
    readonly params: ErrorParams = {},
    /** Per-field message keys for form errors (`{ amount: 'wallet.topup.minimum' }`). */
    readonly fields?: Record<string, string>,
    /** Parameters of each field's message (`{ name: { min: 2, max: 60 } }`), when they differ from `params`. */
    readonly fieldParams?: Record<string, ErrorParams>,
  ) {
    super(messageKey);
    this.name = 'AppError';
  }

  get httpStatus(): number {
    return ERROR_CODES[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
