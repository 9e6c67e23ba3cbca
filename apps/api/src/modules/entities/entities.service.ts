import { containsPattern } from '../../common/sql';
import { Injectable, type StreamableFile } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { hasPermission } from '@cofinanca/contracts';
import { ENTITY_MACHINE, IBAN_MACHINE, ibanChange, type EntityDocumentType } from '@cofinanca/domain';
import { AppException, fieldError } from '../../common/app.exception';
import { countRows, pageParams, resolveSort, type Page } from '../../common/pagination';
import type { AuthUser } from '../../common/request-context';
import { AuditService } from '../audit/audit.service';
import { DocumentEntity } from '../documents/document.entity';
import { DocumentsService, type UploadedFileLike } from '../documents/documents.service';
import {
  ENTITY_EXPORT_SELECT,
  ENTITY_SUMMARY_SELECT,
  toEntityResponse,
  type AddressDto,
  type CreateEntityDto,
  type EntityExportQuery,
  type EntityQuery,
  type LegalRepresentativeDto,
  type UpdateEntityDto,
} from './entities.dto';
import { assertMembersMayEdit, findEntityFor, scopeEntities } from './entity-access';
import { EntityMailer } from './entity-mailer';
import { NgoEntity, type LegalRepresentative, type PostalAddress } from './ngo.entity';
import { duplicateOf } from './unique-violation';
import { fromCursor } from '../../common/export';

const SORTABLE = { legalName: 'e.legal_name', nif: 'e.nif', status: 'e.status', createdAt: 'e.created_at' };

/** The audit view of an entity. */
export function entitySnapshot(e: NgoEntity): Record<string, unknown> {
  return { ...toEntityResponse(e) };
}

function toAddress(dto: AddressDto): PostalAddress {
  return {
    street: dto.street,
    number: dto.number || null,
    postcode: dto.postcode,
    town: dto.town,
    municipalityCode: dto.municipalityCode,
    province: dto.province,
    countryCode: dto.countryCode,
  };
}

function toRepresentative(dto: LegalRepresentativeDto): LegalRepresentative {
  return { name: dto.name, idNumber: dto.idNumber, position: dto.position };
}

