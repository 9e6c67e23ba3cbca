import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../../common/request-context';
import { findApplicationFor } from '../application-access';
import type { ApplicationHistoryResponse } from '../requirement.dto';
import { APPLICATION_SUBJECT } from './admissibility-support';

interface HistoryRow {
  id: string;
  at: Date;
  action: string;
  actor_name: string | null;
  actor_roles: string[];
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/**
 * The audit events of one application, oldest first, for whoever may see the application. People are named, never
 * shown by e-mail address (an entity user reads the officers' actions too).
 */
@Injectable()
export class ApplicationHistory {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute(user: AuthUser, id: string): Promise<ApplicationHistoryResponse> {
    const m = this.dataSource.manager;
    const app = await findApplicationFor(m, user, id);
    const rows: HistoryRow[] = await m.query(
      `SELECT e.id, e.at, e.action, u.name AS actor_name, e.actor_roles, e.before, e.after
         FROM audit_events e
         LEFT JOIN users u ON u.id = e.actor_id
        WHERE e.subject_type = $1 AND e.subject_id = $2
        ORDER BY e.at ASC, e.id ASC`,
      [APPLICATION_SUBJECT, app.id],
    );
    return {
      items: rows.map((r) => ({
        id: r.id,
        at: new Date(r.at).toISOString(),
        action: r.action,
        actorName: r.actor_name,
        actorRoles: r.actor_roles ?? [],
        before: r.before,
        after: r.after,
      })),
    };
  }
}
