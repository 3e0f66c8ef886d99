// renderer/: the largest document that can be added (issue 15); main refuses anything larger.
import { DocumentLimitInput, MAX_DOCUMENT_LIMIT_MB } from '../../../../shared/schemas/documents';
import { call } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { NumberSetting } from './NumberSetting';

const range = { min: 1, max: MAX_DOCUMENT_LIMIT_MB };

async function current(): Promise<number | null> {
  const result = await call('settings.documentLimit', {});
  return result.ok ? result.value.megabytes : null;
}

export function DocumentLimitForm() {
  const { t } = useT();
  return (
    <NumberSetting
      schema={DocumentLimitInput}
      name="megabytes"
      words="documentLimit"
      range={range}
      savedText={(megabytes) => t('documentLimit.saved', { megabytes })}
      initial={current}
      send={(input) => call('settings.setDocumentLimit', input)}
    />
  );
}
