import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createTransport, type Transporter } from 'nodemailer';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { OutboxMessageEntity } from './outbox-message.entity';

const MAX_ATTEMPTS = 8;
const LEASE_SECONDS = 120;
const BATCH = 20;

/**
 * Delivers the outbox over SMTP_URL. A message is first leased (locked_until) in its own short transaction with
 * FOR UPDATE SKIP LOCKED, so two workers never take the same one; then sent; then marked sent. A process that dies
 * mid-send leaves the lease to expire and the message is retried, with the same Message-ID (its row id) so the
 * receiving side can recognise a duplicate. Failures back off exponentially and give up after MAX_ATTEMPTS.
 * Without SMTP_URL nothing is sent: messages stay pending and visible in the outbox.
 */
@Injectable()
export class OutboxWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxWorker.name);
  private transporter?: Transporter;
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.smtpUrl) {
      this.logger.warn(
        'SMTP_URL is not set: e-mails stay in the outbox (GET /api/v1/outbox) and are not sent.',
      );
      return;
    }
    this.transporter = createTransport(this.config.smtpUrl);
    const tick = () => {
      if (this.stopped) return;
      this.drain()
        .catch((err) => this.logger.error({ err }, 'outbox delivery failed'))
        .finally(() => {
          if (!this.stopped) this.timer = setTimeout(tick, this.config.outboxPollMs);
        });
    };
    this.timer = setTimeout(tick, Math.min(this.config.outboxPollMs, 1000));
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
    this.transporter?.close();
  }

  /** No more timed deliveries, only drain(): for a test that drives delivery itself, so nothing races it. */
  async stopPolling(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** Sends every due message once; returns how many were sent. Used by the timer and by tests. */
  drain(): Promise<number> {
    if (!this.running) {
      this.running = this.drainBatches().finally(() => (this.running = undefined));
    }
    return this.running;
  }

  private async drainBatches(): Promise<number> {
    if (!this.transporter) return 0;
    let sent = 0;
    for (;;) {
      const batch = await this.lease();
      if (!batch.length) return sent;
      for (const message of batch) {
        if (await this.deliver(message)) sent += 1;
      }
    }
  }

  private async lease(): Promise<OutboxMessageEntity[]> {
    return this.dataSource.transaction(async (m) => {
      const rows: { id: string }[] = await m.query(
        `SELECT id FROM outbox_messages
          WHERE status = 'pending' AND next_attempt_at <= now() AND (locked_until IS NULL OR locked_until < now())
          ORDER BY created_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [BATCH],
      );
      if (!rows.length) return [];
      const ids = rows.map((r) => r.id);
      await m.query(
        `UPDATE outbox_messages SET locked_until = now() + ($2 || ' seconds')::interval WHERE id = ANY($1)`,
        [ids, String(LEASE_SECONDS)],
      );
      return m
        .getRepository(OutboxMessageEntity)
        .createQueryBuilder('o')
        .whereInIds(ids)
        .orderBy('o.created_at')
        .getMany();
    });
  }

  private async deliver(message: OutboxMessageEntity): Promise<boolean> {
    try {
      await this.transporter!.sendMail({
        from: this.config.mailFrom,
        to: message.to,
        subject: message.subject,
        text: message.text,
        messageId: `<${message.id}@cofinanca>`,
        headers: { 'Content-Language': message.locale },
      });
      await this.dataSource.query(
        `UPDATE outbox_messages SET status = 'sent', sent_at = now(), attempts = attempts + 1, locked_until = NULL, last_error = NULL WHERE id = $1`,
        [message.id],
      );
      return true;
    } catch (err) {
      const attempts = message.attempts + 1;
      const status = attempts >= MAX_ATTEMPTS ? 'failed' : 'pending';
      const backoffSeconds = Math.min(2 ** attempts * 30, 6 * 3600);
      this.logger.warn({ err, outboxId: message.id, attempts }, 'e-mail not delivered');
      await this.dataSource.query(
        `UPDATE outbox_messages SET status = $2, attempts = $3, last_error = $4, locked_until = NULL,
                next_attempt_at = now() + ($5 || ' seconds')::interval WHERE id = $1`,
        [
          message.id,
          status,
          attempts,
          String((err as Error).message ?? err).slice(0, 1000),
          String(backoffSeconds),
        ],
      );
      return false;
    }
  }
}
