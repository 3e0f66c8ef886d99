// renderer/: how a recovery key is compared and shown (the server accepts spaces, dashes and lower case).
export function normalizeRecoveryKey(text: string): string {
  return text.toUpperCase().replace(/[\s-]/gu, '');
}

export function recoveryKeyGroups(key: string): string[] {
  return normalizeRecoveryKey(key).match(/.{1,4}/gu) ?? [];
}
