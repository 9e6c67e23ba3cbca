import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../../api/problem';
import type { Meeting, Ranking } from '../../../api/types';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { EditableTable } from '../../../components/EditableTable';
import { Field } from '../../../components/Field';
import { FormAlert, StaleVersionAlert } from '../../../components/FormAlert';
import { StatusNotice } from '../../../components/States';
import { useFormat } from '../../../i18n/format';
import { fieldMessage } from '../../../lib/problem';
import { useNotice } from '../../../lib/use-notice';
import { pathTo, ROUTES } from '../../../routes';
import { committeeApi } from '../api/committee-api';
import { useApproveMeeting, useCreateMeeting, useUpdateMeeting } from '../hooks/use-committee';
import {
  approvalRefusal,
  COMMITTEE_ROLES,
  errorFor,
  firstErrorPath,
  MAX_MEMBERS,
  MAX_RECUSALS,
  meetingPreview,
  NAME_MAX,
  newMember,
  newRecusal,
  REASON_MAX,
  removeMember,
  renameMember,
  serverErrors,
  toMeetingForm,
  toMeetingRequest,
  type ApprovalRefusal,
  type FormErrors,
  type MeetingFormValues,
} from '../schemas/meeting-form';
import { AgendaTable } from './AgendaTable';
import { QuorumPanel } from './QuorumPanel';

/** The id of a field of the form by its API path (`members[1].name` → `committee-members-1-name`). */
export const committeeFieldId = (path: string) =>
  `committee-${path.replace(/[^a-zA-Z0-9]+/g, '-').replace(/-$/, '')}`;

/** Focus an element by id after the next render (the first input of a row just added, a refused field). */
function useFocusAfterRender() {
  const [target, setTarget] = useState<string | null>(null);
  useEffect(() => {
    if (!target) return;
    document.getElementById(target)?.focus();
    setTarget(null);
  }, [target]);
  return setTarget;
}

/** An input's accessible name and error link inside a table cell. */
function cellProps(path: string, label: string, error?: string) {
  const id = committeeFieldId(path);
  return {
    id,
    'aria-label': label,
    'aria-invalid': error ? (true as const) : undefined,
    'aria-describedby': error ? `${id}-error` : undefined,
  };
}

function CellError({ path, error }: { path: string; error?: string }) {
  if (!error) return null;
  return (
    <p className="field-error" id={`${committeeFieldId(path)}-error`}>
      {error}
    </p>
  );
}

/**
 * A committee meeting: the editor of a draft (a new one when `meeting` is absent) or, once approved, the minutes
 * read-only with the ranking they froze.
 */
export function MeetingEditor(props: {
  callId: string;
  meeting?: Meeting;
  /** The agenda of a new meeting: the call's live ranking. */
  ranking: Ranking;
  onCreated?: (meeting: Meeting) => void;
  onReload?: () => Promise<unknown>;
  initialNotice?: string;
}) {
  // A meeting approved here (not one opened approved) moves the focus to the notice: its buttons are gone.
  const wasDraft = useRef(props.meeting?.status !== 'approved');
  if (props.meeting?.status === 'approved')
    return <ApprovedMeeting meeting={props.meeting} focus={wasDraft.current} />;
  return <DraftEditor {...props} />;
}

