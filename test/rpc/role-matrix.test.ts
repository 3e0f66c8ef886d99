// Every contract method, for every role, against a case of one's own and a case of someone else's:
// each cell asserts the door's decision. A method added to the contract without a row here fails
// to compile (the fixture map is typed by the contract).
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contract, methods, type Input, type Method } from '../../shared/contract';
import type { Role } from '../../shared/roles';
import { ADMIN, PASSPHRASE, addStaff, setUpCore, type TestCore } from '../helpers/core';
import { attachFile, samplePdf } from '../helpers/documents';
import { tempDir } from '../helpers/tmp';

interface World {
  ownCase: string;
  otherCase: string;
  consentOnOther: string;
  userToChange: string;
  partnerId: string;
  goalOnOther: string;
  stepOnOther: string;
  referralOnOther: string;
  milestoneOnOther: string;
  appointmentOnOther: string;
  serviceOnOther: string;
  noteOnOther: string;
  documentOnOther: string;
  instrumentId: string;
  domainId: string;
  folder: string;
}

type Fixture<M extends Method> = (w: World) => Input<M>;

// A valid input for every method. Case methods take the case id so ownership can be varied.
const fixtures: { [M in Method]: Fixture<M> } = {
  'app.status': () => ({}),
  'setup.begin': () => ({}),
  'setup.complete': () => ({ agencyName: 'X', adminName: 'Y', passphrase: 'long enough passphrase', recoveryKeyConfirmation: '0000 0000 0000 0000 0000 0000 0000 0000' }),
  'session.unlock': () => ({ name: 'nobody', passphrase: 'nothing' }),
  'session.recover': () => ({ recoveryKey: '0000 0000 0000 0000 0000 0000 0000 0000', name: 'nobody', newPassphrase: 'long enough passphrase' }),
  'session.lock': () => ({}),
  'session.touch': () => ({}),
  'session.changePassphrase': () => ({ currentPassphrase: 'not the passphrase', newPassphrase: 'long enough passphrase' }),
  'session.firstSignIn': () => ({ name: 'nobody', setupCode: 'AAAA-BBBB', newPassphrase: 'long enough passphrase' }),
  'prefs.get': () => ({}),
  'prefs.set': () => ({ language: 'en' }),
  'audit.verify': () => ({}),
  'audit.list': () => ({}),
  'audit.breakGlass': () => ({}),
  'backup.create': () => ({ folder: tempDir('safehold-matrix-backup-') }),
  'backup.status': () => ({}),
  'settings.setBackupReminder': () => ({ days: 14 }),
  'backup.inspect': () => ({ file: join(tmpdir(), 'no-such-matrix-backup.shbk'), recoveryKey: '0000 0000 0000 0000 0000 0000 0000 0000' }),
  // Refused with CONFLICT while anyone is signed in (the door itself is public, for a new computer).
  'backup.restore': () => ({ file: join(tmpdir(), 'no-such-matrix-backup.shbk'), recoveryKey: '0000 0000 0000 0000 0000 0000 0000 0000' }),
  'staff.list': () => ({}),
  'staff.add': () => ({ displayName: `Matrix Person ${Math.random().toString(36).slice(2, 8)}`, role: 'caseworker' }),
  'staff.setRole': (w) => ({ userId: w.userToChange, role: 'caseworker' }),
  'staff.deactivate': (w) => ({ userId: w.userToChange }),
  'staff.reactivate': (w) => ({ userId: w.userToChange }),
  'staff.resetPassphrase': (w) => ({ userId: w.userToChange }),
  'recovery.regenerate': () => ({ currentPassphrase: 'not the passphrase' }),
  'settings.setIdleLock': () => ({ minutes: 5 }),
  'clients.create': () => ({ chosenName: 'Matrix Client' }),
  'clients.findDuplicates': () => ({ names: ['Matrix'] }),
  'clients.list': () => ({ assigned: 'any' }),
  'clients.get': (w) => ({ id: w.otherCase }),
  'clients.history': (w) => ({ id: w.otherCase }),
  'clients.assign': (w) => ({ clientId: w.otherCase, workerId: null }),
  // No such worker: the door decides, and nothing moves (the matrix's cases keep their workers).
  'clients.reassign': (w) => ({ clientIds: [w.otherCase], workerId: 'e'.repeat(32) }),
  'clients.setSecondary': (w) => ({ clientId: w.otherCase, workerId: null }),
  'handover.history': (w) => ({ id: w.otherCase }),
  'handover.summary': (w) => ({ id: w.otherCase }),
  'handover.dismiss': (w) => ({ id: w.otherCase }),
  'tasks.add': (w) => ({ assigneeId: w.userToChange, title: 'Matrix task', dueOn: '2026-03-01', clientId: w.otherCase }),
  'tasks.mine': () => ({}),
  'tasks.done': () => ({ taskId: 'd'.repeat(32), doneOn: '2026-03-01' }),
  'notices.changes': () => ({}),
  'notices.seen': (w) => ({ clientId: w.otherCase }),
  'dashboard.summary': () => ({}),
  'dashboard.list': () => ({ figure: 'overdue' }),
  'intake.saveSection': (w) => ({ clientId: w.otherCase, section: 'language', baseVersion: 0, data: {} }),
  'consents.add': (w) => ({ clientId: w.otherCase, kind: 'services', purpose: 'Matrix', dataCategories: ['identity'], startDate: '2026-03-01', language: 'en', signedHow: 'written' }),
  'consents.revoke': (w) => ({ consentId: w.consentOnOther, revokedOn: '2026-03-01' }),
  'plan.get': (w) => ({ id: w.otherCase }),
  'plan.addGoal': (w) => ({ clientId: w.otherCase, domain: 'housing', title: 'Matrix goal' }),
  'plan.setGoalStatus': (w) => ({ goalId: w.goalOnOther, status: 'partly', on: '2026-03-01' }),
  'plan.addStep': (w) => ({ goalId: w.goalOnOther, text: 'Matrix step' }),
  'plan.setStepDone': (w) => ({ stepId: w.stepOnOther, doneOn: '2026-03-01' }),
  'services.add': (w) => ({ clientId: w.otherCase, date: '2026-03-01', category: 'case_management' }),
  'services.edit': (w) => ({ serviceId: w.serviceOnOther, reason: 'wrong_details', date: '2026-03-02', category: 'case_management' }),
  'services.remove': (w) => ({ serviceId: w.serviceOnOther, reason: 'entered_twice' }),
  'partners.list': () => ({}),
  'partners.add': () => ({ name: `Matrix Partner ${Math.random().toString(36).slice(2, 8)}`, services: ['legal'] }),
  'partners.suggest': () => ({ name: `Matrix Suggestion ${Math.random().toString(36).slice(2, 8)}`, services: ['legal'] }),
  'partners.suggestions': () => ({}),
  // A listed partner is not a suggestion (NOT_FOUND): the door's decision is what is checked.
  'partners.review': (w) => ({ id: w.partnerId, decision: 'approve' }),
  'referrals.send': (w) => ({ clientId: w.otherCase, partnerId: w.partnerId, service: 'legal', sentOn: '2026-03-01', sharesIdentity: false }),
  'referrals.setStatus': (w) => ({ referralId: w.referralOnOther, status: 'accepted', on: '2026-03-02' }),
  'milestones.add': (w) => ({ clientId: w.otherCase, kind: 't_visa', status: 'requested' }),
  'milestones.update': (w) => ({ milestoneId: w.milestoneOnOther, status: 'granted' }),
  'notes.list': (w) => ({ id: w.otherCase }),
  'notes.add': (w) => ({ clientId: w.otherCase, date: '2026-03-01', kind: 'contact', body: 'Matrix note' }),
  'notes.edit': (w) => ({ noteId: w.noteOnOther, body: 'Edited' }),
  'safetyPlan.get': (w) => ({ id: w.otherCase }),
  'safetyPlan.save': (w) => ({ clientId: w.otherCase, baseVersion: 0, plan: {} }),
  'clients.close': (w) => ({ clientId: w.otherCase, closedOn: '2026-03-01', reason: 'goals_met', destination: 'own_housing' }),
  'clients.reopen': (w) => ({ clientId: w.otherCase, reopenedOn: '2026-03-02' }),
  // Administrators only; a confirmation that is not the case number, so the admin's allowed call deletes nothing.
  'clients.purge': (w) => ({ clientId: w.otherCase, reason: 'entered_in_error', confirmation: 'SH-0000-0000' }),
  'due.list': () => ({}),
  'documents.list': (w) => ({ clientId: w.otherCase }),
  'documents.beginUpload': (w) => ({ clientId: w.otherCase, fileName: 'matrix.pdf', size: 10 }),
  // No such upload: the door decides (NOT_FOUND beyond it).
  'documents.uploadChunk': () => ({ uploadId: 'a'.repeat(32), index: 0, data: '' }),
  'documents.cancelUpload': () => ({ uploadId: 'a'.repeat(32) }),
  'documents.check': () => ({ uploadId: 'a'.repeat(32) }),
  'documents.attach': (w) => ({ uploadId: 'a'.repeat(32), clientId: w.otherCase, type: 'other', title: 'Matrix', custody: 'agency' }),
  'documents.read': (w) => ({ documentId: w.documentOnOther, index: 0 }),
  'documents.update': (w) => ({ documentId: w.documentOnOther, type: 'other', title: 'Matrix edit', custody: 'agency' }),
  'documents.remove': (w) => ({ documentId: w.documentOnOther, confirm: true }),
  'documents.export': (w) => ({ documentId: w.documentOnOther, purpose: 'save', reason: 'The court asked for a copy.' }),
  'settings.setDocumentLimit': () => ({ megabytes: 50 }),
  'settings.documentLimit': () => ({}),
  'appointments.add': (w) => ({ clientId: w.otherCase, date: '2026-03-01', staffId: w.userToChange, kind: 'office' }),
  'appointments.setStatus': (w) => ({ appointmentId: w.appointmentOnOther, status: 'no_show' }),
  'appointments.forClient': (w) => ({ id: w.otherCase }),
  'appointments.week': () => ({ from: '2026-03-01' }),
  'appointments.exportCalendar': (w) => ({ from: '2026-03-01', folder: w.folder, reason: 'Adding my week to my work calendar.' }),
  'contacts.add': (w) => ({ clientId: w.otherCase, date: '2026-03-01', method: 'call', outcome: 'attempted' }),
  'contacts.forClient': (w) => ({ id: w.otherCase }),
  'outreach.add': () => ({ date: '2026-03-01', people: 3 }),
  'outreach.list': () => ({}),
  'outcomes.instruments': () => ({}),
  'outcomes.addInstrument': () => ({ name: { en: 'Matrix', es: 'Matriz' }, domains: [{ label: { en: 'D', es: 'D' }, levels: [1, 2, 3, 4, 5].map((n) => ({ en: `L${n}`, es: `N${n}` })) }] }),
  'outcomes.addDomain': (w) => ({ instrumentId: w.instrumentId, domain: { label: { en: 'D2', es: 'D2' }, levels: [1, 2, 3, 4, 5].map((n) => ({ en: `L${n}`, es: `N${n}` })) } }),
  'outcomes.record': (w) => ({ clientId: w.otherCase, instrumentId: w.instrumentId, takenOn: '2026-03-01', kind: 'intake', scores: [{ domainId: w.domainId, score: 3 }] }),
  'outcomes.forClient': (w) => ({ id: w.otherCase }),
  'reports.outcomes': () => ({ from: '2026-01-01', to: '2026-12-31' }),
  'reports.export': (w) => ({ from: '2026-01-01', to: '2026-12-31', folder: w.folder, formats: ['json'] }),
  'reports.exportExact': (w) => ({ from: '2026-01-01', to: '2026-12-31', folder: w.folder, formats: ['json'], reason: 'The state portal needs exact counts.' }),
  'reports.cancelExport': () => ({}),
  'reports.verify': (w) => ({ folder: w.folder }),
  'reports.signingKey': () => ({}),
  'reports.dataQuality': () => ({ from: '2026-01-01', to: '2026-12-31' }),
  'reports.rememberFingerprint': () => ({ fingerprint: '1a2b 3c4d 5e6f 7a8b 9c0d 1e2f 3a4b 5c6d' }),
  'settings.setSuppression': () => ({ threshold: 10 }),
  'settings.suppression': () => ({}),
  'sync.conflicts': () => ({}),
  'sync.resolve': () => ({ id: '0'.repeat(32), choice: 'restore' }),
  'team.status': () => ({}),
  'team.create': (w) => ({ folder: join(w.folder, 'shared') }),
  'team.invite': (w) => ({ userId: w.userToChange, file: join(w.folder, 'invitation.shi') }),
  'team.revoke': () => ({ laptopId: 'f'.repeat(16) }),
  'team.syncNow': () => ({}),
  // Refused with ALREADY_SET_UP wherever a store exists (the door is public, for a new laptop's first run).
  'team.join': (w) => ({ invitationFile: join(w.folder, 'invitation.shi'), code: 'AAAA-BBBB-CCCC-DDDD', folder: w.folder, name: 'Matrix Joiner', passphrase: 'long enough passphrase' }),
  'import.preview': () => ({ kind: 'clients', csvText: 'chosen_name,pronouns\nMatrix Import,they/them\n' }),
  'import.apply': () => ({ kind: 'clients', csvText: 'chosen_name,pronouns\nMatrix Import,they/them\n' }),
};

