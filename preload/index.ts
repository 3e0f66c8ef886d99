// Runs in the sandboxed preload of the one window; may import only electron and constants/types
// from shared/. Exposes exactly window.safehold = { invoke, onEvent } on one fixed channel each:
// the renderer never names a channel and never sees ipcRenderer.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { AppEvent, SafeholdBridge } from '../shared/contract';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../shared/ipc';

const bridge: SafeholdBridge = {
  invoke: (method: string, input: unknown): Promise<unknown> =>
    ipcRenderer.invoke(IPC_INVOKE_CHANNEL, method, input),
  onEvent: (listener: (event: AppEvent) => void): (() => void) => {
    const handler = (_event: IpcRendererEvent, appEvent: AppEvent): void => listener(appEvent);
    ipcRenderer.on(IPC_EVENT_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, handler);
    };
  },
};

contextBridge.exposeInMainWorld('safehold', bridge);
