import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { UserTokenEntity, type UserTokenPurpose } from './user-token.entity';

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** Single-use e-mail tokens: 256 random bits sent to the user, only the SHA-256 stored. */
@Injectable()
export class TokensService {
  async issue(
    m: EntityManager,
    userId: string,
    purpose: UserTokenPurpose,
    ttlSeconds: number,
  ): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    // A new token of a purpose replaces any earlier unused one.
    await m.query(
      `UPDATE user_tokens SET used_at = now() WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL`,
      [userId, purpose],
    );
    await m.insert(UserTokenEntity, {
      userId,
      purpose,
      tokenHash: sha256(token),
      expiresAt: new Date(Date.now() + ttlSeconds * 1000),
    });
    return token;
  }

  /** Marks a valid token used (row-locked) and returns it; null for an unknown, used or expired token. */
  async consume(
    m: EntityManager,
    token: string,
    purposes: UserTokenPurpose[],
  ): Promise<UserTokenEntity | null> {
    const row = await m
      .getRepository(UserTokenEntity)
      .createQueryBuilder('t')
      .setLock('pessimistic_write')
      .where('t.token_hash = :hash', { hash: sha256(token) })
      .andWhere('t.purpose IN (:...purposes)', { purposes })
      .andWhere('t.used_at IS NULL')
      .andWhere('t.expires_at > now()')
      .getOne();
    if (!row) return null;
    await m.update(UserTokenEntity, { id: row.id }, { usedAt: new Date() });
    return row;
  }
}
