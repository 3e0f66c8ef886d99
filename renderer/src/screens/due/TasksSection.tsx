// renderer/: on "What's due", the tasks given to this person (by date, overdue ones marked), each
// with "Done"; and a form to give a task to a colleague or oneself.
import { useEffect, useId, useState } from 'react';
import type { Output } from '../../../../shared/contract';
import { call } from '../../api/client';
import { hrefFor } from '../../app/router';
import { today } from '../../components/dates';
import { useT } from '../../i18n/i18n';
import { AddTaskForm } from './AddTaskForm';

type Task = Output<'tasks.mine'>['tasks'][number];

export function TasksSection() {
  const { t, formatDay } = useT();
  const headingId = useId();
  const [tasks, setTasks] = useState<Task[] | null>(null);
  const [adding, setAdding] = useState(false);
  const load = () => void call('tasks.mine', {}).then((r) => setTasks(r.ok ? r.value.tasks : []));
  useEffect(load, []);
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('tasks.title')}</h2>
      {tasks && tasks.length === 0 ? <p className="hint">{t('tasks.none')}</p> : null}
      {tasks && tasks.length > 0 ? (
        <ul className="due-list" aria-labelledby={headingId}>
          {tasks.map((task) => (
            <li key={task.id} className="due-item">
              <p className="due-what">{task.title}</p>
              <p className="due-when">
                {t(task.overdue ? 'tasks.overdue' : 'tasks.due', { date: formatDay(task.dueOn, 'medium') })}
                {task.createdBy ? ` · ${t('tasks.from', { name: task.createdBy })}` : ''}
              </p>
              {task.case ? (
                <p className="due-client">
                  <a href={hrefFor({ page: 'client', id: task.case.clientId })}>
                    <span className="mono">{task.case.caseNumber}</span> · {task.case.chosenName}
                  </a>
                </p>
              ) : null}
              <button type="button" aria-label={t('tasks.doneFor', { title: task.title })} onClick={() => void call('tasks.done', { taskId: task.id, doneOn: today() }).then(load)}>
                {t('tasks.done')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {adding ? (
        <AddTaskForm
          onDone={() => {
            setAdding(false);
            load();
          }}
        />
      ) : (
        <button type="button" onClick={() => setAdding(true)}>
          {t('tasks.add')}
        </button>
      )}
    </section>
  );
}
