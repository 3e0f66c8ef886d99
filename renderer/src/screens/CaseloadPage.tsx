// renderer/: the caseload. Search and filters above a windowed list that stays smooth with
// 100,000 cases. Caseworkers see their own cases; supervisors and admins start with every case.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { SessionUser } from '../../../shared/schemas/session';
import type { z } from 'zod';
import type { StaffListOutput } from '../../../shared/schemas/clients';
import { allCasesRoles, supervisionRoles } from '../../../shared/roles';
import type { ClientRow } from '../../../shared/schemas/clients';
import { clientStatuses, riskLevels } from '../../../shared/vocab/lists';
import { call } from '../api/client';
import { navigate } from '../app/router';
import { SelectField, useVocab, type Option } from '../components/fields';
import { PageHeading } from '../components/Heading';
import { ErrorMessage, StatusMessage } from '../components/Messages';
import { clearNotice, peekNotice } from '../app/notice';
import { TextField } from '../components/TextField';
import { useT } from '../i18n/i18n';
import { CaseList, type Choosing, type ListPosition } from './caseload/CaseList';
import { HandOverChosen } from './caseload/HandOverChosen';
import { useCasePages, type CaseQuery } from './caseload/useCasePages';
import { ElsewhereNote } from './caseload/ElsewhereNote';

const TYPING_PAUSE_MS = 200;

type View = CaseQuery & { position: ListPosition | null };
type Staff = z.infer<typeof StaffListOutput>['staff'];

// Where the person was, so coming back from a profile returns to the same search and place.
// Memory only: a lock reloads the page and forgets it.
let lastView: { userId: string; view: View } | null = null;

