import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { createHash } from 'node:crypto';
import { hasPermission, isLocale, LOCALES, type Locale } from '@cofinanca/contracts';
import { committeeErrors, fieldIssue, quorum, type QuorumIssue } from '@cofinanca/domain';
import { AppException, fieldError, type FieldIssues } from '../../common/app.exception';
import { AuditService } from '../audit/audit.service';
import { CallEntity } from '../calls/call.entity';
import { lockCall } from '../evaluation/evaluation-access';
import { RankingService } from '../evaluation/ranking.service';
import type { RankingResponse } from '../evaluation/scoring.dto';
import type { AuthUser } from '../../common/request-context';
import { CommitteeMeetingEntity, type StoredMember } from './committee-meeting.entity';
import { CommitteeMinutesEntity } from './committee-minutes.entity';
import { renderMinutes, type MinutesData } from './minutes-pdf';
import type {
  ApproveMeetingDto,
  CreateMeetingDto,
  MeetingList,
  MeetingResponse,
  MemberDto,
  RecusalDto,
  UpdateMeetingDto,
} from './committee.dto';

const SUBJECT = 'committee_meeting';

/** Call states from which the minutes are public to viewers and finance (from the provisional resolution on). */
const PUBLIC_CALL_STATES = ['provisionally_resolved', 'resolved', 'archived'];

/** The members as stored (position defaults to empty). */
const storedMembers = (members: readonly MemberDto[]): StoredMember[] =>
  members.map((m) => ({ name: m.name, position: m.position ?? '', role: m.role, present: m.present }));

const storedRecusals = (recusals: readonly RecusalDto[]) =>
  recusals.map((r) => ({ memberName: r.memberName, applicationId: r.applicationId, reason: r.reason }));

/** What an audit event keeps of a meeting. */
const snapshot = (m: CommitteeMeetingEntity) => ({
  heldOn: m.heldOn,
  place: m.place,
  members: m.members,
  recusals: m.recusals,
  status: m.status,
});

function notEvaluating(call: CallEntity): AppException {
  return AppException.conflict(
    'INVALID_STATE',
    `The committee meets while the call is being evaluated (it is ${call.status}).`,
    { status: fieldError('WRONG_STATE', { status: call.status, allowed: 'evaluating' }) },
  );
}

function approved(meeting: CommitteeMeetingEntity): AppException {
  return AppException.conflict(
    'INVALID_STATE',
    'The minutes of this meeting are approved: they no longer change (a later change needs a new meeting).',
    { status: fieldError('WRONG_STATE', { status: meeting.status, allowed: 'draft' }) },
  );
}

/**
 * The evaluation committee's meetings (product.md "Committee and resolution"): officers record the date, place,
 * members with role and attendance and the recusals; the agenda is the call's live ranking; approval checks the
 * quorum (Llei 40/2015 art. 17, `quorum` of libs/domain) and a complete ranking, and freezes that ranking in the
 * meeting. Every change is audited; writes take the call's lock, so that two approvals never both pass.
 */
