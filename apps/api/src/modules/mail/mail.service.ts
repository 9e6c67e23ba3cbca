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