/** Methods that name a case, and how to point them at one's own case instead. */
const onOwnCase: Partial<{ [M in Method]: (w: World) => Input<M> }> = {
  'outcomes.record': (w) => ({ clientId: w.ownCase, instrumentId: w.instrumentId, takenOn: '2026-03-01', kind: 'intake', scores: [{ domainId: w.domainId, score: 3 }] }),
  'outcomes.forClient': (w) => ({ id: w.ownCase }),
  'plan.get': (w) => ({ id: w.ownCase }),
  'plan.addGoal': (w) => ({ clientId: w.ownCase, domain: 'housing', title: 'Matrix goal' }),
  'services.add': (w) => ({ clientId: w.ownCase, date: '2026-03-01', category: 'case_management' }),
  'referrals.send': (w) => ({ clientId: w.ownCase, partnerId: w.partnerId, service: 'legal', sentOn: '2026-03-01', sharesIdentity: false }),
  'milestones.add': (w) => ({ clientId: w.ownCase, kind: 't_visa', status: 'requested' }),
  'appointments.add': (w) => ({ clientId: w.ownCase, date: '2026-03-01', staffId: w.userToChange, kind: 'office' }),
  'appointments.forClient': (w) => ({ id: w.ownCase }),
  'contacts.add': (w) => ({ clientId: w.ownCase, date: '2026-03-01', method: 'call', outcome: 'attempted' }),
  'contacts.forClient': (w) => ({ id: w.ownCase }),
  'notes.list': (w) => ({ id: w.ownCase }),
  'documents.list': (w) => ({ clientId: w.ownCase }),
  'documents.beginUpload': (w) => ({ clientId: w.ownCase, fileName: 'matrix.pdf', size: 10 }),
  'documents.attach': (w) => ({ uploadId: 'a'.repeat(32), clientId: w.ownCase, type: 'other', title: 'Matrix', custody: 'agency' }),
  'notes.add': (w) => ({ clientId: w.ownCase, date: '2026-03-01', kind: 'contact', body: 'Matrix note' }),
  'safetyPlan.get': (w) => ({ id: w.ownCase }),
  'safetyPlan.save': (w) => ({ clientId: w.ownCase, baseVersion: 0, plan: {} }),
  'clients.get': (w) => ({ id: w.ownCase }),
  'clients.history': (w) => ({ id: w.ownCase }),
  'handover.history': (w) => ({ id: w.ownCase }),
  'handover.summary': (w) => ({ id: w.ownCase }),
  'handover.dismiss': (w) => ({ id: w.ownCase }),
  'tasks.add': (w) => ({ assigneeId: w.userToChange, title: 'Matrix task', dueOn: '2026-03-01', clientId: w.ownCase }),
  'intake.saveSection': (w) => ({ clientId: w.ownCase, section: 'language', baseVersion: 0, data: {} }),
  'consents.add': (w) => ({ clientId: w.ownCase, kind: 'services', purpose: 'Matrix', dataCategories: ['identity'], startDate: '2026-03-01', language: 'en', signedHow: 'written' }),
};

