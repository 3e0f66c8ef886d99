// renderer/: main writes its messages in English: zod's field problems and a few specific refusals
// (the last administrator, an expired setup code, how long to wait). This maps the common ones onto
// catalog keys by pattern so every language gets its own words; anything unknown returns null and
// the caller falls back (to the English text for a field, to the code's message for an error).
import type { MessageKey } from './en';
import type { Vars } from './vars';

interface Rule {
  pattern: RegExp;
  key: MessageKey;
  vars?: (match: RegExpExecArray) => Vars;
}

const rules: readonly Rule[] = [
  // Field problems (shared/schemas).
  { pattern: /^Enter at least one character\.$/u, key: 'server.required' },
  // Joining a team (team.join).
  { pattern: /^That code does not open this invitation\./u, key: 'join.wrongCode' },
  { pattern: /^This invitation is for someone else\./u, key: 'join.otherName' },
  { pattern: /^This invitation was already used\./u, key: 'join.used' },
  { pattern: /^This invitation has expired\./u, key: 'join.expired' },
  { pattern: /^This is not a Safehold invitation file/u, key: 'join.notInvitation' },
  { pattern: /^The invitation file could not be read\./u, key: 'join.unreadable' },
  { pattern: /^The invitation does not hold this person/u, key: 'join.noAccount' },
  { pattern: /^The shared folder cannot be reached\./u, key: 'join.folderAway' },
  { pattern: /^Too many wrong codes\. Wait (\d+) minute/u, key: 'join.wait', vars: (m) => ({ minutes: m[1] ?? '' }) },
  { pattern: /^Joining is locked on this computer/u, key: 'join.locked' },
  { pattern: /^Enter the one-time code\.$/u, key: 'join.codeRequired' },
  // Needs review (team sync).
  { pattern: /^This item was already settled, perhaps on another laptop\.$/u, key: 'review.settledElsewhere' },
  { pattern: /^Choose one of the options shown\.$/u, key: 'review.pickOne' },
  { pattern: /^Only an administrator can settle this\.$/u, key: 'review.adminOnly' },
  { pattern: /^Use at least (\d+) characters\./u, key: 'server.tooShort', vars: (m) => ({ min: m[1] ?? '' }) },
  { pattern: /^Use at most (\d+) characters\.$/u, key: 'server.tooLong', vars: (m) => ({ max: m[1] ?? '' }) },
  { pattern: /^Use a date like /u, key: 'server.date' },
  { pattern: /^Invalid option/u, key: 'server.invalidOption' },
  { pattern: /^Invalid input/u, key: 'server.invalidInput' },
  { pattern: /^Remove line breaks and control characters\.$/u, key: 'server.controlCharacters' },
  { pattern: /^The expiry date must be on or after the start date\.$/u, key: 'server.expiryBeforeStart' },
  { pattern: /^Name the partner this consent lets you share with\.$/u, key: 'consent.recipientRequired' },
  { pattern: /^Say in a sentence why you need to open this case\.$/u, key: 'server.breakGlassReason' },
  { pattern: /^Enter the setup code\.$/u, key: 'server.setupCodeRequired' },
  { pattern: /^Enter your passphrase\.$/u, key: 'passphrase.required' },
  { pattern: /^A recovery key has 32 letters and digits\.$/u, key: 'recover.keyShape' },
  { pattern: /^Use an action name such as /u, key: 'server.actionName' },
  { pattern: /^This name is already on the staff list\.$/u, key: 'server.nameTaken' },
  { pattern: /^Choose a partner from the directory\.$/u, key: 'server.choosePartner' },
  { pattern: /^Choose one of this person's goals\.$/u, key: 'server.chooseGoal' },
  { pattern: /^Choose the partner that provided it\.$/u, key: 'service.partnerRequired' },
  { pattern: /^Use a date on or after the day it was sent\.$/u, key: 'server.dateAfterSent' },
  { pattern: /^Use a date on or after the day it was closed\.$/u, key: 'server.dateAfterClosed' },
  { pattern: /^Already in the directory\.$/u, key: 'server.partnerTakenShort' },
  { pattern: /^The end of the period must be on or after its start\.$/u, key: 'server.periodOrder' },
  { pattern: /^HHS OTIP reports cover a quarter of the federal fiscal year/u, key: 'server.periodOtip' },
  { pattern: /^OVC \/ VOCA reports stay within one federal fiscal year/u, key: 'server.periodOvc' },
  { pattern: /^Describe all five levels\.$/u, key: 'server.fiveLevels' },
  { pattern: /^Choose one of the instruments\.$/u, key: 'server.chooseInstrument' },
  { pattern: /^That domain is not part of this instrument\.$/u, key: 'server.domainNotInInstrument' },
  { pattern: /^Choose a folder or file with its full path\.$/u, key: 'server.notAbsolute' },
  { pattern: /^Not a valid path\.$/u, key: 'server.badPath' },
  { pattern: /^Choose a Safehold backup file \(\.shbk\)\.$/u, key: 'server.backupFileOnly' },

  // Specific refusals (main/core, main/rpc/handlers).
  // Documents (main/documents/inspect.ts, main/rpc/handlers/documents.ts).
  { pattern: /^Safehold keeps PDFs, JPEG, PNG and HEIC pictures/u, key: 'documents.refused.type' },
  { pattern: /^This HEIC photo could not be turned into a JPEG/u, key: 'documents.refused.heic' },
  { pattern: /^This file looks incomplete or damaged/u, key: 'documents.refused.damaged' },
  { pattern: /^This file holds a second file hidden/u, key: 'documents.refused.mixed' },
  { pattern: /^This picture is too large to show safely/u, key: 'documents.refused.tooLargeImage' },
  { pattern: /^Location or device details could not be removed/u, key: 'documents.refused.metadata' },
  { pattern: /^This file is larger than the limit of (\d+) MB/u, key: 'documents.refused.overLimit', vars: (m) => ({ mb: m[1] ?? '' }) },
  { pattern: /^That upload is no longer open\./u, key: 'documents.server.uploadGone' },
  { pattern: /^This document is restricted to the person who added it/u, key: 'documents.server.restrictedOnly' },
  { pattern: /^This restricted document opens for you after/u, key: 'documents.server.opensLater' },
  { pattern: /^This document is damaged in the store/u, key: 'documents.server.damagedInStore' },
  { pattern: /^That record belongs to another case or no longer exists\./u, key: 'documents.server.otherCase' },
  { pattern: /^Say in a sentence why a copy is needed\.$/u, key: 'documents.server.reason' },
  // Deleting a case permanently (clients.purge).
  { pattern: /^This is not the case number\./u, key: 'purge.notNumber' },
  { pattern: /^Only a closed case can be deleted permanently\./u, key: 'purge.notClosed' },
  { pattern: /^Too many attempts with this name\. Wait (\d+) minute/u, key: 'server.waitMinutes', vars: (m) => ({ minutes: m[1] ?? '' }) },
  { pattern: /^This sign-in is locked after many failed attempts\./u, key: 'server.signInLocked' },
  { pattern: /^This setup code has expired\./u, key: 'server.codeExpired' },
  { pattern: /^That name and setup code do not match\./u, key: 'server.codeWrong' },
  { pattern: /^This account is not active\./u, key: 'server.accountInactive' },
  { pattern: /^That recovery key and administrator name do not match\./u, key: 'recover.wrong' },
  { pattern: /^Your (current )?passphrase is not right\./u, key: 'server.passphraseNotRight' },
  { pattern: /^This is the only active administrator\./u, key: 'server.lastAdmin' },
  { pattern: /^Someone on the staff list already has this name\./u, key: 'server.nameTakenLong' },
  { pattern: /^This account is already active\.$/u, key: 'server.alreadyActive' },
  { pattern: /^This account is already deactivated\.$/u, key: 'server.alreadyDeactivated' },
  { pattern: /^This account is deactivated\. Reactivate it instead\.$/u, key: 'server.deactivatedUseReactivate' },
  { pattern: /^You cannot deactivate your own account/u, key: 'server.notYourself' },
  { pattern: /^The key could not be changed\./u, key: 'server.rotationFailed' },
  { pattern: /^This case is assigned to another worker\./u, key: 'server.notYourCase' },
  { pattern: /^Choose an active staff member who works with cases\.$/u, key: 'server.chooseWorker' },
  { pattern: /^That staff member could not be found\.$/u, key: 'server.staffNotFound' },
  { pattern: /^That case could not be found\.$/u, key: 'server.caseNotFound' },
  { pattern: /^This consent was already revoked\.$/u, key: 'server.consentRevoked' },
  { pattern: /^This case is already closed\.$/u, key: 'server.alreadyClosed' },
  { pattern: /^This case is open already\.$/u, key: 'server.alreadyOpen' },
  { pattern: /^Only the person who wrote a note can edit it\.$/u, key: 'server.notYourNote' },
  { pattern: /^A partner with this name is already in the directory\.$/u, key: 'server.partnerTaken' },
  { pattern: /^Someone else saved a newer version of this safety plan\./u, key: 'safetyPlan.conflict' },
  { pattern: /^That instrument could not be found\.$/u, key: 'server.instrumentNotFound' },
  { pattern: /^The export was cancelled; nothing was written\.$/u, key: 'server.exportCancelled' },

  // Backups and restore (main/backup): why a backup could not be made, opened or restored.
  { pattern: /^That folder could not be found\./u, key: 'server.backupFolderMissing' },
  { pattern: /^The backup folder is full\./u, key: 'server.backupFolderFull' },
  { pattern: /^Safehold may not write to that folder\./u, key: 'server.backupFolderDenied' },
  { pattern: /^The backup could not be written\./u, key: 'server.backupNotWritten' },
  { pattern: /^The store changed while it was being backed up\./u, key: 'server.backupTryAgain' },
  { pattern: /^The store is busy\. Try the backup again/u, key: 'server.backupBusy' },
  { pattern: /^That backup file could not be found\.$/u, key: 'server.backupFileMissing' },
  { pattern: /^That backup file could not be opened\.$/u, key: 'server.backupFileUnreadable' },
  { pattern: /^This file is not a Safehold backup\./u, key: 'server.notABackup' },
  { pattern: /^This backup is damaged or was changed after it was made/u, key: 'server.backupDamaged' },
  { pattern: /^That is not an ordinary file \(it may be a device, a pipe or a link to one\), so it is not a Safehold backup\./u, key: 'server.backupNotOrdinaryFile' },
  { pattern: /^This backup asks for far more memory or time to open/u, key: 'server.backupTooCostly' },
  { pattern: /^That recovery key does not open this backup\./u, key: 'server.backupWrongKey' },
  { pattern: /^That name and passphrase do not open this backup\./u, key: 'server.backupWrongPassphrase' },
  { pattern: /^This backup was made by a newer version of Safehold\./u, key: 'server.backupFromFuture' },
  { pattern: /^Safehold is open and unlocked on this data folder\./u, key: 'server.backupInUse' },
  { pattern: /^Lock Safehold first: a backup can only be restored/u, key: 'server.restoreSignedIn' },
  { pattern: /^The restored store could not be opened here/u, key: 'server.restorePutBack' },
  { pattern: /^That account has been deactivated here, so its passphrase cannot open a backup\./u, key: 'server.restoreRevoked' },
  { pattern: /^Every administrator in this backup has been deactivated here/u, key: 'server.restoreNoAdmin' },
  { pattern: /^The restored store could not be given a new key/u, key: 'server.restoreNoNewKey' },
  { pattern: /^The list of deactivated accounts \(revoked-accounts\.json/u, key: 'server.revokedListDamaged' },
  { pattern: /^Restoring over the records on this computer needs an administrator/u, key: 'server.restoreNotAuthorized' },
  { pattern: /^This backup was made under an earlier key, so it also needs a secret/u, key: 'server.restoreNeedsBackupSecret' },
  { pattern: /^Only an administrator can restore a backup\.$/u, key: 'server.restoreAdminOnly' },
  { pattern: /^Someone signed in while the backup was being checked/u, key: 'server.restoreSignedInMeanwhile' },
  { pattern: /^Restoring this backup would leave no active administrator/u, key: 'server.restoreNoAdminLeft' },

  // Spreadsheet import (main/import): a file that cannot be read at all. Row problems stay in English.
  { pattern: /^That file could not be opened\. Check that it exists/u, key: 'import.unreadable' },
  { pattern: /^This file is too large to import at once/u, key: 'import.tooLarge' },
  { pattern: /^This file is not UTF-8 text\./u, key: 'import.notUtf8' },
  { pattern: /^Safehold cannot read old \.xls workbooks\./u, key: 'import.xls' },
  { pattern: /^Choose a \.csv or \.xlsx file\.$/u, key: 'import.fileShape' },
  { pattern: /^That is not an ordinary file \(it may be a device, a pipe or a link to one\), so Safehold did not read it\./u, key: 'import.notOrdinaryFile' },
  { pattern: /^That file changed while it was being read\./u, key: 'import.changedWhileRead' },
];

/** The catalog key (and placeholders) for a message main sent, or null when it is not one we know. */
export function serverTextKey(message: string): { key: MessageKey; vars: Vars | undefined } | null {
  for (const rule of rules) {
    const match = rule.pattern.exec(message);
    if (match) return { key: rule.key, vars: rule.vars?.(match) };
  }
  return null;
}
