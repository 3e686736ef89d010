import { generate } from 'otplib';

/** A stand-in for the user's authenticator app; `at` is the API's (test) clock time in ms. */
export const authenticator = {
  code: (secret: string, at: number): Promise<string> => generate({ secret, epoch: Math.floor(at / 1000) }),
};
