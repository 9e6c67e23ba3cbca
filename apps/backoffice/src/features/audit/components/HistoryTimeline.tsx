import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format';

/** An audit event (GET /audit) or an application's history event (GET …/history). */
export interface TimelineEvent {
  id: string;
  at: string;
  action: string;
  actorEmail?: string | null;
  actorName?: string | null;
  after?: Record<string, unknown> | null;
}

/** The reason of a decision, when the event carries one. */
function reasonOf(event: Pick<TimelineEvent, 'after'>): string | null {
  const after = event.after ?? {};
  for (const key of ['reason', 'statusReason']) {
    const value = (after as Record<string, unknown>)[key];
    if (typeof value === 'string' && value.trim() !== '') return value;
  }
  return null;
}

/** A detail worth showing next to the action: the file of an upload, a new due date or closing instant. */
function detailOf(event: Pick<TimelineEvent, 'after'>, fmt: ReturnType<typeof useFormat>): string | null {
  const after = (event.after ?? {}) as Record<string, unknown>;
  if (typeof after.fileName === 'string') return after.fileName;
  if (typeof after.dueDate === 'string') return fmt.date(after.dueDate);
  if (typeof after.closesAt === 'string') return fmt.instant(after.closesAt);
  if (typeof after.registryNumber === 'string' && after.registryNumber.startsWith('REG-'))
    return after.registryNumber;
  return null;
}

/** What happened to an entity, a call or an application, newest first, as an ordered list. */
export function HistoryTimeline({ events, label }: { events: TimelineEvent[]; label: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <ol className="office-timeline" aria-label={label}>
      {events.map((event) => {
        const reason = reasonOf(event);
        const detail = detailOf(event, fmt);
        return (
          <li key={event.id} className="office-timeline-item">
            <p className="office-timeline-head">
              <strong>
                {t(`office.audit.${event.action.replaceAll('.', '_')}`, { defaultValue: event.action })}
              </strong>
              {detail && <span className="office-timeline-detail"> — {detail}</span>}
              <span className="muted">
                {' · '}
                <time dateTime={event.at}>{fmt.instant(event.at)}</time>
                {' · '}
                {event.actorName ?? event.actorEmail ?? t('audit.system')}
              </span>
            </p>
            {reason && (
              <p className="office-timeline-reason">
                {t('office.common.reason')}: {reason}
              </p>
            )}
          </li>
        );
      })}
    </ol>
  );
}