const sessionChanging = new Set<Method>(['session.lock', 'session.unlock', 'session.recover', 'session.firstSignIn', 'setup.complete', 'staff.deactivate']);

async function worldFor(role: Role): Promise<{ t: TestCore; w: World }> {
  const t = await setUpCore();
  const other = await t.ok('clients.create', { chosenName: 'Other Worker Case' });
  const consent = await t.ok('consents.add', { clientId: other.id, kind: 'services', purpose: 'x', dataCategories: ['identity'], startDate: '2026-03-01', language: 'en', signedHow: 'written' });
  const partner = await t.ok('partners.add', { name: 'Matrix Legal Aid', services: ['legal'] });
  const goal = await t.ok('plan.addGoal', { clientId: other.id, domain: 'legal', title: 'Other goal', steps: [{ text: 'Other step' }] });
  const stepId = (await t.ok('plan.get', { id: other.id })).goals[0]!.steps[0]!.id;
  const referral = await t.ok('referrals.send', { clientId: other.id, partnerId: partner.id, service: 'legal', sentOn: '2026-03-01', sharesIdentity: false });
  const milestone = await t.ok('milestones.add', { clientId: other.id, kind: 'u_visa', status: 'requested' });
  const service = await t.ok('services.add', { clientId: other.id, date: '2026-03-01', category: 'legal' });
  const note = await t.ok('notes.add', { clientId: other.id, date: '2026-03-01', kind: 'contact', body: 'Other note' });
  const document = await attachFile(t, other.id, samplePdf('Matrix document'));
  if (!document.ok) throw new Error('attaching the matrix document failed');
  const { instruments } = await t.ok('outcomes.instruments', {});
  const spare = await addStaff(t, 'caseworker', 'Spare Staff');
  const spareId = (await t.ok('staff.list', {})).staff.find((s) => s.displayName === spare.name)!.id;
  const appointment = await t.ok('appointments.add', { clientId: other.id, date: '2026-03-01', staffId: spareId, kind: 'court' });
  if (role !== 'admin') {
    const me = await addStaff(t, role, `Matrix ${role}`);
    await t.ok('session.lock', {});
    await t.ok('session.unlock', me);
  }
  const own = role === 'auditor' ? other : role === 'admin' ? other : await t.ok('clients.create', { chosenName: 'My Own Case' });
  return {
    t,
    w: {
      ownCase: own.id,
      otherCase: other.id,
      consentOnOther: consent.id,
      userToChange: spareId,
      partnerId: partner.id,
      goalOnOther: goal.id,
      stepOnOther: stepId,
      referralOnOther: referral.id,
      milestoneOnOther: milestone.id,
      appointmentOnOther: appointment.id,
      serviceOnOther: service.id,
      noteOnOther: note.id,
      documentOnOther: document.value.id,
      instrumentId: instruments[0]!.id,
      domainId: instruments[0]!.domains[0]!.id,
      folder: tempDir(),
    },
  };
}

