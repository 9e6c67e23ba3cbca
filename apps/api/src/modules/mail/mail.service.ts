import { containsPattern } from '../../common/sql';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { pageParams, resolveSort, type Page } from '../../common/pagination';
import { OutboxMessageEntity } from './outbox-message.entity';
import { renderTemplate, type TemplateName, type TemplateParams } from './templates';
import type { OutboxQuery } from './outbox.dto';

/** Writes e-mails into the outbox inside the caller's transaction; the worker delivers them. */
@Injectable()
export class MailService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async enqueue<T extends TemplateName>(
    manager: EntityManager,
    to: string,
    locale: string,
    template: T,
    params: TemplateParams[T],
  ): Promise<string> {
    const rendered = renderTemplate(template, locale, params);
    const result = await manager.insert(OutboxMessageEntity, {
      to,
      locale: rendered.locale,
      template,
      subject: rendered.subject,
      text: rendered.text,
      status: 'pending',
    });
    return result.identifiers[0]['id'] as string;
  }

  /**
   * Whether one more `template` e-mail may be queued to `to`: fewer than `limit.max` of them in the last
   * `limit.windowSeconds`. Counted from the outbox itself (IDX_outbox_messages_recipient), so the limit holds across
   * instances and restarts; an advisory lock on the address makes concurrent requests count one after the other.
   * Call it in the transaction that will enqueue.
   */
  async mayQueue(
    manager: EntityManager,
    to: string,
    template: TemplateName,
    limit: { max: number; windowSeconds: number },
  ): Promise<boolean> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`outbox:${template}:${to}`]);
    const [row] = (await manager.query(
      `SELECT count(*)::int AS n FROM outbox_messages
        WHERE to_address = $1 AND template = $2 AND created_at > now() - make_interval(secs => $3)`,
      [to, template, limit.windowSeconds],
    )) as { n: number }[];
    return (row?.n ?? 0) < limit.max;
  }

  async list(q: OutboxQuery): Promise<Page<OutboxMessageEntity>> {
    const { page, pageSize, skip } = pageParams(q);
    const qb = this.dataSource.getRepository(OutboxMessageEntity).createQueryBuilder('m');
    if (q.to) qb.andWhere('m.to_address ILIKE :to', { to: containsPattern(q.to) });
    if (q.status) qb.andWhere('m.status = :status', { status: q.status });
    const [column, dir] = resolveSort(
      q.sort,
      { createdAt: 'm.created_at', to: 'm.to_address', status: 'm.status', sentAt: 'm.sent_at' },
      ['m.created_at', 'DESC'],
    );
    qb.orderBy(column, dir)
      .addOrderBy('m.created_at', 'DESC')
      .addOrderBy('m.id', 'DESC')
      .skip(skip)
      .take(pageSize);
    const [items, total] = await qb.getManyAndCount();
    return { items, total, page, pageSize };
  }
}
