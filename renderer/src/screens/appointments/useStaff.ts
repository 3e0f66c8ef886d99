// renderer/: the staff who can meet a person (active, not auditors), for "with whom" and the week's worker choice.
import { useEffect, useState } from 'react';
import type { z } from 'zod';
import type { StaffListOutput } from '../../../../shared/schemas/clients';
import { call } from '../../api/client';

export type Staff = z.infer<typeof StaffListOutput>['staff'];

export function useStaff(enabled: boolean): Staff {
  const [staff, setStaff] = useState<Staff>([]);
  useEffect(() => {
    if (!enabled) return;
    void call('staff.list', {}).then((result) => {
      if (result.ok) setStaff(result.value.staff.filter((s) => s.active && s.role !== 'auditor'));
    });
  }, [enabled]);
  return staff;
}
