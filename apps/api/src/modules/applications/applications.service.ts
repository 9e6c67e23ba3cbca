import { containsPattern } from '../../common/sql';
import { Injectable, Logger, type StreamableFile } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { hasPermission } from '@cofinanca/contracts';
import {
  APPLICATION_CONTENT_FIELDS,
  APPLICATION_MACHINE,
  checkCallWindow,
  FREE_DOCUMENT_TYPES,
  isApplicationEditable,
  normaliseMoney,
  type ApplicationContent,
} from '@cofinanca/domain';
import { AppException, fieldError, type FieldIssues } from '../../common/app.exception';
import { countRows, pageParams, resolveSort, type Page } from '../../common/pagination';
import type { AuthUser } from '../../common/request-context';
import { AuditService } from '../audit/audit.service';
import { CallEntity } from '../calls/call.entity';
import { toCallParameters } from '../calls/call-parameters';
import { DocumentEntity } from '../documents/document.entity';
import { DocumentsService, toDocumentResponse, type UploadedFileLike } from '../documents/documents.service';
import { NgoEntity } from '../entities/ngo.entity';
import {
  findApplicationFor,
  isOwnEntity,
  scopeApplications,
  seesAllApplications,
} from './application-access';
import { ApplicationCountsService } from './application-counts.service';
import {
  APPLICATION_SUMMARY_SELECT,
  loadApplicationRelations,
  type ApplicationContentDto,
  type ApplicationExportQuery,
  type ApplicationQuery,
  type BudgetLineDto,
  type CofundingDto,
  type CreateApplicationDto,
  type SectorShareDto,
  type UpdateApplicationDto,
} from './application.dto';
import { ApplicationEntity } from './application.entity';
import { RequirementEntity } from './requirement.entity';
import { fromCursor } from '../../common/export';

const SORTABLE = {
  createdAt: 'a.createdAt',
  submittedAt: 'a.submittedAt',
  registryNumber: 'a.registryNumber',
  title: 'a.title',
  status: 'a.status',
  requestedAmount: 'a.requestedAmount',
  entity: 'e.legalName',
};

/** The content fields of an application, in form order (what PATCH may change): the domain's one list. */
const CONTENT_FIELDS = APPLICATION_CONTENT_FIELDS satisfies readonly (keyof ApplicationContent &
  keyof ApplicationContentDto)[];
type ContentField = (typeof CONTENT_FIELDS)[number];

const ARRAY_FIELDS = new Set<ContentField>([
  'locations',
  'cofunding',
  'budgetLines',
  'sectors',
  'sdgs',
  'policyMarkers',
  'partnerEntityIds',
]);

/** A plain JSON copy: class instances of the DTOs become plain objects, undefined keys disappear. */
function plain<T>(value: T): T {
  return value === null || value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/** The stored form of one content field: money and percentages with two decimals, null arrays emptied. */
function storedValue(field: ContentField, dto: ApplicationContentDto): unknown {
  const value = dto[field];
  if (value === null || value === undefined) return ARRAY_FIELDS.has(field) ? [] : null;
  switch (field) {
    case 'totalCost':
    case 'requestedAmount':
    case 'ownContribution':
      return normaliseMoney(value as string);
    case 'cofunding':
      return (value as CofundingDto[]).map((c) => ({
        funder: c.funder,
        amount: normaliseMoney(c.amount),
        status: c.status,
      }));
    case 'budgetLines':
      return (value as BudgetLineDto[]).map((l) => ({
        code: l.code,
        category: l.category,
        description: l.description,
        amount: normaliseMoney(l.amount),
        requestedAmount: normaliseMoney(l.requestedAmount),
      }));
    case 'sectors':
      return (value as SectorShareDto[]).map((x) => ({ code: x.code, percent: normaliseMoney(x.percent) }));
    default:
      return plain(value);
  }
}

/** The audit view of an application's content. */
function contentSnapshot(app: ApplicationEntity): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of CONTENT_FIELDS) out[f] = app[f];
  return out;
}

