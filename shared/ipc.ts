// shared/: runs in every process. Imports nothing (the preload bundles this file whole).
export const IPC_INVOKE_CHANNEL = 'safehold:invoke';
export const IPC_EVENT_CHANNEL = 'safehold:event';