@Injectable()
export class CommitteeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rankings: RankingService,
    private readonly audit: AuditService,
  ) {}

  async create(callId: string, dto: CreateMeetingDto): Promise<MeetingResponse> {
    return this.dataSource.transaction(async (m) => {
      const call = await lockCall(m, callId);
      if (call.status !== 'evaluating') throw notEvaluating(call);
      const ranking = await this.rankings.rankingIn(m, call);
      const members = storedMembers(dto.members ?? []);
      const recusals = storedRecusals(dto.recusals ?? []);
      this.check(members, recusals, ranking);
      const repo = m.getRepository(CommitteeMeetingEntity);
      const meeting = await repo.save(
        repo.create({
          callId,
          heldOn: dto.heldOn,
          place: dto.place,
          members,
          recusals,
          status: 'draft',
          ranking: null,
        }),
      );
      await this.audit.record(m, {
        action: 'committee.meeting_created',
        subjectType: SUBJECT,
        subjectId: meeting.id,
        after: { callId, ...snapshot(meeting) },
      });
      return this.toResponse(meeting, ranking);
    });
  }

  async update(id: string, dto: UpdateMeetingDto): Promise<MeetingResponse> {
    return this.dataSource.transaction(async (m) => {
      const { meeting, call } = await this.lock(m, id);
      if (meeting.version !== dto.version) throw AppException.staleVersion();
      if (meeting.status !== 'draft') throw approved(meeting);
      if (call.status !== 'evaluating') throw notEvaluating(call);
      const before = snapshot(meeting);
      const ranking = await this.rankings.rankingIn(m, call);
      if (dto.heldOn !== undefined) meeting.heldOn = dto.heldOn;
      if (dto.place !== undefined) meeting.place = dto.place;
      if (dto.members !== undefined) meeting.members = storedMembers(dto.members);
      if (dto.recusals !== undefined) meeting.recusals = storedRecusals(dto.recusals);
      this.check(meeting.members, meeting.recusals, ranking);
      const saved = await m.getRepository(CommitteeMeetingEntity).save(meeting);
      await this.audit.record(m, {
        action: 'committee.meeting_updated',
        subjectType: SUBJECT,
        subjectId: saved.id,
        before,
        after: snapshot(saved),
      });
      return this.toResponse(saved, ranking);
    });
  }

  /**
   * Approves the minutes: the version read, quorum (`422 QUORUM_NOT_REACHED` naming what is missing), a complete
   * ranking (`422 RANKING_INCOMPLETE` naming the pending applications); the ranking is frozen in the meeting.
   */
  async approve(userId: string, id: string, dto: ApproveMeetingDto): Promise<MeetingResponse> {
    return this.dataSource.transaction(async (m) => {
      const { meeting, call } = await this.lock(m, id);
      if (meeting.status !== 'draft') throw approved(meeting);
      if (meeting.version !== dto.version) throw AppException.staleVersion();
      if (call.status !== 'evaluating') throw notEvaluating(call);
      const q = quorum(meeting.members);
      if (!q.reached) {
        throw new AppException(
          422,
          'QUORUM_NOT_REACHED',
          `The committee has no quorum (${q.votingPresent} of ${q.voting} voting members present, ${q.required} needed; president and secretary present).`,
          quorumErrors(q.issues, q),
        );
      }
      const ranking = await this.rankings.rankingIn(m, call);
      const pending = ranking.items.filter((i) => i.outcome === 'pending');
      if (!ranking.complete || pending.length) {
        const errors: FieldIssues = {};
        for (const i of pending) {
          errors[`applications.${i.applicationId}`] = [
            fieldIssue('WRONG_STATE', { status: 'pending', registryNumber: i.registryNumber ?? '—' }),
          ];
        }
        throw new AppException(
          422,
          'RANKING_INCOMPLETE',
          `The ranking is not complete: ${pending.map((i) => i.registryNumber ?? i.applicationId).join(', ')}.`,
          errors,
        );
      }
      this.check(meeting.members, meeting.recusals, ranking);
      meeting.status = 'approved';
      meeting.ranking = ranking;
      meeting.approvedAt = new Date();
      meeting.approvedBy = userId;
      const saved = await m.getRepository(CommitteeMeetingEntity).save(meeting);
      const minutes = await this.storeMinutes(m, saved, call, ranking);
      await this.audit.record(m, {
        action: 'committee.minutes_approved',
        subjectType: SUBJECT,
        subjectId: saved.id,
        before: { status: 'draft' },
        after: {
          status: 'approved',
          minutesSha256: minutes,
          quorum: q,
          allocated: ranking.allocated,
          items: ranking.items.map((i) => ({
            applicationId: i.applicationId,
            rank: i.rank,
            total: i.total,
            outcome: i.outcome,
            award: i.award,
          })),
        },
      });
      return this.toResponse(saved, ranking);
    });
  }

  /**
   * The minutes of an approved meeting as stored at its approval, in `lang` (default: the reader's). Officers read
   * them at once; viewers and finance once the call is provisionally resolved (409 before); a draft has none (409).
   */
  async minutes(user: AuthUser, id: string, lang?: Locale): Promise<{ fileName: string; pdf: Buffer }> {
    const meeting = await this.dataSource.getRepository(CommitteeMeetingEntity).findOneBy({ id });
    if (!meeting) throw AppException.notFound('committee meeting');
    if (!hasPermission(user.roles, 'evaluations.manage')) {
      const call = await this.dataSource.getRepository(CallEntity).findOneByOrFail({ id: meeting.callId });
      if (!PUBLIC_CALL_STATES.includes(call.status)) {
        throw AppException.conflict(
          'INVALID_STATE',
          `The minutes are public once the call is provisionally resolved (it is ${call.status}).`,
          {
            status: fieldError('WRONG_STATE', {
              status: call.status,
              allowed: PUBLIC_CALL_STATES.join(', '),
            }),
          },
        );
      }
    }
    if (meeting.status !== 'approved') {
      throw AppException.conflict('INVALID_STATE', 'A meeting has minutes once they are approved.', {
        status: fieldError('WRONG_STATE', { status: meeting.status, allowed: 'approved' }),
      });
    }
    const locale: Locale = lang ?? (isLocale(user.locale) ? user.locale : 'ca');
    const stored = await this.dataSource
      .getRepository(CommitteeMinutesEntity)
      .findOneByOrFail({ meetingId: id, locale });
    return { fileName: `acta-${meeting.heldOn}-${meeting.id.slice(0, 8)}.pdf`, pdf: stored.content };
  }

  /** Renders the minutes in every language and stores them (never again); returns each file's SHA-256. */
  private async storeMinutes(
    m: EntityManager,
    meeting: CommitteeMeetingEntity,
    call: CallEntity,
    ranking: RankingResponse,
  ): Promise<Record<string, string>> {
    const registry = new Map(ranking.items.map((i) => [i.applicationId, i.registryNumber]));
    const conflicts = (await m.query(
      `SELECT u.name AS evaluator_name, a.registry_number, s.declaration_note
         FROM assignments s JOIN users u ON u.id = s.evaluator_id JOIN applications a ON a.id = s.application_id
        WHERE s.call_id = $1 AND s.status = 'conflict_declared'
        ORDER BY a.registry_number NULLS LAST, u.name, s.id`,
      [call.id],
    )) as { evaluator_name: string; registry_number: string | null; declaration_note: string | null }[];
    const data: MinutesData = {
      meetingId: meeting.id,
      heldOn: meeting.heldOn,
      place: meeting.place,
      approvedAt: meeting.approvedAt as Date,
      call: { code: call.code, title: call.title },
      members: meeting.members,
      quorum: quorum(meeting.members),
      recusals: meeting.recusals.map((r) => ({
        memberName: r.memberName,
        registryNumber: registry.get(r.applicationId) ?? null,
        reason: r.reason,
      })),
      conflicts: conflicts.map((c) => ({
        evaluatorName: c.evaluator_name,
        registryNumber: c.registry_number,
        note: c.declaration_note,
      })),
      ranking,
    };
    const hashes: Record<string, string> = {};
    for (const locale of LOCALES) {
      const content = await renderMinutes(data, locale);
      const sha256 = createHash('sha256').update(content).digest('hex');
      await m.insert(CommitteeMinutesEntity, { meetingId: meeting.id, locale, content, sha256 });
      hashes[locale] = sha256;
    }
    return hashes;
  }

  async get(id: string): Promise<MeetingResponse> {
    return this.dataSource.transaction('REPEATABLE READ', async (m) => {
      const meeting = await m.getRepository(CommitteeMeetingEntity).findOneBy({ id });
      if (!meeting) throw AppException.notFound('committee meeting');
      const call = await m.getRepository(CallEntity).findOneByOrFail({ id: meeting.callId });
      const ranking = meeting.ranking ?? (await this.rankings.rankingIn(m, call));
      return this.toResponse(meeting, ranking);
    });
  }

  async list(callId: string): Promise<MeetingList> {
    const call = await this.dataSource.getRepository(CallEntity).findOneBy({ id: callId });
    if (!call) throw AppException.notFound('call');
    const rows = await this.dataSource
      .getRepository(CommitteeMeetingEntity)
      .find({ where: { callId }, order: { createdAt: 'DESC', id: 'DESC' } });
    return {
      items: rows.map((r) => ({
        id: r.id,
        callId: r.callId,
        heldOn: r.heldOn,
        place: r.place,
        members: r.members.length,
        quorumReached: quorum(r.members).reached,
        status: r.status,
        approvedAt: r.approvedAt?.toISOString() ?? null,
        version: r.version,
      })),
    };
  }

  /** The meeting and its call, the call locked first (the order every committee write takes). */
  private async lock(m: EntityManager, id: string) {
    const found = await m.getRepository(CommitteeMeetingEntity).findOneBy({ id });
    if (!found) throw AppException.notFound('committee meeting');
    const call = await lockCall(m, found.callId);
    const meeting = await m
      .getRepository(CommitteeMeetingEntity)
      .createQueryBuilder('cm')
      .setLock('pessimistic_write')
      .where('cm.id = :id', { id })
      .getOneOrFail();
    return { meeting, call };
  }

  /** 400 when the members or recusals break the composition rules (against the agenda's applications). */
  private check(
    members: StoredMember[],
    recusals: CommitteeMeetingEntity['recusals'],
    ranking: RankingResponse,
  ) {
    const errors = committeeErrors(members, recusals, new Set(ranking.items.map((i) => i.applicationId)));
    const issues: FieldIssues = {};
    for (const [path, code] of Object.entries(errors)) issues[path] = [fieldIssue(code)];
    if (Object.keys(issues).length) throw AppException.validation(issues);
  }

  private toResponse(meeting: CommitteeMeetingEntity, agenda: RankingResponse): MeetingResponse {
    const q = quorum(meeting.members);
    return {
      id: meeting.id,
      callId: meeting.callId,
      heldOn: meeting.heldOn,
      place: meeting.place,
      members: meeting.members,
      recusals: meeting.recusals,
      quorumReached: q.reached,
      quorum: q,
      agenda,
      status: meeting.status,
      approvedAt: meeting.approvedAt?.toISOString() ?? null,
      createdAt: meeting.createdAt.toISOString(),
      version: meeting.version,
    };
  }
}

/** The field issues of a missing quorum: on `members`, one per condition the meeting misses. */
function quorumErrors(issues: readonly QuorumIssue[], q: ReturnType<typeof quorum>): FieldIssues {
  const out: FieldIssues = {};
  for (const issue of issues) {
    if (issue === 'PRESIDENT_ABSENT') out['members.president'] = fieldError('REQUIRED');
    if (issue === 'SECRETARY_ABSENT') out['members.secretary'] = fieldError('REQUIRED');
    if (issue === 'TOO_FEW_VOTING_MEMBERS' || issue === 'NO_VOTING_MEMBERS') {
      out['members.present'] = fieldError('TOO_FEW', { min: Math.max(q.required, 1) });
    }
  }
  return out;
}
