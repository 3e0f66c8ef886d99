// Main process (plain Node). Never imports electron.
// The handler map: one entry per contract method. TypeScript refuses a missing or extra entry.
import type { PreferencesStore } from '../../core/prefs';
import type { HandlerMap } from '../types';
import { auditVerify } from './audit';
import { prefsHandlers } from './prefs';
import * as session from './session';
import * as clients from './clients';
import { addConsent, revokeConsentHandler } from './consents';
import { saveSection } from './intake';
import { listStaff } from './staff';

export function createHandlers(prefs: PreferencesStore): HandlerMap {
  const preferences = prefsHandlers(prefs);
  return {
    'app.status': session.appStatus,
    'setup.begin': session.setupBegin,
    'setup.complete': session.setupComplete,
    'session.unlock': session.sessionUnlock,
    'session.recover': session.sessionRecover,
    'session.lock': session.sessionLock,
    'session.touch': session.sessionTouch,
    'session.changePassphrase': session.sessionChangePassphrase,
    'prefs.get': preferences.get,
    'prefs.set': preferences.set,
    'audit.verify': auditVerify,
    'staff.list': listStaff,
    'clients.create': clients.createClient,
    'clients.findDuplicates': clients.findDuplicateClients,
    'clients.list': clients.listClients,
    'clients.get': clients.getClientProfile,
    'clients.history': clients.clientHistory,
    'clients.assign': clients.assignClient,
    'intake.saveSection': saveSection,
    'consents.add': addConsent,
    'consents.revoke': revokeConsentHandler,
  };
}
