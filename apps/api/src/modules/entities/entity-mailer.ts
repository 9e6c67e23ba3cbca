import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { MailService } from '../mail/mail.service';
import type { TemplateName, TemplateParams } from '../mail/templates';
import type { UserEntity } from '../users/user.entity';
import { RecipientsService } from '../workflow/recipients.service';
import { email, type AnyEmail } from '../workflow/transition-runner';
import type { NgoEntity } from './ngo.entity';

/** The e-mails of the entities feature, written to the outbox inside the caller's transaction. */
@Injectable()
export class EntityMailer {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly mail: MailService,
    private readonly recipients: RecipientsService,
  ) {}

  /** The back-office page of an entity, for the officers' e-mails. */
  entityLink(entityId: string): string {
    return `${this.config.publicUrl}/entities/${entityId}`;
  }

  /** One e-mail to every active officer, each in their own language. */
  async toOfficers<T extends TemplateName>(
    m: EntityManager,
    template: T,
    params: TemplateParams[T],
  ): Promise<void> {
    for (const officer of await this.recipients.officers(m))
      await this.mail.enqueue(m, officer.email, officer.locale, template, params);
  }

  /** One e-mail for every active user of the entity, each in their own language and addressed by name. */
  async toMembers<T extends TemplateName>(
    m: EntityManager,
    entity: NgoEntity,
    template: T,
    params: (member: UserEntity) => TemplateParams[T],
  ): Promise<AnyEmail[]> {
    const members = await this.recipients.entityMembers(m, entity.id);
    return members.map((member) => email(member, template, params(member)));
  }
}
