import { createServer, connect, type Server, type Socket } from 'node:net';

/** A loopback TCP proxy to the database that a test can cut and restore, to see the app lose and regain it. */
export class TcpProxy {
  private server?: Server;
  private sockets = new Set<Socket>();
  port = 0;

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  async start(port = 0): Promise<void> {
    this.server = createServer((client) => {
      const upstream = connect(this.targetPort, this.targetHost);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => s.destroy());
      }
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    const address = this.server.address();
    this.port = typeof address === 'object' && address ? address.port : port;
  }

  /** Closes the listener and every open connection. */
  async cut(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = undefined;
  }

  /** Listens again on the same port. */
  restore(): Promise<void> {
    return this.start(this.port);
  }

  /**
   * Cuts every connection, then answers each new one as a PostgreSQL server refusing sessions does: a FATAL
   * ErrorResponse with this SQLSTATE (e.g. 53300 "too many clients", 57P03 "starting up") instead of a session.
   */
  async refuseSessions(sqlstate: string, message: string): Promise<void> {
    await this.cut();
    const field = (type: string, value: string) =>
      Buffer.concat([Buffer.from(type), Buffer.from(`${value}\0`)]);
    const fields = Buffer.concat([
      field('S', 'FATAL'),
      field('V', 'FATAL'),
      field('C', sqlstate),
      field('M', message),
      Buffer.from([0]),
    ]);
    const length = Buffer.alloc(4);
    length.writeInt32BE(fields.length + 4);
    const errorResponse = Buffer.concat([Buffer.from('E'), length, fields]);
    this.server = createServer((client) => {
      this.sockets.add(client);
      client.on('close', () => this.sockets.delete(client));
      client.on('error', () => client.destroy());
      // The client speaks first (its startup message); the answer is the refusal, then the end.
      client.once('data', () => client.end(errorResponse));
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
  }
}
