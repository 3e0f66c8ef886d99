// renderer/: a one-time setup code for a staff member, shown once to the administrator who made it.
// Printing gives a slip with the code, the person's name and the expiry date, nothing else.
import { useEffect, useId, useRef } from 'react';
import type { z } from 'zod';
import type { SetupCodeOutput } from '../../../shared/schemas/staff';
import { useT } from '../i18n/i18n';
import { printOnly } from './print';

export type IssuedCode = z.infer<typeof SetupCodeOutput> & { name: string };

export function SetupCodeSheet({ issued, onDone }: { issued: IssuedCode; onDone: () => void }) {
  const { t, formatDate, formatTimestamp } = useT();
  const headingId = useId();
  const captionId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const area = useRef<HTMLDivElement>(null);
  const expires = formatTimestamp(issued.expiresAt, true);

  // The code appears in place of what was clicked: move the reader to it.
  useEffect(() => {
    heading.current?.focus();
  }, [issued.setupCode]);

  return (
    <section className="panel setup-code-panel" aria-labelledby={headingId}>
      <h3 id={headingId} ref={heading} tabIndex={-1}>
        {t('code.title', { name: issued.name })}
      </h3>
      <div className="print-area" ref={area}>
        <p className="print-only print-title">{t('code.printTitle')}</p>
        <p className="print-only">{t('code.printFor', { name: issued.name })}</p>
        <figure className="recovery-key" aria-labelledby={captionId}>
          <figcaption id={captionId}>{t('code.caption')}</figcaption>
          <p className="setup-code" data-testid="setup-code">
            {issued.setupCode}
          </p>
        </figure>
        <p className="setup-code-expiry">{t('code.expires', { date: expires })}</p>
        <p>{t('code.instructions', { date: expires })}</p>
        <p className="print-only">{t('setup.printDate', { date: formatDate(new Date()) })}</p>
      </div>
      <p className="no-print hint">{t('code.onlyOnce')}</p>
      <div className="actions no-print">
        <button type="button" onClick={() => printOnly(area.current)}>
          {t('code.print')}
        </button>
        <button type="button" onClick={onDone}>
          {t('code.done')}
        </button>
      </div>
    </section>
  );
}