/**
 * Applications' form data and documents: drafts are created on an open call, edited by their entity in `draft` or
 * `correction_requested` (optimistic locking), listed and read by staff and their own entity, deleted while draft.
 */
@Injectable()
export class ApplicationsService {
  private readonly logger = new Logger(ApplicationsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly documents: DocumentsService,
    private readonly counts: ApplicationCountsService,
  ) {}

  // -------------------------------------------------------------------------------------------------------------
  // Reads

  /** The filters of the list (alias `a`; `e` joined only when the order needs the entity's name). */
  private filtered(user: AuthUser, q: ApplicationExportQuery, joinEntity: boolean) {
    const qb = this.dataSource.getRepository(ApplicationEntity).createQueryBuilder('a');
    if (joinEntity) qb.innerJoin('a.entity', 'e');
    scopeApplications(qb, user);
    if (q.callId) qb.andWhere('a.call_id = :callId', { callId: q.callId });
    if (q.status?.length) qb.andWhere('a.status IN (:...statuses)', { statuses: q.status });
    if (q.entityId) qb.andWhere('a.entity_id = :entityId', { entityId: q.entityId });
    if (q.q) {
      // The entities' ids as an array (an init plan), not a join: PostgreSQL then ORs three index scans (the title's
      // and registry number's trigram indexes, the entity's btree) — 13 ms instead of 150 for 10,000 matches in
      // 100,000, where an OR across a join filters every row.
      qb.andWhere(
        `(a.title ILIKE :q OR a.registry_number ILIKE :q OR a.entity_id = ANY(ARRAY(SELECT s.id FROM entities s WHERE s.legal_name ILIKE :q)))`,
        { q: containsPattern(q.q) },
      );
    }
    return qb;
  }

  /** The summaries of the applications `a` of `qb`: the call, the entity and the open request joined, nothing more. */
  private summaries(qb: SelectQueryBuilder<ApplicationEntity>): SelectQueryBuilder<ApplicationEntity> {
    if (!qb.expressionMap.aliases.some((x) => x.name === 'e')) qb.innerJoin('a.entity', 'e');
    return (
      qb
        .innerJoin('a.call', 'c')
        // At most one open correction request per application: still one row per application.
        .leftJoinAndMapOne(
          'a.openRequirement',
          RequirementEntity,
          'r',
          "r.application_id = a.id AND r.status = 'open'",
        )
        .select(APPLICATION_SUMMARY_SELECT)
    );
  }

  /** The list's order. The id breaks ties in the same direction: one index (column, id) serves it both ways. */
  private ordered(qb: SelectQueryBuilder<ApplicationEntity>, q: ApplicationExportQuery) {
    const [column, dir] = resolveSort(q.sort, SORTABLE, ['a.createdAt', 'DESC']);
    return qb.orderBy(column, dir, dir === 'ASC' ? 'NULLS LAST' : 'NULLS FIRST').addOrderBy('a.id', dir);
  }

  /** Every summary that matches, in the list's order (exports). */
  private query(user: AuthUser, q: ApplicationExportQuery): SelectQueryBuilder<ApplicationEntity> {
    return this.ordered(this.summaries(this.filtered(user, q, true)), q);
  }