/** Entities: the profile, its listing and its own documents (the bank-ownership certificate of a new IBAN). */
@Injectable()
export class EntitiesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly documents: DocumentsService,
    private readonly mailer: EntityMailer,
  ) {}

  private query(user: AuthUser, q: EntityExportQuery) {
    const qb = scopeEntities(this.dataSource.getRepository(NgoEntity).createQueryBuilder('e'), user);
    if (q.q) {
      qb.andWhere('(e.legal_name ILIKE :q OR e.nif ILIKE :q OR e.email ILIKE :q)', {
        q: containsPattern(q.q),
      });
    }
    if (q.status) qb.andWhere('e.status = :status', { status: q.status });
    if (q.ibanStatus) qb.andWhere('e.iban_status = :ibanStatus', { ibanStatus: q.ibanStatus });
    // The id breaks ties in the same direction, so that one index (column, id) serves the order both ways.
    const [column, dir] = resolveSort(q.sort, SORTABLE, ['e.created_at', 'DESC']);
    return qb.orderBy(column, dir).addOrderBy('e.id', dir);
  }

  /** A page of summaries: only the summary's columns are read. */
  async list(user: AuthUser, q: EntityQuery): Promise<Page<NgoEntity>> {
    const { page, pageSize, skip } = pageParams(q);
    const qb = this.query(user, q);
    const [items, total] = await Promise.all([
      qb.clone().select(ENTITY_SUMMARY_SELECT).offset(skip).limit(pageSize).getMany(),
      countRows(qb),
    ]);
    return { items, total, page, pageSize };
  }

  /** Everything that matches, from one cursor (exports). */
  rows(user: AuthUser, q: EntityExportQuery): AsyncGenerator<NgoEntity[]> {
    return fromCursor(this.query(user, q).select(ENTITY_EXPORT_SELECT));
  }

  /**
   * Active entities other NGOs may name as partners in a joint project: by part of the name, or by id (the
   * partners already chosen). Never the caller's own entity; at most 20; only id, name and town are read.
   */
  async directory(user: AuthUser, q: { q?: string; ids?: string[] }): Promise<NgoEntity[]> {
    if (!q.q && !q.ids?.length) return [];
    const qb = this.dataSource
      .getRepository(NgoEntity)
      .createQueryBuilder('e')
      .select(['e.id', 'e.legalName', 'e.address'])
      .where(`e.status = 'active'`);
    if (user.entityId) qb.andWhere('e.id <> :own', { own: user.entityId });
    if (q.q) qb.andWhere('e.legal_name ILIKE :q', { q: containsPattern(q.q) });
    if (q.ids?.length) qb.andWhere('e.id IN (:...ids)', { ids: q.ids });
    return qb.orderBy('e.legal_name', 'ASC').addOrderBy('e.id', 'ASC').limit(20).getMany();
  }

  get(user: AuthUser, id: string): Promise<NgoEntity> {
    return findEntityFor(this.dataSource.manager, user, id);
  }

  /** Whether another entity has this NIF. */
  async isNifTaken(m: EntityManager, nif: string, exceptId?: string): Promise<boolean> {
    const other = await m.getRepository(NgoEntity).findOneBy({ nif });
    return !!other && other.id !== exceptId;
  }

  /** 409 DUPLICATE naming `field` when another entity has this NIF. */
  private async assertNifFree(
    m: EntityManager,
    nif: string,
    field: string,
    exceptId?: string,
  ): Promise<void> {
    if (await this.isNifTaken(m, nif, exceptId)) {
      throw AppException.conflict('DUPLICATE', 'An entity with this NIF is registered already.', {
        [field]: fieldError('TAKEN'),
      });
    }
  }

  /** Inserts a new entity in `pending_validation`, its IBAN pending (validated together with the entity). */
  insert(m: EntityManager, dto: CreateEntityDto, privacyAcceptedAt: Date | null): Promise<NgoEntity> {
    const repo = m.getRepository(NgoEntity);
    return repo.save(
      repo.create({
        legalName: dto.legalName,
        nif: dto.nif,
        registryNumber: dto.registryNumber || null,
        foundedOn: dto.foundedOn ?? null,
        address: toAddress(dto.address),
        email: dto.email,
        phone: dto.phone || null,
        website: dto.website || null,
        iban: dto.iban,
        ibanStatus: IBAN_MACHINE.initial,
        validatedIban: null,
        ibanCertificateId: null,
        legalRepresentative: toRepresentative(dto.legalRepresentative),
        status: ENTITY_MACHINE.initial,
        statusReason: null,
        privacyAcceptedAt,
        validatedAt: null,
      }),
    );
  }

  /** An officer records an entity (without users: they are invited as members; see EntityMembersService). */
  async create(dto: CreateEntityDto): Promise<NgoEntity> {
    return this.dataSource
      .transaction(async (m) => {
        await this.assertNifFree(m, dto.nif, 'nif');
        const entity = await this.insert(m, dto, null);
        await this.audit.record(m, {
          action: 'entity.created',
          subjectType: 'entity',
          subjectId: entity.id,
          after: entitySnapshot(entity),
        });
        return entity;
      })
      .catch(duplicateOf({ UQ_entities_nif: 'nif' }));
  }

  async update(user: AuthUser, id: string, dto: UpdateEntityDto): Promise<NgoEntity> {
    return this.dataSource
      .transaction(async (m) => {
        const entity = await findEntityFor(m, user, id, { lock: true });
        assertMembersMayEdit(user, entity);
        if (entity.version !== dto.version) throw AppException.staleVersion();
        const before = entitySnapshot(entity);

        if (dto.nif !== undefined && dto.nif !== entity.nif) {
          if (!hasPermission(user.roles, 'entities.manage')) {
            throw AppException.validation(
              { nif: fieldError('STAFF_ONLY') },
              'Only an officer may correct the NIF.',
            );
          }
          await this.assertNifFree(m, dto.nif, 'nif', entity.id);
          entity.nif = dto.nif;
        }
        if (dto.legalName !== undefined) entity.legalName = dto.legalName;
        if (dto.registryNumber !== undefined) entity.registryNumber = dto.registryNumber || null;
        if (dto.foundedOn !== undefined) entity.foundedOn = dto.foundedOn ?? null;
        if (dto.address !== undefined) entity.address = toAddress(dto.address);
        if (dto.email !== undefined) entity.email = dto.email;
        if (dto.phone !== undefined) entity.phone = dto.phone || null;
        if (dto.website !== undefined) entity.website = dto.website || null;
        if (dto.legalRepresentative !== undefined) {
          entity.legalRepresentative = toRepresentative(dto.legalRepresentative);
        }
        const awaitsRevalidation = await this.applyIban(m, entity, dto);

        const saved = await m.getRepository(NgoEntity).save(entity);
        await this.audit.record(m, {
          action: 'entity.updated',
          subjectType: 'entity',
          subjectId: entity.id,
          before,
          after: entitySnapshot(saved),
        });
        if (awaitsRevalidation) {
          await this.mailer.toOfficers(m, 'entity_iban_changed', {
            legalName: saved.legalName,
            nif: saved.nif,
            link: this.mailer.entityLink(saved.id),
          });
        }
        return saved;
      })
      .catch(duplicateOf({ UQ_entities_nif: 'nif' }));
  }

  /**
   * Applies a new IBAN (product.md: payments only ever go to a validated IBAN). A validated entity's new IBAN
   * needs its bank-ownership certificate and stays pending, `validatedIban` unchanged, until an officer validates
   * it. Returns true when it now waits for that re-validation.
   */
  private async applyIban(m: EntityManager, entity: NgoEntity, dto: UpdateEntityDto): Promise<boolean> {
    if (dto.iban === undefined || dto.iban === entity.iban) {
      if (dto.ibanCertificateId !== undefined && dto.ibanCertificateId !== entity.ibanCertificateId) {
        throw AppException.validation({ ibanCertificateId: fieldError('ONLY_WITH_NEW_IBAN') });
      }
      return false;
    }
    const change = ibanChange(entity.status, entity.validatedIban, dto.iban);
    if (change.certificateRequired && !dto.ibanCertificateId) {
      throw AppException.validation(
        {
          ibanCertificateId: fieldError('IBAN_CERTIFICATE_REQUIRED'),
        },
        'A new IBAN of a validated entity needs its bank-ownership certificate.',
      );
    }
    if (dto.ibanCertificateId) await this.assertCertificate(m, entity.id, dto.ibanCertificateId);
    entity.iban = dto.iban;
    entity.ibanStatus = change.ibanStatus;
    entity.ibanCertificateId = change.ibanStatus === 'pending' ? (dto.ibanCertificateId ?? null) : null;
    return change.certificateRequired;
  }

  /** The certificate must be a `bank_certificate` uploaded for this very entity (the same answer for any other). */
  private async assertCertificate(m: EntityManager, entityId: string, documentId: string): Promise<void> {
    const exists = await m
      .getRepository(DocumentEntity)
      .createQueryBuilder('d')
      .where('d.id = :documentId AND d.entity_id = :entityId', { documentId, entityId })
      .andWhere(`d.type = 'bank_certificate' AND d.application_id IS NULL`)
      .getExists();
    if (!exists) {
      throw AppException.validation({
        ibanCertificateId: fieldError('UNKNOWN_DOCUMENT'),
      });
    }
  }

  /** Stores one of the entity's own documents; nothing is kept if the request fails. */
  async upload(
    user: AuthUser,
    id: string,
    type: EntityDocumentType,
    file: UploadedFileLike | undefined,
  ): Promise<DocumentEntity> {
    let stored: DocumentEntity | undefined;
    try {
      return await this.dataSource.transaction(async (m) => {
        const entity = await findEntityFor(m, user, id);
        assertMembersMayEdit(user, entity);
        stored = await this.documents.store(m, {
          entityId: entity.id,
          applicationId: null,
          type,
          file,
          uploadedBy: user.id,
        });
        await this.audit.record(m, {
          action: 'entity.document_uploaded',
          subjectType: 'entity',
          subjectId: entity.id,
          after: { documentId: stored.id, type, fileName: stored.fileName, sha256: stored.sha256 },
        });
        return stored;
      });
    } catch (error) {
      if (stored) await this.documents.discard([stored]);
      throw error;
    }
  }

  /** The bytes of one of the entity's own documents (not an application's), for whoever may see the entity. */
  async documentContent(user: AuthUser, id: string, docId: string): Promise<StreamableFile> {
    const entity = await findEntityFor(this.dataSource.manager, user, id);
    const doc = await this.dataSource
      .getRepository(DocumentEntity)
      .createQueryBuilder('d')
      .where('d.id = :docId AND d.entity_id = :entityId', { docId, entityId: entity.id })
      .andWhere('d.application_id IS NULL')
      .getOne();
    if (!doc) throw AppException.notFound('document');
    return this.documents.download(doc);
  }
}
