// A connection's transaction: MULTI's queue, whether it was spoiled by a queue-time error
// (CLIENT_DIRTY_EXEC in Redis), its WATCHes (db/watches.ts), and whether EXEC is running
// it right now.
//
// RxJS pattern shown (by contrast): a transaction is the connection *buffering* its
// commands instead of running them, then replaying them as one synchronous batch. It
// needs no operator at all: between MULTI and EXEC the session's pipeline goes on
// exactly as before (each request answers +QUEUED at once), and EXEC runs the buffer in
// a plain loop. Because the loop is synchronous, nothing else can run in between: that
// is the whole of Redis's atomicity, here as in Redis.

import type { Replies } from '../../protocol/frame';
import type { ClientInfo } from '../server-state';
import type { Db } from '../../db/db';
import { Watcher } from '../../db/watches';
import type { Observable } from 'rxjs';

/** One queued command, checked and ready to run (the dispatcher builds it). */
export type QueuedCommand = () => Replies | Observable<Replies>;

export class TransactionState {
  /** The queued commands while in MULTI; undefined outside a transaction. */
  private queue: QueuedCommand[] | undefined;
  /** Commands queued (CLIENT LIST's multi=), counted even once the queue stopped keeping them. */
  private queuedCount = 0;
  /** A queue-time error happened (unknown command, arity...): EXEC answers EXECABORT. */
  aborted = false;
  /** EXEC is running the queue: blocking commands must not block, nothing is queued. */
  executing = false;
  /** This connection's watched keys. */
  readonly watcher = new Watcher();

  constructor(
    private readonly db: Db,
    private readonly client: ClientInfo,
  ) {}

  /** Between MULTI and EXEC/DISCARD. */
  get active(): boolean {
    return this.queue !== undefined;
  }

  /** MULTI. */
  begin(): void {
    this.queue = [];
    this.queuedCount = 0;
    this.client.multi = 0;
  }

  /** What the queued commands need before they can run (their `prepare`, see CommandSpec). */
  private needs: (() => Observable<unknown> | undefined)[] = [];

  /** Queues a checked command (the caller answers +QUEUED), with what it needs to run, if anything. */
  enqueue(command: QueuedCommand, prepare?: () => Observable<unknown> | undefined): void {
    // As Redis: once the transaction is bound to fail, the commands are not kept.
    if (!this.aborted && !this.watcher.dirty) {
      this.queue!.push(command);
      if (prepare !== undefined) this.needs.push(prepare);
    }
    this.queuedCount++;
    this.client.multi = this.queuedCount;
  }

  /** A command refused at queue time inside MULTI: EXEC will answer EXECABORT (Redis's flagTransaction). */
  flag(): void {
    if (this.active) this.aborted = true;
  }

  /**
   * What EXEC must wait for before running the queue, if anything: a queued EVAL's
   * engine still loading. Asked again after the wait, it answers nothing.
   */
  pending(): Observable<unknown>[] {
    const pending: Observable<unknown>[] = [];
    for (const prepare of this.needs) {
      const needed = prepare();
      if (needed !== undefined) pending.push(needed);
    }
    return pending;
  }

  /** The queue, for EXEC. */
  commands(): readonly QueuedCommand[] {
    return this.queue ?? [];
  }

  /** Ends the transaction and drops every WATCH (Redis's discardTransaction). */
  discard(): void {
    this.queue = undefined;
    this.needs = [];
    this.queuedCount = 0;
    this.aborted = false;
    this.client.multi = -1;
    this.unwatch();
  }

  /** Drops every WATCH and forgets that one was touched (UNWATCH). */
  unwatch(): void {
    this.db.watches.unwatchAll(this.watcher);
    this.watcher.dirty = false;
  }
}