export function CaseloadPage({ user }: { user: SessionUser }) {
  const { t, errorMessage, formatNumber } = useT();
  const label = useVocab();
  const seesAll = allCasesRoles.includes(user.role);
  const saved = lastView?.userId === user.id ? lastView.view : null;
  const [typed, setTyped] = useState(saved?.query ?? '');
  const [query, setQuery] = useState(saved?.query ?? '');
  const [status, setStatus] = useState<CaseQuery['status']>(saved?.status ?? 'active');
  const [assigned, setAssigned] = useState<CaseQuery['assigned']>(saved?.assigned ?? (seesAll ? 'any' : 'mine'));
  const [risk, setRisk] = useState<CaseQuery['risk']>(saved?.risk ?? 'any');
  const [staff, setStaff] = useState<Staff>([]);
  const position = useRef<ListPosition | null>(saved?.position ?? null);
  // A message left by the screen before (a case deleted permanently), shown once.
  const [notice] = useState(peekNotice);
  useEffect(() => clearNotice(), []);

  useEffect(() => {
    const timer = setTimeout(() => setQuery(typed.trim()), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [typed]);

  useEffect(() => {
    if (!seesAll) return;
    let live = true;
    void call('staff.list', {}).then((result) => {
      if (live && result.ok) setStaff(result.value.staff.filter((s) => s.active && s.role !== 'auditor'));
    });
    return () => {
      live = false;
    };
  }, [seesAll]);

  const caseQuery = useMemo<CaseQuery>(() => ({ query, status, assigned, risk }), [query, status, assigned, risk]);
  const key = JSON.stringify(caseQuery);
  const [restore] = useState(() => (saved ? { key, position: saved.position } : null));
  // Supervisors and administrators can tick cases in the list and hand them to a colleague at once.
  const canHandOver = supervisionRoles.includes(user.role);
  const [choosing, setChoosing] = useState(false);
  const [chosen, setChosen] = useState<readonly ClientRow[]>([]);
  const [round, setRound] = useState(0);
  const pages = useCasePages(caseQuery, round);
  const chosenIds = useMemo(() => new Set(chosen.map((c) => c.id)), [chosen]);
  const choosingInList = useMemo<Choosing | null>(
    () =>
      choosing
        ? {
            isChosen: (id) => chosenIds.has(id),
            toggle: (row) => setChosen((old) => (old.some((c) => c.id === row.id) ? old.filter((c) => c.id !== row.id) : [...old, row])),
          }
        : null,
    [choosing, chosenIds],
  );

  useEffect(
    () => () => {
      lastView = { userId: user.id, view: { ...caseQuery, position: position.current } };
    },
    [user.id, caseQuery],
  );
  const onPosition = useCallback((p: ListPosition) => {
    position.current = p;
  }, []);

  const statusOptions: Option[] = [
    ...clientStatuses.codes.map((c) => ({ value: c, label: label(clientStatuses, c) })),
    { value: 'any', label: t('caseload.anyStatus') },
  ];
  const assignedOptions: Option[] = seesAll
    ? [
        { value: 'mine', label: t('caseload.mine') },
        { value: 'any', label: t('caseload.anyone') },
        { value: 'unassigned', label: t('caseload.unassignedFilter') },
        ...staff.map((s) => ({ value: s.id, label: s.displayName })),
      ]
    : [{ value: 'mine', label: t('caseload.mine') }];
  const riskOptions: Option[] = [
    { value: 'any', label: t('caseload.anyRisk') },
    { value: 'urgent', label: t('client.urgent') },
    ...riskLevels.codes.map((c) => ({ value: c, label: label(riskLevels, c) })),
  ];

  const total = pages.total;
  const count =
    total === null ? t('caseload.searching') : total === 1 ? t('caseload.countOne') : t('caseload.countMany', { count: formatNumber(total) });

  return (
    <section className="caseload">
      <div className="page-top">
        <PageHeading>{t('caseload.title')}</PageHeading>
        <button type="button" className="primary" onClick={() => navigate({ page: 'new-client' })}>
          {t('caseload.newClient')}
        </button>
      </div>
      <StatusMessage tone="success">{notice ? t(notice) : null}</StatusMessage>
      <form className="filters" role="search" aria-label={t('caseload.searchRegion')} onSubmit={(event) => event.preventDefault()}>
        <TextField
          label={t('caseload.search')}
          type="search"
          value={typed}
          onChange={setTyped}
          autoComplete="off"
          maxLength={200}
          className="search-input"
        />
        <div className="filter-row">
          <SelectField
            label={t('caseload.status')}
            value={status}
            onChange={(v) => setStatus(v === 'closed' || v === 'any' ? v : 'active')}
            options={statusOptions}
          />
          <SelectField
            label={t('caseload.assigned')}
            value={assigned}
            onChange={(v) => setAssigned(v === 'any' || v === 'unassigned' || v === 'mine' ? v : staff.find((s) => s.id === v)?.id ?? 'mine')}
            options={assignedOptions}
          />
          <SelectField
            label={t('caseload.riskFilter')}
            value={risk}
            onChange={(v) => setRisk(v === 'urgent' ? v : riskLevels.codes.find((c) => c === v) ?? 'any')}
            options={riskOptions}
          />
        </div>
      </form>
      <p role="status" className="result-count">
        {count}
      </p>
      {canHandOver ? (
        <div className="actions">
          <button type="button" aria-pressed={choosing} onClick={() => setChoosing((on) => !on)}>
            {t('caseload.chooseCases')}
          </button>
        </div>
      ) : null}
      {canHandOver && choosing ? (
        <HandOverChosen
          chosen={chosen}
          staff={staff}
          onRemove={(id) => setChosen((old) => old.filter((c) => c.id !== id))}
          onHandedOver={() => {
            setChosen([]);
            setRound((n) => n + 1);
          }}
        />
      ) : null}
      <ErrorMessage>{pages.error ? errorMessage(pages.error) : null}</ErrorMessage>
      {total === 0 ? <p className="calm-note">{query ? t('caseload.noMatch') : t('caseload.empty')}</p> : null}
      <ElsewhereNote elsewhere={pages.elsewhere} />
      {total !== null && total > 0 ? (
        <CaseList
          key={key}
          pages={pages}
          total={total}
          initial={restore?.key === key ? restore.position : null}
          onPosition={onPosition}
          choosing={choosingInList}
        />
      ) : null}
    </section>
  );
}
