import type { AuthUser } from '../../common/request-context';

/** How long a checked session is trusted without asking the database again. */
export const SESSION_CACHE_TTL_MS = 5_000;
/** At most this many sessions are remembered (the oldest checked goes first). */
export const SESSION_CACHE_MAX = 10_000;

interface Entry {
  user: AuthUser;
  /** When the database said so: a revocation after this instant makes the entry worthless. */
  checkedAt: number;
  /** The session's own end (the cache never outlives it). */
  expiresAt: number;
}

/**
 * The session check of the last few seconds, in this process: a request with the same token within
 * `SESSION_CACHE_TTL_MS` is not asked to the database again. Revocation stays immediate: whatever revokes sessions
 * (logout, deactivation, a change of roles or password, a member removed) calls `revokeSession` or `revokeUser`
 * after its transaction commits; that forgets the entries and marks the instant, so that a check that read the
 * database before the revocation committed cannot put a stale entry back. Bounded in size and in time.
 */
export class SessionCache {
  private readonly entries = new Map<string, Entry>();
  /** Revocation instants by user id and by session id, kept as long as an entry could predate them. */
  private readonly revokedUsers = new Map<string, number>();
  private readonly revokedSessions = new Map<string, number>();

  constructor(
    private readonly ttlMs = SESSION_CACHE_TTL_MS,
    private readonly max = SESSION_CACHE_MAX,
    private readonly now: () => number = Date.now,
  ) {}

  /** The user of a session checked less than the TTL ago and revoked since by nobody. */
  get(sessionId: string, userId: string): AuthUser | null {
    const entry = this.entries.get(sessionId);
    if (!entry) return null;
    const now = this.now();
    if (
      entry.user.id !== userId ||
      now - entry.checkedAt >= this.ttlMs ||
      now >= entry.expiresAt ||
      this.revokedSince(entry.user.id, sessionId, entry.checkedAt)
    ) {
      this.entries.delete(sessionId);
      return null;
    }
    return entry.user;
  }

  /** Remembers a check that began at `checkedAt` (before the query: a revocation racing it wins). */
  set(user: AuthUser, checkedAt: number, expiresAt: Date): void {
    if (this.revokedSince(user.id, user.sessionId, checkedAt)) return;
    this.entries.delete(user.sessionId);
    this.entries.set(user.sessionId, { user, checkedAt, expiresAt: expiresAt.getTime() });
    while (this.entries.size > this.max) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
    this.prune();
  }

  revokeSession(sessionId: string): void {
    this.entries.delete(sessionId);
    this.revokedSessions.delete(sessionId); // re-inserted: the marks stay in time order
    this.revokedSessions.set(sessionId, this.now());
  }

  /** Every session of this user (deactivated, roles or password changed, profile changed). */
  revokeUser(userId: string): void {
    for (const [id, entry] of this.entries) if (entry.user.id === userId) this.entries.delete(id);
    this.revokedUsers.delete(userId);
    this.revokedUsers.set(userId, this.now());
  }

  /** The cache's clock: take it before reading the database, and give it to `set`. */
  clock(): number {
    return this.now();
  }

  get size(): number {
    return this.entries.size;
  }

  private revokedSince(userId: string, sessionId: string, checkedAt: number): boolean {
    const byUser = this.revokedUsers.get(userId);
    const bySession = this.revokedSessions.get(sessionId);
    return (
      (byUser !== undefined && byUser >= checkedAt) || (bySession !== undefined && bySession >= checkedAt)
    );
  }

  /** Revocation marks older than the TTL cannot matter any more (no entry is that old). */
  private prune(): void {
    const limit = this.now() - this.ttlMs;
    for (const marks of [this.revokedUsers, this.revokedSessions]) {
      for (const [id, at] of marks) {
        if (at < limit) marks.delete(id);
        else break; // insertion order is time order
      }
    }
  }
}
