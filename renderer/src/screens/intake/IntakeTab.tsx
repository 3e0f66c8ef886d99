// renderer/: the full intake as nine sections, filled in any order over several meetings. Each
// section opens on its own, saves on its own, and says quietly how much of it is answered. A section
// is the shared schema (useSectionForm), its field list (sections/) and intake.saveSection.
import type { ReactNode } from 'react';
import type { ClientProfile } from '../../../../shared/schemas/clients';
import { sectionNames, type SectionName } from '../../../../shared/schemas/intake';
import { useT } from '../../i18n/i18n';
import { SectionPanel } from './SectionPanel';
import { CitizenshipFields, LanguageFields, NeedsFields, ReferralFields, ScreeningFields, TraffickingFields } from './sections/answers';
import { ContactFields } from './sections/ContactFields';
import { FamilyFields } from './sections/FamilyFields';
import { IdentityFields } from './sections/IdentityFields';
import type { SectionFields, Stored } from './useSectionForm';

const fieldLists: { [S in SectionName]: (fields: SectionFields<S>) => ReactNode } = {
  identity: (x) => <IdentityFields {...x} />,
  contact: (x) => <ContactFields {...x} />,
  language: (x) => <LanguageFields {...x} />,
  citizenship: (x) => <CitizenshipFields {...x} />,
  trafficking: (x) => <TraffickingFields {...x} />,
  needs: (x) => <NeedsFields {...x} />,
  referral: (x) => <ReferralFields {...x} />,
  screening: (x) => <ScreeningFields {...x} />,
  family: (x) => <FamilyFields {...x} />,
};

export function IntakeTab({ profile, onChanged }: { profile: ClientProfile; onChanged: () => Promise<void> }) {
  const { t } = useT();
  function panel<S extends SectionName>(section: S) {
    // The profile's sections are keyed by name; TypeScript cannot tie the key to its own type here.
    const stored = profile.sections[section] as Stored<S>;
    return (
      <SectionPanel
        key={section}
        clientId={profile.id}
        seed={profile}
        onChanged={onChanged}
        section={section}
        stored={stored}
        progress={profile.progress[section]}
        fields={fieldLists[section]}
      />
    );
  }
  return (
    <div className="intake">
      <p className="hint">{t('intake.intro')}</p>
      {sectionNames.map(panel)}
    </div>
  );
}