function ApprovedMeeting({ meeting, focus }: { meeting: Meeting; focus: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const headingRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (focus) headingRef.current?.focus();
  }, [focus]);
  const byId = new Map(meeting.agenda.items.map((i) => [i.applicationId, i]));
  return (
    <div className="stack">
      <p className="alert alert-success" ref={headingRef} tabIndex={-1} role="status">
        {t('committee.approved.on', { date: fmt.instant(meeting.approvedAt) })}
      </p>
      <section className="card" aria-labelledby="committee-minutes">
        <h2 id="committee-minutes">{t('committee.minutes.title')}</h2>
        <p>{t('committee.minutes.intro')}</p>
        <ul>
          {(['ca', 'es', 'en'] as const).map((lang) => (
            <li key={lang}>
              <a href={committeeApi.minutesUrl(meeting.id, lang)} download>
                {t(`committee.minutes.${lang}`)}
              </a>
            </li>
          ))}
        </ul>
      </section>
      <section className="card" aria-labelledby="committee-details">
        <h2 id="committee-details">{t('committee.editor.details')}</h2>
        <dl className="meta-list">
          <dt>{t('committee.field.heldOn')}</dt>
          <dd>{fmt.date(meeting.heldOn)}</dd>
          <dt>{t('committee.field.place')}</dt>
          <dd>{meeting.place}</dd>
        </dl>
      </section>
      <section className="card" aria-labelledby="committee-members">
        <h2 id="committee-members">{t('committee.members.title')}</h2>
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('committee.members.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('committee.members.name')}</th>
                <th scope="col">{t('committee.members.position')}</th>
                <th scope="col">{t('committee.members.role')}</th>
                <th scope="col">{t('committee.members.present')}</th>
              </tr>
            </thead>
            <tbody>
              {meeting.members.map((m) => (
                <tr key={m.name}>
                  <th scope="row">{m.name}</th>
                  <td>{m.position}</td>
                  <td>{t(`committee.role.${m.role}`)}</td>
                  <td>{m.present ? t('office.common.yes') : t('office.common.no')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="card" aria-labelledby="committee-recusals">
        <h2 id="committee-recusals">{t('committee.recusals.title')}</h2>
        {meeting.recusals.length === 0 ? (
          <p className="muted">{t('committee.recusals.none')}</p>
        ) : (
          <ul className="office-plain-list">
            {meeting.recusals.map((r) => (
              <li key={`${r.memberName}-${r.applicationId}`}>
                {t('committee.recusals.line', {
                  member: r.memberName,
                  application: byId.get(r.applicationId)?.registryNumber ?? r.applicationId,
                  reason: r.reason,
                })}
              </li>
            ))}
          </ul>
        )}
      </section>
      <QuorumPanel quorum={meeting.quorum} members={meeting.members} />
      <AgendaTable agenda={meeting.agenda} frozen />
    </div>
  );
}

function DraftEditor({
  callId,
  meeting,
  ranking,
  onCreated,
  onReload,
  initialNotice,
}: {
  callId: string;
  meeting?: Meeting;
  ranking: Ranking;
  onCreated?: (meeting: Meeting) => void;
  onReload?: () => Promise<unknown>;
  initialNotice?: string;
}) {
  const { t } = useTranslation();
  const create = useCreateMeeting(callId);
  const update = useUpdateMeeting(meeting?.id ?? '');
  const approve = useApproveMeeting(meeting?.id ?? '');
  const save = meeting ? update : create;
  const { notice, setNotice, ref: noticeRef } = useNotice();
  const focus = useFocusAfterRender();
  const [values, setValues] = useState<MeetingFormValues>(() => toMeetingForm(meeting));
  const [tried, setTried] = useState(false);
  const [server, setServer] = useState<FormErrors>({});
  const [confirming, setConfirming] = useState(false);
  const [refusal, setRefusal] = useState<ApprovalRefusal>(null);
  const agenda = meeting?.agenda ?? ranking;
  const agendaIds = useMemo(() => agenda.items.map((i) => i.applicationId), [agenda]);
  const preview = useMemo(() => meetingPreview(values, agendaIds), [values, agendaIds]);
  const stale = isApiError(save.error) && save.error.code === 'STALE_VERSION';
  const approveStale = isApiError(approve.error) && approve.error.code === 'STALE_VERSION';

  useEffect(() => {
    if (initialNotice) setNotice(initialNotice);
  }, [initialNotice, setNotice]);

  // A reloaded or saved meeting replaces what the form holds.
  useEffect(() => {
    if (meeting) setValues(toMeetingForm(meeting));
  }, [meeting]);

  const dirty = useMemo(
    () =>
      !meeting ||
      JSON.stringify(toMeetingRequest(values)) !== JSON.stringify(toMeetingRequest(toMeetingForm(meeting))),
    [values, meeting],
  );

  // The form's own checks once a save was tried; the API's answer until the next save.
  const errors: FormErrors = { ...(tried ? preview.errors : {}), ...server };
  const message = (path: string) => {
    const code = errorFor(errors, path);
    return code ? fieldMessage({ code }) : undefined;
  };

  const change = (next: MeetingFormValues) => {
    setValues(next);
    setRefusal(null);
  };

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setNotice('');
    setServer({});
    setRefusal(null);
    setTried(true);
    const first = firstErrorPath(values, preview.errors);
    if (first) {
      focus(committeeFieldId(first));
      return;
    }
    const body = toMeetingRequest(values);
    try {
      if (meeting) {
        await update.mutateAsync({ ...body, version: meeting.version });
        setNotice(t('committee.editor.saved'));
      } else {
        const created = await create.mutateAsync(body);
        onCreated?.(created);
      }
      setTried(false);
    } catch (error) {
      const fromApi = serverErrors(error);
      setServer(fromApi);
      const path = firstErrorPath(values, fromApi);
      if (path) focus(committeeFieldId(path));
    }
  };

  const confirmApproval = async () => {
    if (!meeting) return;
    setConfirming(false);
    setRefusal(null);
    try {
      await approve.mutateAsync(meeting.version);
    } catch (error) {
      setRefusal(approvalRefusal(error));
      focus('committee-approval');
    }
  };

  const reload = () => {
    save.reset();
    approve.reset();
    setServer({});
    setTried(false);
    void onReload?.();
  };

  const memberNames = values.members.map((m) => m.name.trim()).filter(Boolean);
  const busy = save.isPending || approve.isPending;

  return (
    <div className="stack">
      <StatusNotice message={notice} ref={noticeRef} tabIndex={-1} />
      {stale || approveStale ? (
        <StaleVersionAlert
          message={t('committee.editor.stale')}
          reloadLabel={t('committee.editor.reload')}
          onReload={reload}
        />
      ) : (
        save.error && Object.keys(server).length === 0 && <FormAlert error={save.error} />
      )}
      <form
        className="form stack"
        noValidate
        onSubmit={(e) => void submit(e)}
        aria-labelledby="committee-form-title"
      >
        <h2 id="committee-form-title" className="visually-hidden">
          {t('committee.editor.formTitle')}
        </h2>
        {tried && Object.keys(errors).length > 0 && (
          <p className="alert alert-error" role="alert">
            {t('committee.editor.fixErrors')}
          </p>
        )}
        <div className="card">
          <fieldset disabled={busy}>
            <legend>{t('committee.editor.details')}</legend>
            <Field
              id={committeeFieldId('heldOn')}
              label={t('committee.field.heldOn')}
              required
              error={message('heldOn')}
            >
              {(a11y) => (
                <input
                  type="date"
                  {...a11y}
                  value={values.heldOn}
                  onChange={(e) => change({ ...values, heldOn: e.target.value })}
                />
              )}
            </Field>
            <Field
              id={committeeFieldId('place')}
              label={t('committee.field.place')}
              required
              error={message('place')}
            >
              {(a11y) => (
                <input
                  type="text"
                  {...a11y}
                  maxLength={NAME_MAX}
                  value={values.place}
                  onChange={(e) => change({ ...values, place: e.target.value })}
                />
              )}
            </Field>
          </fieldset>
        </div>

        <div className="card">
          <fieldset disabled={busy}>
            <legend>{t('committee.members.title')}</legend>
            <p className="field-hint">{t('committee.members.hint')}</p>
            {values.members.length === 0 ? (
              <p className="state state-empty">{t('committee.members.empty')}</p>
            ) : (
              <EditableTable
                caption={t('committee.members.caption')}
                captionHidden
                columns={[
                  { key: 'name', header: t('committee.members.name'), rowHeader: true },
                  { key: 'position', header: t('committee.members.position') },
                  { key: 'role', header: t('committee.members.role') },
                  { key: 'present', header: t('committee.members.present') },
                ]}
                rows={values.members}
                rowKey={(m) => m.key}
                cell={(m, i, column) => {
                  const n = i + 1;
                  const path = `members[${i}].${column}`;
                  const error = message(path);
                  if (column === 'name')
                    return (
                      <>
                        <input
                          type="text"
                          maxLength={NAME_MAX}
                          {...cellProps(path, t('committee.members.nameOf', { n }), error)}
                          value={m.name}
                          onChange={(e) => change(renameMember(values, i, e.target.value))}
                        />
                        <CellError path={path} error={error} />
                      </>
                    );
                  if (column === 'position')
                    return (
                      <>
                        <input
                          type="text"
                          maxLength={NAME_MAX}
                          {...cellProps(path, t('committee.members.positionOf', { n }), error)}
                          value={m.position}
                          onChange={(e) =>
                            change({
                              ...values,
                              members: values.members.map((x, j) =>
                                j === i ? { ...x, position: e.target.value } : x,
                              ),
                            })
                          }
                        />
                        <CellError path={path} error={error} />
                      </>
                    );
                  if (column === 'role')
                    return (
                      <>
                        <select
                          {...cellProps(path, t('committee.members.roleOf', { n }), error)}
                          value={m.role}
                          onChange={(e) =>
                            change({
                              ...values,
                              members: values.members.map((x, j) =>
                                j === i ? { ...x, role: e.target.value as typeof m.role } : x,
                              ),
                            })
                          }
                        >
                          {COMMITTEE_ROLES.map((role) => (
                            <option key={role} value={role}>
                              {t(`committee.role.${role}`)}
                            </option>
                          ))}
                        </select>
                        <CellError path={path} error={error} />
                      </>
                    );
                  return (
                    <input
                      type="checkbox"
                      {...cellProps(path, t('committee.members.presentOf', { n }))}
                      checked={m.present}
                      onChange={(e) =>
                        change({
                          ...values,
                          members: values.members.map((x, j) =>
                            j === i ? { ...x, present: e.target.checked } : x,
                          ),
                        })
                      }
                    />
                  );
                }}
                remove={{
                  label: (_, i) => t('committee.members.remove', { n: i + 1 }),
                  onRemove: (i) => {
                    change(removeMember(values, i));
                    // The focus goes to the row that takes its place, or to the add button.
                    const next = i < values.members.length - 1 ? i : i - 1;
                    focus(next >= 0 ? committeeFieldId(`members[${next}].name`) : 'committee-add-member');
                  },
                }}
              />
            )}
            {values.members.length < MAX_MEMBERS && (
              <button
                type="button"
                id="committee-add-member"
                className="button button-secondary"
                onClick={() => {
                  change({ ...values, members: [...values.members, newMember()] });
                  focus(committeeFieldId(`members[${values.members.length}].name`));
                }}
              >
                {t('committee.members.add')}
              </button>
            )}
          </fieldset>
        </div>

        <QuorumPanel quorum={preview.quorum} members={values.members} live />

        <div className="card">
          <fieldset disabled={busy}>
            <legend>{t('committee.recusals.title')}</legend>
            <p className="field-hint">{t('committee.recusals.hint')}</p>
            {values.recusals.length === 0 ? (
              <p className="muted">{t('committee.recusals.none')}</p>
            ) : (
              <EditableTable
                caption={t('committee.recusals.caption')}
                captionHidden
                columns={[
                  { key: 'memberName', header: t('committee.recusals.member') },
                  { key: 'applicationId', header: t('committee.recusals.application') },
                  { key: 'reason', header: t('committee.recusals.reason') },
                ]}
                rows={values.recusals}
                rowKey={(r) => r.key}
                cell={(r, i, column) => {
                  const n = i + 1;
                  const path = `recusals[${i}].${column}`;
                  const error = message(path);
                  const set = (patch: Partial<typeof r>) =>
                    change({
                      ...values,
                      recusals: values.recusals.map((x, j) => (j === i ? { ...x, ...patch } : x)),
                    });
                  let control: ReactNode;
                  if (column === 'memberName')
                    control = (
                      <select
                        {...cellProps(path, t('committee.recusals.memberOf', { n }), error)}
                        value={r.memberName}
                        onChange={(e) => set({ memberName: e.target.value })}
                      >
                        <option value="">{t('committee.recusals.choose')}</option>
                        {memberNames.map((name) => (
                          <option key={name} value={name}>
                            {name}
                          </option>
                        ))}
                        {r.memberName && !memberNames.includes(r.memberName.trim()) && (
                          <option value={r.memberName}>{r.memberName}</option>
                        )}
                      </select>
                    );
                  else if (column === 'applicationId')
                    control = (
                      <select
                        {...cellProps(path, t('committee.recusals.applicationOf', { n }), error)}
                        value={r.applicationId}
                        onChange={(e) => set({ applicationId: e.target.value })}
                      >
                        <option value="">{t('committee.recusals.choose')}</option>
                        {agenda.items.map((item) => (
                          <option key={item.applicationId} value={item.applicationId}>
                            {`${item.registryNumber ?? item.title ?? item.applicationId} — ${item.entityName}`}
                          </option>
                        ))}
                      </select>
                    );
                  else
                    control = (
                      <input
                        type="text"
                        maxLength={REASON_MAX}
                        {...cellProps(path, t('committee.recusals.reasonOf', { n }), error)}
                        value={r.reason}
                        onChange={(e) => set({ reason: e.target.value })}
                      />
                    );
                  return (
                    <>
                      {control}
                      <CellError path={path} error={error} />
                    </>
                  );
                }}
                remove={{
                  label: (_, i) => t('committee.recusals.remove', { n: i + 1 }),
                  onRemove: (i) => {
                    change({ ...values, recusals: values.recusals.filter((_, j) => j !== i) });
                    const next = i < values.recusals.length - 1 ? i : i - 1;
                    focus(
                      next >= 0 ? committeeFieldId(`recusals[${next}].memberName`) : 'committee-add-recusal',
                    );
                  },
                }}
              />
            )}
            {values.recusals.length < MAX_RECUSALS && agenda.items.length > 0 && (
              <button
                type="button"
                id="committee-add-recusal"
                className="button button-secondary"
                onClick={() => {
                  change({ ...values, recusals: [...values.recusals, newRecusal()] });
                  focus(committeeFieldId(`recusals[${values.recusals.length}].memberName`));
                }}
              >
                {t('committee.recusals.add')}
              </button>
            )}
          </fieldset>
        </div>

        <div className="form-actions">
          <button
            type="submit"
            className="button button-primary"
            disabled={busy}
            aria-busy={save.isPending || undefined}
          >
            {save.isPending
              ? t('common.saving')
              : meeting
                ? t('committee.editor.save')
                : t('committee.editor.create')}
          </button>
        </div>
      </form>

      {meeting && (
        <section className="card" aria-labelledby="committee-approval">
          <h2 id="committee-approval" tabIndex={-1}>
            {t('committee.approval.title')}
          </h2>
          <p className="field-hint">{t('committee.approval.hint')}</p>
          {refusal && <Refusal refusal={refusal} />}
          {!refusal && approve.error && !approveStale && <FormAlert error={approve.error} />}
          {dirty && <p className="office-note office-note-warning">{t('committee.approval.unsaved')}</p>}
          <button
            type="button"
            className="button button-primary"
            disabled={busy || dirty}
            onClick={() => setConfirming(true)}
          >
            {t('committee.approval.approve')}
          </button>
          <ConfirmDialog
            open={confirming}
            onOpenChange={setConfirming}
            title={t('committee.approval.confirmTitle')}
            description={t('committee.approval.confirmText')}
            confirmLabel={t('committee.approval.confirm')}
            tone="primary"
            busy={approve.isPending}
            onConfirm={() => void confirmApproval()}
          />
        </section>
      )}

      <AgendaTable agenda={agenda} frozen={false} />
    </div>
  );
}

/** The API's refusal of the approval, in words: which condition of the quorum fails, or which rows are pending. */
function Refusal({ refusal }: { refusal: NonNullable<ApprovalRefusal> }) {
  const { t } = useTranslation();
  if (refusal.kind === 'quorum') {
    return (
      <div className="alert alert-error" role="alert">
        <p>{t('errors.QUORUM_NOT_REACHED')}</p>
        <ul>
          {refusal.conditions.map((c) => (
            <li key={c}>{t(`committee.approval.quorum.${c}`)}</li>
          ))}
        </ul>
      </div>
    );
  }
  return (
    <div className="alert alert-error" role="alert">
      <p>{t('errors.RANKING_INCOMPLETE')}</p>
      <ul>
        {refusal.applications.map((a) => (
          <li key={a.id}>
            <Link to={pathTo(ROUTES.applicationEvaluation, a.id)}>
              {t('committee.approval.pending', { number: a.registryNumber ?? a.id })}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
