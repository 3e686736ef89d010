import { generate } from 'otplib';

/** A stand-in for the user's authenticator app. */
export const authenticator = {
  code: (secret: string, at = Date.now()) => generate({ secret, epoch: Math.floor(at / 1000) }),
  /** Waits for the next 30-second step and returns its code (a step can be used only once). */
  async nextCode(secret: string): Promise<string> {
    const nextStep = (Math.floor(Date.now() / 30_000) + 1) * 30_000;
    await new Promise((resolve) => setTimeout(resolve, nextStep - Date.now() + 50));
    return generate({ secret });
  },
};
