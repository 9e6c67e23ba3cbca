import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../../common/request-context';
import { findApplicationFor } from '../application-access';
import { RequirementEntity } from '../requirement.entity';

/** The correction requests of an application, oldest first, for whoever may see it. */
@Injectable()
export class ListRequirements {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute(user: AuthUser, id: string): Promise<RequirementEntity[]> {
    const m = this.dataSource.manager;
    const app = await findApplicationFor(m, user, id);
    return m.getRepository(RequirementEntity).find({
      where: { applicationId: app.id },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }
}