function decision(result: { ok: boolean; error?: { code: string } }): 'allowed' | 'FORBIDDEN' | 'LOCKED' {
  if (result.ok) return 'allowed';
  return result.error!.code === 'FORBIDDEN' ? 'FORBIDDEN' : result.error!.code === 'LOCKED' ? 'LOCKED' : 'allowed';
}

describe('the role x method x ownership matrix', () => {
  for (const role of ['admin', 'supervisor', 'caseworker', 'auditor'] as const) {
    it(`${role}: every method decides as the contract and the case rules say`, async () => {
      const { t, w } = await worldFor(role);
      const cells: string[] = [];
      for (const method of methods.filter((m) => !sessionChanging.has(m))) {
        const access = contract[method].access;
        // Public (the sign-in screen restores), but while someone is signed in only an administrator may.
        const adminWhenSignedIn = method === 'backup.inspect' || method === 'backup.restore';
        const byRole = adminWhenSignedIn ? role === 'admin' : access === 'public' || access.includes(role);
        const caseMethod =
          method in onOwnCase ||
          method === 'appointments.setStatus' ||
          ['clients.assign', 'consents.revoke', 'plan.setGoalStatus', 'plan.addStep', 'plan.setStepDone', 'referrals.setStatus', 'milestones.update', 'services.edit', 'services.remove', 'clients.close', 'clients.reopen', 'documents.read', 'documents.update', 'documents.remove', 'documents.export'].includes(method);
        // Only a note's author may edit it: the admin wrote the note on the other case.
        const authorOnly = method === 'notes.edit' && role !== 'admin';
        // A caseworker's door opens for a method, but not onto another worker's case.
        const expectedOther = byRole && !(caseMethod && role === 'caseworker') && !authorOnly ? 'allowed' : 'FORBIDDEN';
        const got = decision(await t.core.dispatch(method, (fixtures[method] as Fixture<Method>)(w)));
        cells.push(`${method}: ${got}`);
        expect(got, `${role} ${method} (another's case)`).toBe(expectedOther);
        const own = onOwnCase[method] as ((w: World) => unknown) | undefined;
        if (own) {
          const gotOwn = decision(await t.core.dispatch(method, own(w)));
          expect(gotOwn, `${role} ${method} (own case)`).toBe(byRole ? 'allowed' : 'FORBIDDEN');
        }
      }
      expect(cells.length).toBe(methods.length - sessionChanging.size);
      // Deactivation (which rotates the key) last, then locking: afterwards everything non-public is LOCKED.
      const deactivation = decision(await t.core.dispatch('staff.deactivate', fixtures['staff.deactivate'](w)));
      expect(deactivation).toBe(role === 'admin' ? 'allowed' : 'FORBIDDEN');
      await t.ok('session.lock', {});
      for (const method of methods.filter((m) => contract[m].access !== 'public')) {
        expect(decision(await t.core.dispatch(method, (fixtures[method] as Fixture<Method>)(w))), `locked ${method}`).toBe('LOCKED');
      }
      // The admin can still sign in after all of it.
      expect((await t.ok('session.unlock', { name: ADMIN, passphrase: PASSPHRASE })).state).toBe('unlocked');
    });
  }
});
