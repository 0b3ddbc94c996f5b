/**
 * The plan's tasks: who leads each, by when, and how far it is. In a draft she
 * writes, tasks are added (the owner picked from the network's people) and
 * removed; in a version in force the coordinator and each task's owner tick
 * its status and note how it went, approved plans too (`plan_task.progress`).
 */
import { useState } from 'preact/hooks';
import { addPlanTask, removePlanTask, setTaskProgress } from '../../sync/plans/index.js';
import { t } from '../i18n.js';
import { PendingMarker } from '../bits.jsx';
import { Field, FieldError, valueOf } from '../forms.jsx';
import { formatDate } from '../format.js';
import { refusedText } from './planning.js';

const STATES = /** @type {const} */ (['todo', 'doing', 'done']);

/**
 * @param {{version: Record<string, any>, tasks: Record<string, any>[], people: Record<string, any>[],
 *   meId: string, editable: boolean, manage: boolean, inForce: boolean}} props
 */
export function Tasks({ version, tasks, people, meId, editable, manage, inForce }) {
  const names = new Map(people.map((p) => [p.user_id, p.name]));
  const done = tasks.filter((x) => x.status === 'done').length;
  return (
    <section class="card plan-section" data-testid="plan-tasks">
      <h2>{t('plans.tasks')}</h2>
      {tasks.length > 0 && <p class="muted small" data-testid="plan-tasks-done">{t('plans.taskDone', { n: done, total: tasks.length })}</p>}
      {!tasks.length && <p class="muted">{t('plans.tasksNone')}</p>}
      <ul class="plan-tasks">
        {tasks.map((x) => (
          <Task key={x.id} task={x} owner={names.get(x.owner_id) || x.owner_name || ''} editable={editable}
            ticks={inForce && (manage || x.owner_id === meId)} />
        ))}
      </ul>
      {editable && <TaskForm version={version} people={people} />}
    </section>
  );
}

/** @param {{task: Record<string, any>, owner: string, editable: boolean, ticks: boolean}} props */
function Task({ task, owner, editable, ticks }) {
  const [note, setNote] = useState(/** @type {string | null} */ (null));
  const [error, setError] = useState('');
  const progress = (/** @type {Record<string, any>} */ fields) =>
    setTaskProgress(task.id, fields).then(() => setError(''), (err) => setError(refusedText(err)));
  return (
    <li class={`plan-task is-${task.status}`} data-testid="plan-task" data-status={task.status}>
      <div class="plan-task-head">
        <strong class="plan-task-title">{task.title}</strong>
        {task.pending && <PendingMarker />}
      </div>
      <p class="small muted">
        {owner || t('plans.taskNoOwner')}
        {task.due_on && <> · {t('plans.taskDue')}: {formatDate(task.due_on)}</>}
      </p>
      {ticks ? (
        <div class="segmented" role="group" aria-label={t('plans.taskTitle')}>
          {STATES.map((s) => (
            <button key={s} type="button" class={task.status === s ? 'is-on' : ''} aria-pressed={task.status === s}
              onClick={() => progress({ status: s })} data-testid={`plan-task-${s}`}>
              {t(`plans.status.${s}`)}
            </button>
          ))}
        </div>
      ) : (
        <span class={`badge${task.status === 'done' ? '' : ' badge-muted'}`}>{t(`plans.status.${task.status}`)}</span>
      )}
      {task.comment && note === null && <p class="small plan-task-note">{task.comment}</p>}
      {ticks && (note === null ? (
        <button type="button" class="btn-link small" onClick={() => setNote(task.comment || '')}>{t('plans.taskComment')}</button>
      ) : (
        <form class="form" onSubmit={(e) => { e.preventDefault(); progress({ comment: note }).then(() => setNote(null)); }}>
          <textarea rows={2} value={note} aria-label={t('plans.taskComment')} onInput={(e) => setNote(valueOf(e))} />
          <button type="submit" class="btn-secondary">{t('plans.taskCommentSave')}</button>
        </form>
      ))}
      {editable && (
        <button type="button" class="btn-link danger small" onClick={() => removePlanTask(task.id).catch(console.error)}>
          {t('plans.taskRemove')}
        </button>
      )}
      <FieldError error={error} />
    </li>
  );
}

/** @param {{version: Record<string, any>, people: Record<string, any>[]}} props */
function TaskForm({ version, people }) {
  const empty = { title: '', owner_id: '', due_on: '' };
  const [v, setV] = useState(empty);
  const [errors, setErrors] = useState(/** @type {Record<string, any>} */ ({}));
  const owners = people.filter((p) => p.role === 'coordinator' || p.role === 'member');
  const set = (/** @type {string} */ k, /** @type {string} */ value) => setV({ ...v, [k]: value });
  const add = async (/** @type {Event} */ e) => {
    e.preventDefault();
    setErrors({});
    try {
      await addPlanTask(version.id, { title: v.title, owner_id: v.owner_id || null, due_on: v.due_on || null });
      setV(empty);
    } catch (err) {
      setErrors(/** @type {any} */ (err)?.fields || { form: refusedText(err) });
    }
  };
  return (
    <form class="form plan-add" onSubmit={add} data-testid="plan-task-form">
      <Field id="task-title" label={t('plans.taskTitle')} error={errors.title} limits={{ max: 300 }}>
        <input id="task-title" type="text" value={v.title} onInput={(e) => set('title', valueOf(e))} data-testid="plan-task-title" />
      </Field>
      <Field id="task-owner" label={t('plans.taskOwner')} error={errors.owner_id}>
        <select id="task-owner" value={v.owner_id} onChange={(e) => set('owner_id', valueOf(e))} data-testid="plan-task-owner">
          <option value="">{t('plans.taskNoOwner')}</option>
          {owners.map((p) => <option key={p.user_id} value={p.user_id}>{p.name}</option>)}
        </select>
      </Field>
      <Field id="task-due" label={t('plans.taskDue')} error={errors.due_on}>
        <input id="task-due" type="date" value={v.due_on} onInput={(e) => set('due_on', valueOf(e))} data-testid="plan-task-due" />
      </Field>
      <FieldError error={errors.form} />
      <button type="submit" class="btn-secondary" data-testid="plan-task-add">+ {t('plans.taskAdd')}</button>
    </form>
  );
}