  /**
   * One page of summaries. The page's ids are found first, on applications alone (joined with the entity only to
   * search or sort by its name), so that a deep page walks one index — index-only — instead of joining every row it
   * skips; then only those rows are joined and read. The total counts the same filters, without joins it needs not,
   * or sums the counts per call and status (`ApplicationCountsService`) when those are its only filters.
   */
  async list(user: AuthUser, q: ApplicationQuery): Promise<Page<ApplicationEntity>> {
    const { page, pageSize, skip } = pageParams(q);
    const byEntity = q.sort?.replace(/^-/, '') === 'entity';
    const ids = this.ordered(this.filtered(user, q, byEntity), q)
      .select('a.id')
      .offset(skip)
      .limit(pageSize);
    const rows = this.ordered(
      this.summaries(this.dataSource.getRepository(ApplicationEntity).createQueryBuilder('a')),
      q,
    )
      .where(`a.id IN (${ids.getQuery()})`)
      .setParameters(ids.getParameters());
    // The staff's list without a search or an entity reads its total from the counts per call and status.
    const total =
      seesAllApplications(user) && !q.q && !q.entityId
        ? this.counts.total({ callId: q.callId, status: q.status })
        : countRows(this.filtered(user, q, false));
    const [items, count] = await Promise.all([rows.getMany(), total]);
    return { items, total: count, page, pageSize };
  }

  /** Everything that matches, from one cursor (exports). */
  rows(user: AuthUser, q: ApplicationExportQuery): AsyncGenerator<ApplicationEntity[]> {
    return fromCursor(this.query(user, q));
  }

  /** One application the user may see, with its call and entity (404 otherwise). */
  async get(user: AuthUser, id: string): Promise<ApplicationEntity> {
    return this.dataSource.transaction(async (m) =>
      loadApplicationRelations(m, await findApplicationFor(m, user, id)),
    );
  }

  // -------------------------------------------------------------------------------------------------------------
  // Drafts

  async create(user: AuthUser, callId: string, dto: CreateApplicationDto): Promise<ApplicationEntity> {
    const staff = hasPermission(user.roles, 'applications.manage');
    const applies = hasPermission(user.roles, 'applications.apply') && !!user.entityId;
    let entityId: string;
    if (dto.entityId !== undefined && dto.entityId !== user.entityId) {
      if (!staff) throw AppException.validation({ entityId: fieldError('NOT_OWN_ENTITY') });
      entityId = dto.entityId;
    } else if (applies) {
      entityId = user.entityId as string;
    } else if (staff) {
      throw AppException.validation({ entityId: fieldError('REQUIRED') });
    } else {
      throw AppException.forbidden('Only an entity user or an officer creates applications.');
    }

    return this.dataSource.transaction(async (m) => {
      const call = await m.getRepository(CallEntity).findOneBy({ id: callId });
      // Entity users do not see calls in draft (api.md): the same 404 as an unknown call.
      if (!call || (call.status === 'draft' && !hasPermission(user.roles, 'calls.manage'))) {
        throw AppException.notFound('call');
      }
      const entity = await m.getRepository(NgoEntity).findOneBy({ id: entityId });
      if (!entity) throw AppException.validation({ entityId: fieldError('UNKNOWN_ENTITY') });
      const window = checkCallWindow(toCallParameters(call), new Date());
      if (window) {
        throw new AppException(
          422,
          window.code,
          window.code === 'DEADLINE_PASSED'
            ? 'The call is closed: its deadline has passed.'
            : 'The call is not open for applications.',
          window.errors,
        );
      }

      const repo = m.getRepository(ApplicationEntity);
      const app = repo.create({
        callId: call.id,
        entityId,
        status: APPLICATION_MACHINE.initial,
        registryNumber: null,
        submittedAt: null,
        statusReason: null,
        createdBy: user.id,
      });
      this.applyContent(app, dto);
      await this.checkContent(m, app, dto);
      const saved = await repo.save(app);
      saved.call = call;
      saved.entity = entity;
      await this.audit.record(m, {
        action: 'application.created',
        subjectType: 'application',
        subjectId: saved.id,
        after: {
          callId: saved.callId,
          entityId: saved.entityId,
          status: saved.status,
          ...contentSnapshot(saved),
        },
      });
      return saved;
    });
  }

