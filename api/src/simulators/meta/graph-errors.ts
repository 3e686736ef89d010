/**
 * Meta's error table as the simulator answers it (../shared/GATEWAYS.md §1.6): the HTTP status a synchronous
 * refusal carries, the title Meta uses, and the details it adds. One place, so a code whose facts change is
 * changed once. Statuses follow the table's first column; Meta's copies disagree on 400 vs 429 for throttling,
 * which is why the portal branches on `error.code` and tests may choose another status per injection.
 */
export interface GraphErrorBody {
  error: {
    message: string;
    type: string;
    code: number;
    error_subcode?: number;
    error_data?: { messaging_product: 'whatsapp'; details: string };
    fbtrace_id: string;
  };
}

/** The error object inside a `failed` status webhook. */
export interface WebhookError {
  code: number;
  title: string;
  message: string;
  error_data: { details: string };
  href: string;
}

interface CodeFacts {
  status: number;
  title: string;
  details: string;
}

const ERROR_CODES_HREF = 'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/';

const CODES: Record<number, CodeFacts> = {
  0: { status: 401, title: 'AuthException', details: 'We were unable to authenticate the app user.' },
  1: { status: 400, title: 'An unknown error has occurred.', details: 'Invalid request or possible server error.' },
  2: {
    status: 503,
    title: 'Service temporarily unavailable',
    details: 'Temporary due to downtime or due to being overloaded.',
  },
  4: {
    status: 429,
    title: 'Application request limit reached',
    details: 'The app has reached its API call rate limit.',
  },
  10: { status: 403, title: 'Permission denied', details: 'Permission is either not granted or has been removed.' },
  190: { status: 401, title: 'Invalid OAuth access token', details: 'Your access token has expired or is invalid.' },
  200: { status: 403, title: 'API Permission', details: 'Permission is either not granted or has been removed.' },
  368: {
    status: 403,
    title: 'Temporarily blocked for policies violations',
    details:
      'The WhatsApp Business Account associated with the app has been restricted or disabled for violating a platform policy.',
  },
  80007: {
    status: 429,
    title: 'Rate limit issues',
    details: 'The WhatsApp Business Account has reached its rate limit.',
  },
  130429: { status: 429, title: 'Rate limit hit', details: 'Cloud API message throughput has been reached.' },
  130472: {
    status: 400,
    title: "User's number is part of an experiment",
    details: "Failed to send message because this user's phone number is part of an experiment.",
  },
  130497: {
    status: 403,
    title: 'Business account is restricted from messaging users in this country',
    details: 'The WhatsApp Business Account is restricted from messaging users in this country.',
  },
  131000: {
    status: 500,
    title: 'Something went wrong',
    details: 'Message failed to send because of an unknown error.',
  },
  131005: { status: 403, title: 'Access denied', details: 'Permission is either not granted or has been removed.' },
  131008: {
    status: 400,
    title: 'Required parameter is missing',
    details: 'The request is missing a required parameter.',
  },
  131009: { status: 400, title: 'Parameter value is not valid', details: 'One or more parameter values are invalid.' },
  131016: { status: 503, title: 'Service unavailable', details: 'A service is temporarily unavailable.' },
  131021: {
    status: 400,
    title: 'Recipient cannot be sender',
    details: 'Sender and recipient phone number is the same.',
  },
  131026: { status: 400, title: 'Message undeliverable', details: 'Message could not be delivered' },
  131031: {
    status: 403,
    title: 'Business Account locked',
    details: 'The WhatsApp Business Account associated with the app has been restricted or disabled.',
  },
  131042: {
    status: 400,
    title: 'Business eligibility payment issue',
    details: 'There was an error related to your payment method.',
  },
  131045: {
    status: 500,
    title: 'Incorrect certificate',
    details: 'Message failed to send due to a phone number registration error.',
  },
  131047: {
    status: 400,
    title: 'Re-engagement message',
    details:
      'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
  },
  131048: {
    status: 429,
    title: 'Spam rate limit hit',
    details:
      'Message failed to send because there are restrictions on how many messages can be sent from this phone number.',
  },
  131049: {
    status: 400,
    title: 'This message was not delivered to maintain healthy ecosystem engagement.',
    details: 'In order to maintain a healthy ecosystem engagement, the message failed to be delivered.',
  },
  131050: {
    status: 400,
    title:
      'Unable to deliver the message. This recipient has chosen to stop receiving marketing messages on WhatsApp from your business.',
    details: 'The user has stopped marketing messages from this business.',
  },
  131051: { status: 400, title: 'Unsupported message type', details: 'Unsupported message type.' },
  131052: { status: 400, title: 'Media download error', details: 'Unable to download the media sent by the user.' },
  131053: { status: 400, title: 'Media upload error', details: 'Unable to upload the media used in the message.' },
  131056: {
    status: 429,
    title: '(Business Account, Consumer Account) pair rate limit hit',
    details:
      'Too many messages sent from the sender phone number to the same recipient phone number in a short period of time.',
  },
  131057: { status: 500, title: 'Account in maintenance mode', details: 'Business Account is in maintenance mode.' },
  131063: {
    status: 400,
    title: 'Marketing messages are disabled on this endpoint',
    details: 'Marketing template messages must be sent through the Marketing Messages API for this business.',
  },
  132000: {
    status: 400,
    title: 'Template Param Count Mismatch',
    details:
      'The number of variable parameter values included in the request did not match the number of variable parameters defined in the template.',
  },
  132001: {
    status: 404,
    title: 'Template does not exist',
    details: 'The template does not exist in the specified language or the template has not been approved.',
  },
  132005: { status: 400, title: 'Template Hydrated Text Too Long', details: 'Translated text is too long.' },
  132007: {
    status: 400,
    title: 'Template Format Character Policy Violated',
    details: 'Template content violates a WhatsApp policy.',
  },
  132012: {
    status: 400,
    title: 'Template Parameter Format Mismatch',
    details: 'Variable parameter values formatted incorrectly.',
  },
  132015: {
    status: 400,
    title: 'Template is Paused',
    details: 'Template is paused due to low quality so it cannot be sent in a template message.',
  },
  132016: {
    status: 400,
    title: 'Template is Disabled',
    details: 'Template has been paused too many times due to low quality and is now permanently disabled.',
  },
  132018: {
    status: 400,
    title: 'Template Parameter Issue',
    details: 'There was an issue with the parameters in your template.',
  },
  132068: { status: 400, title: 'Flow is in blocked state', details: 'Flow is in blocked state.' },
  132069: {
    status: 400,
    title: 'Flow is in throttled state',
    details: 'Flow is in throttled state and 10 messages using this flow were already sent in the last hour.',
  },
  133010: {
    status: 400,
    title: 'Phone number Not Registered',
    details: 'The phone number is not registered on the WhatsApp Business Platform.',
  },
  135000: {
    status: 400,
    title: 'Generic user error',
    details: 'Message failed to send because of an unknown error with your request parameters.',
  },
};

