// renderer/: the outcome report arrives from main in English (reports.outcomes has no language; only
// the exported files can be Spanish). Like serverText, this maps its notes, counting rules and
// verification problems onto catalog keys by pattern, so the screen reads in the person's language;
// anything unknown is shown as sent.
import type { MessageKey } from './en';
import type { Vars } from './vars';

interface Rule {
  pattern: RegExp;
  key: MessageKey;
  vars?: (match: RegExpExecArray) => Vars;
}

const rules: readonly Rule[] = [
  // Table notes (main/reports/build.ts).
  { pattern: /^Too few people to show how this total divides/u, key: 'reportNote.partitionWithheld' },
  { pattern: /^Too few people to show new and continuing separately\.$/u, key: 'reportNote.servedWithheld' },
  { pattern: /^A person can receive services in several categories/u, key: 'reportNote.servicesNoTotal' },
  { pattern: /^Median days from sending to acceptance: (\d+(?:\.\d+)?)\.$/u, key: 'reportNote.medianDays', vars: (m) => ({ days: m[1] ?? '' }) },
  { pattern: /^Median days from sending to acceptance: not shown/u, key: 'reportNote.medianHidden' },
  { pattern: /^Share with measurable improvement: (\d+)%\.$/u, key: 'reportNote.improvedShare', vars: (m) => ({ percent: m[1] ?? '' }) },
  { pattern: /^Share with measurable improvement: not shown \(with the number assessed/u, key: 'reportNote.improvedReveals' },
  { pattern: /^Share with measurable improvement: not shown/u, key: 'reportNote.improvedHidden' },
  { pattern: /^Counts of people met before they had a case;/u, key: 'reportNote.outreach' },

  // Counting rules (main/reports/counting-rules.ts, English), by their opening words.
  { pattern: /^Clients served: /u, key: 'reportRule.served' },
  { pattern: /^New clients: /u, key: 'reportRule.new' },
  { pattern: /^Intake date: /u, key: 'reportRule.intakeDate' },
  { pattern: /^Days: every date /u, key: 'reportRule.days' },
  { pattern: /^Adult or minor: /u, key: 'reportRule.age' },
  { pattern: /^Trafficking type, gender, citizenship and referral source: /u, key: 'reportRule.intakeAnswers' },
  { pattern: /^Services: /u, key: 'reportRule.services' },
  { pattern: /^Referrals: /u, key: 'reportRule.referrals' },
  { pattern: /^Goals: /u, key: 'reportRule.goals' },
  { pattern: /^Assessment change: /u, key: 'reportRule.assessment' },
  { pattern: /^Legal and immigration milestones: /u, key: 'reportRule.milestones' },
  { pattern: /^Exits: /u, key: 'reportRule.exits' },
  { pattern: /^Family members served: /u, key: 'reportRule.family' },
  { pattern: /^Counts from 1 to the threshold /u, key: 'reportRule.suppression' },

  // Counting rules of the funder presets (main/reports/preset-words.ts), by their opening words.
  { pattern: /^Preset: HHS OTIP \(TVAP, DVHT/u, key: 'presetRule.otip.1' },
  { pattern: /^Client Program Entry: one en/u, key: 'presetRule.otip.2' },
  { pattern: /^Client Case Closure: every c/u, key: 'presetRule.otip.3' },
  { pattern: /^Client Service Use: every se/u, key: 'presetRule.otip.4' },
  { pattern: /^Categories of Assistance \(wh/u, key: 'presetRule.otip.5' },
  { pattern: /^Items OTIP asks for that Saf/u, key: 'presetRule.otip.6' },
  { pattern: /^Preset: OVC \/ VOCA\. The peri/u, key: 'presetRule.ovc.1' },
  { pattern: /^Victims served: every person/u, key: 'presetRule.ovc.2' },
  { pattern: /^New victims: victims served /u, key: 'presetRule.ovc.3' },
  { pattern: /^Demographics are of the new /u, key: 'presetRule.ovc.4' },
  { pattern: /^Services provided: every ser/u, key: 'presetRule.ovc.5' },

  // Verification problems (main/reports/manifest.ts).
  {
    pattern: /^This report was not signed by the expected key: its signer's fingerprint is (.+), the expected one is (.+)\. It may have/u,
    key: 'verifyProblem.otherSigner',
    vars: (m) => ({ signer: m[1] ?? '', expected: m[2] ?? '' }),
  },
  { pattern: /^The folder has no manifest\.json/u, key: 'verifyProblem.noManifest' },
  { pattern: /^manifest\.json is damaged/u, key: 'verifyProblem.badManifest' },
  { pattern: /^The manifest signature does not match/u, key: 'verifyProblem.signature' },
  { pattern: /^(.+) is missing\.$/u, key: 'verifyProblem.missing', vars: (m) => ({ file: m[1] ?? '' }) },
  { pattern: /^(.+) was changed after the report was made\.$/u, key: 'verifyProblem.changed', vars: (m) => ({ file: m[1] ?? '' }) },
  { pattern: /^(.+) is not part of the report\.$/u, key: 'verifyProblem.extra', vars: (m) => ({ file: m[1] ?? '' }) },
];

/** The catalog key (and placeholders) for a report text main sent, or null when it is not one we know. */
export function reportTextKey(text: string): { key: MessageKey; vars: Vars | undefined } | null {
  for (const rule of rules) {
    const match = rule.pattern.exec(text);
    if (match) return { key: rule.key, vars: rule.vars?.(match) };
  }
  return null;
}