  async update(user: AuthUser, id: string, dto: UpdateApplicationDto): Promise<ApplicationEntity> {
    return this.dataSource.transaction(async (m) => {
      const app = await findApplicationFor(m, user, id, { lock: true });
      if (!isOwnEntity(user, app))
        throw AppException.forbidden('Only the applicant entity edits its application.');
      if (!isApplicationEditable(app.status, 'content')) {
        throw AppException.conflict(
          'INVALID_STATE',
          `An application in ${app.status} cannot be edited (only in draft or correction_requested).`,
        );
      }
      if (app.version !== dto.version) throw AppException.staleVersion();
      const before = contentSnapshot(app);
      this.applyContent(app, dto);
      await this.checkContent(m, app, dto);
      const after = contentSnapshot(app);
      const changed = CONTENT_FIELDS.filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]));
      const saved = await m.getRepository(ApplicationEntity).save(app);
      if (changed.length > 0) {
        await this.audit.record(m, {
          action: 'application.updated',
          subjectType: 'application',
          subjectId: app.id,
          before: Object.fromEntries(changed.map((f) => [f, before[f]])),
          after: Object.fromEntries(changed.map((f) => [f, after[f]])),
        });
      }
      return loadApplicationRelations(m, saved);
    });
  }

  async remove(user: AuthUser, id: string): Promise<void> {
    const docs = await this.dataSource.transaction(async (m) => {
      const app = await findApplicationFor(m, user, id, { lock: true });
      if (!isOwnEntity(user, app))
        throw AppException.forbidden('Only the applicant entity deletes its draft.');
      if (app.status !== 'draft') {
        throw AppException.conflict(
          'INVALID_STATE',
          'Only a draft can be deleted; a submitted one can be withdrawn.',
        );
      }
      const attached = await m.getRepository(DocumentEntity).findBy({ applicationId: app.id });
      await m.getRepository(DocumentEntity).delete({ applicationId: app.id });
      await m.getRepository(ApplicationEntity).delete({ id: app.id });
      await this.audit.record(m, {
        action: 'application.deleted',
        subjectType: 'application',
        subjectId: app.id,
        before: {
          callId: app.callId,
          entityId: app.entityId,
          status: app.status,
          ...contentSnapshot(app),
          documents: attached.map(toDocumentResponse),
        },
      });
      return attached;
    });
    // The rows are gone for good: now the files.
    await this.discardQuietly(docs);
  }

  /** Copies the fields present in the request onto the application (null clears; arrays replace). */
  private applyContent(app: ApplicationEntity, dto: ApplicationContentDto): void {
    const target = app as unknown as Record<ContentField, unknown>;
    for (const field of CONTENT_FIELDS) {
      if (dto[field] !== undefined) target[field] = storedValue(field, dto);
      else if (target[field] === undefined) target[field] = ARRAY_FIELDS.has(field) ? [] : null;
    }
  }

  /** Rules that need the stored state or the database: date order, partner entities. 400 naming the fields. */
  private async checkContent(
    m: EntityManager,
    app: ApplicationEntity,
    dto: ApplicationContentDto,
  ): Promise<void> {
    const errors: FieldIssues = {};
    if (app.startDate && app.endDate && app.endDate < app.startDate) {
      if (dto.endDate !== undefined || dto.startDate === undefined)
        errors['endDate'] = fieldError('NOT_BEFORE', { min: app.startDate });
      else errors['startDate'] = fieldError('NOT_AFTER', { max: app.endDate });
    }
    const partners = dto.partnerEntityIds ?? [];
    if (partners.length > 0) {
      const found = await m.getRepository(NgoEntity).findBy({ id: In(partners) });
      const active = new Set(found.filter((e) => e.status === 'active').map((e) => e.id));
      partners.forEach((pid, i) => {
        if (pid === app.entityId) errors[`partnerEntityIds[${i}]`] = fieldError('SAME_AS_APPLICANT');
        else if (!active.has(pid)) errors[`partnerEntityIds[${i}]`] = fieldError('ENTITY_NOT_ACTIVE');
      });
    }
    if (Object.keys(errors).length > 0) throw AppException.validation(errors);
  }

  // -------------------------------------------------------------------------------------------------------------
  // Documents

  async listDocuments(user: AuthUser, id: string): Promise<DocumentEntity[]> {
    return this.dataSource.transaction(async (m) => {
      const app = await findApplicationFor(m, user, id);
      return m.getRepository(DocumentEntity).find({
        where: { applicationId: app.id },
        order: { createdAt: 'ASC', id: 'ASC' },
      });
    });
  }

  async documentContent(user: AuthUser, id: string, docId: string): Promise<StreamableFile> {
    const doc = await this.dataSource.transaction(async (m) => {
      const app = await findApplicationFor(m, user, id);
      const found = await m.getRepository(DocumentEntity).findOneBy({ id: docId, applicationId: app.id });
      if (!found) throw AppException.notFound('document');
      return found;
    });
    return this.documents.download(doc);
  }

  async uploadDocument(
    user: AuthUser,
    id: string,
    type: string,
    file: UploadedFileLike | undefined,
  ): Promise<DocumentEntity> {
    let stored: DocumentEntity | null = null;
    try {
      return await this.dataSource.transaction(async (m) => {
        const app = await findApplicationFor(m, user, id, { lock: true });
        if (!isOwnEntity(user, app))
          throw AppException.forbidden('Only the applicant entity uploads documents.');
        if (!isApplicationEditable(app.status, 'documents')) {
          throw AppException.conflict(
            'INVALID_STATE',
            `Documents can only be added in draft or correction_requested, not in ${app.status}.`,
          );
        }
        const call = await m.getRepository(CallEntity).findOneByOrFail({ id: app.callId });
        const allowed = [...(call.requiredDocuments ?? []).map((d) => d.code), ...FREE_DOCUMENT_TYPES];
        if (!allowed.includes(type)) {
          throw AppException.validation({ type: fieldError('ONE_OF', { values: allowed.join(', ') }) });
        }
        stored = await this.documents.store(m, {
          entityId: app.entityId,
          applicationId: app.id,
          type,
          file,
          uploadedBy: user.id,
        });
        await this.audit.record(m, {
          action: 'application.document_uploaded',
          subjectType: 'application',
          subjectId: app.id,
          after: { ...toDocumentResponse(stored) },
        });
        return stored;
      });
    } catch (error) {
      // Written, but the transaction did not commit: the bytes go too.
      if (stored) await this.documents.discard([stored]);
      throw error;
    }
  }

  async removeDocument(user: AuthUser, id: string, docId: string): Promise<void> {
    const doc = await this.dataSource.transaction(async (m) => {
      const app = await findApplicationFor(m, user, id, { lock: true });
      if (!isOwnEntity(user, app))
        throw AppException.forbidden('Only the applicant entity deletes documents.');
      const found = await m.getRepository(DocumentEntity).findOneBy({ id: docId, applicationId: app.id });
      if (!found) throw AppException.notFound('document');
      const deletable = isApplicationEditable(app.status, 'documents') && found.lockedAt === null;
      if (!deletable) {
        throw AppException.conflict(
          'INVALID_STATE',
          found.lockedAt
            ? 'This document was submitted and can no longer be deleted.'
            : `Documents cannot be deleted in ${app.status}.`,
        );
      }
      await m.getRepository(DocumentEntity).delete({ id: found.id });
      await this.audit.record(m, {
        action: 'application.document_deleted',
        subjectType: 'application',
        subjectId: app.id,
        before: { ...toDocumentResponse(found) },
      });
      return found;
    });
    await this.discardQuietly([doc]);
  }

  /**
   * Removes the files of committed deletions. The deletion stands even if the storage fails now: the failure is
   * logged (an orphan file is harmless and can be swept), never turned into an error for a change that was made.
   */
  private async discardQuietly(docs: DocumentEntity[]): Promise<void> {
    try {
      await this.documents.discard(docs);
    } catch (error) {
      this.logger.warn(`Could not remove ${docs.length} deleted document file(s): ${String(error)}`);
    }
  }
}