function factsOf(code: number): CodeFacts {
  return CODES[code] ?? { status: 400, title: 'Simulated error', details: `Simulated error ${code}.` };
}

/** The HTTP status Meta answers a synchronous refusal with this code. */
export function statusOf(code: number): number {
  return factsOf(code).status;
}

/** A Graph error body; `details` overrides the table's (e.g. naming the template that is missing). */
export function graphError(
  code: number,
  message?: string,
  type = 'OAuthException',
  subcode?: number,
  details?: string,
): GraphErrorBody {
  const facts = CODES[code];
  return {
    error: {
      message: message ?? `(#${code}) ${factsOf(code).title}`,
      type,
      code,
      ...(subcode ? { error_subcode: subcode } : {}),
      ...(facts || details
        ? { error_data: { messaging_product: 'whatsapp' as const, details: details ?? facts!.details } }
        : {}),
      fbtrace_id: `A${Math.random().toString(36).slice(2, 12)}Sim`,
    },
  };
}

/** The `errors[]` element of a `failed` status webhook for this code. */
export function webhookError(code: number): WebhookError {
  const facts = factsOf(code);
  return {
    code,
    title: facts.title,
    message: facts.title,
    error_data: { details: facts.details },
    href: ERROR_CODES_HREF,
  };
}
