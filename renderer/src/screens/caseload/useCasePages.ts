// renderer/: the caseload's rows, fetched a page at a time as they scroll into view and kept for
// as long as the same search and filters are shown. A new search starts an empty cache, and
// answers that arrive for an older search are dropped.
import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { z } from 'zod';
import type { ClientRow, ListClientsInput, ListClientsOutput } from '../../../../shared/schemas/clients';
import type { RpcError } from '../../../../shared/errors';
import { call } from '../../api/client';

export const PAGE_SIZE = 100;

export type CaseQuery = Required<Omit<ListClientsInput, 'offset' | 'limit'>>;

interface Cache {
  key: string;
  query: CaseQuery;
  pages: Map<number, ClientRow[]>;
  loading: Set<number>;
  total: number | null;
  error: RpcError | null;
  elsewhere: Elsewhere;
}

/** Others' cases that match too (a caseworker's search), openable only with a reason. */
export type Elsewhere = z.infer<typeof ListClientsOutput>['elsewhere'] | null;

const emptyCache = (key: string, query: CaseQuery): Cache => ({ key, query, pages: new Map(), loading: new Set(), total: null, error: null, elsewhere: null });

export interface CasePages {
  total: number | null;
  elsewhere: Elsewhere;
  error: RpcError | null;
  rowAt: (index: number) => ClientRow | undefined;
  /** Makes sure the rows from `first` to `last` (inclusive) are loaded or on their way. */
  want: (first: number, last: number) => void;
}

/** round: a new number reads the same search again (e.g. after cases were handed to someone else). */
export function useCasePages(query: CaseQuery, round = 0): CasePages {
  const key = `${JSON.stringify(query)}#${round}`;
  const cache = useRef<Cache>(emptyCache(key, query));
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  // A changed search empties the cache before anything of the old one is shown.
  if (cache.current.key !== key) cache.current = emptyCache(key, query);
  const current = cache.current;

  const want = useCallback(
    (first: number, last: number) => {
      const owner = cache.current;
      if (owner.error) return;
      const from = Math.max(0, Math.floor(first / PAGE_SIZE));
      const to = Math.max(from, Math.floor(Math.max(first, last) / PAGE_SIZE));
      for (let page = from; page <= to; page++) {
        if (owner.pages.has(page) || owner.loading.has(page)) continue;
        if (owner.total !== null && page * PAGE_SIZE >= owner.total) break;
        owner.loading.add(page);
        const input: ListClientsInput = { ...owner.query, offset: page * PAGE_SIZE, limit: PAGE_SIZE };
        void call('clients.list', input).then((result) => {
          owner.loading.delete(page);
          if (cache.current !== owner) return;
          if (result.ok) {
            owner.pages.set(page, result.value.rows);
            owner.total = result.value.total;
            if (page === 0) owner.elsewhere = result.value.elsewhere ?? null;
          } else {
            owner.error = result.error;
          }
          rerender();
        });
      }
    },
    [],
  );

  // The first page also tells how many cases there are, which the list needs before it can scroll.
  useEffect(() => want(0, 0), [key, want]);

  return {
    total: current.total,
    elsewhere: current.elsewhere,
    error: current.error,
    rowAt: (index) => current.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE],
    want,
  };
}
