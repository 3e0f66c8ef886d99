// Main process (plain Node). Never imports electron.
import type { Handler } from '../types';

export const appStatus: Handler<'app.status'> = async (_input, { control }) => control.status();
export const setupBegin: Handler<'setup.begin'> = async (_input, { control }) => control.beginSetup();
export const setupComplete: Handler<'setup.complete'> = async (input, { control }) => control.completeSetup(input);
export const sessionUnlock: Handler<'session.unlock'> = async (input, { control }) => control.unlock(input.name, input.passphrase);
export const sessionRecover: Handler<'session.recover'> = async (input, { control }) => control.recover(input);

export const sessionLock: Handler<'session.lock'> = async (_input, { control }) => {
  control.lock('manual');
  return { done: true };
};

/** Activity ping from the renderer; the dispatcher has already restarted the idle clock. */
export const sessionTouch: Handler<'session.touch'> = async () => ({ done: true });

export const sessionChangePassphrase: Handler<'session.changePassphrase'> = async (input, { control }) => {
  await control.changePassphrase(input.currentPassphrase, input.newPassphrase);
  return { done: true };
};

export const sessionFirstSignIn: Handler<'session.firstSignIn'> = async (input, { control }) => control.firstSignIn(input);

export const recoveryRegenerate: Handler<'recovery.regenerate'> = async (input, { control }) => ({
  recoveryKey: await control.regenerateRecovery(input.currentPassphrase),
});
