// renderer/: choosing a staff member's role, with one plain line on what each role can see, so the
// choice is made knowing its reach. The dispatcher enforces the same rules.
import { useId } from 'react';
import { Role, roles } from '../../../../shared/roles';
import { useT } from '../../i18n/i18n';

export function RoleChoice(props: { label: string; value: Role; onChange: (role: Role) => void; error?: string | undefined }) {
  const { t, fieldMessage } = useT();
  const id = useId();
  const listId = `${id}-roles`;
  const errorId = `${id}-error`;
  return (
    <div className={`field${props.error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{props.label}</label>
      <ul id={listId} className="role-descriptions hint">
        {roles.map((role) => (
          <li key={role}>
            <strong>{t(`role.${role}`)}:</strong> {t(`roleInfo.${role}`)}
          </li>
        ))}
      </ul>
      {props.error ? (
        <p id={errorId} className="field-error">
          {fieldMessage(props.error)}
        </p>
      ) : null}
      <select
        id={id}
        value={props.value}
        onChange={(event) => {
          const parsed = Role.safeParse(event.target.value);
          if (parsed.success) props.onChange(parsed.data);
        }}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? `${listId} ${errorId}` : listId}
      >
        {roles.map((role) => (
          <option key={role} value={role}>
            {t(`role.${role}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
