// Real npm libraries built on Redis's Lua scripting, run unchanged against our server
// and against a real redis-server (the control, the same expectations):
//
// - redlock 5.0.0-beta.2 with ioredis: a distributed lock (its acquire, extend and
//   release are Lua scripts sent with EVALSHA, retried with EVAL on NOSCRIPT), acquired,
//   contended by a second client, extended, released, acquired by the other;
// - rate-limiter-flexible 11.4.0, RateLimiterRedis: points consumed by a Lua script
//   (defineCommand with ioredis, EVAL with node-redis) until the limiter refuses, and a
//   block written with MULTI;
// - bee-queue 2.0.0, a job queue on lists and Lua only (its scripts are loaded with SCRIPT
//   EXISTS / SCRIPT LOAD and run with EVALSHA; workers wait with BRPOPLPUSH and hear of
//   results by pub/sub), through its own node-redis 3 clients (RESP2): a job created,
//   processed, its result delivered; a failing job retried, then failed.
//
// A test that passes on redis-server and fails on ours names a difference in our server.
// Clients connect through a recording proxy, so a failure also prints the bytes exchanged.
// No sleeps: waits are the libraries' own promises and events, with a deadline.
import Queue from 'bee-queue';
import Redis from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { createClient } from 'redis';
import Redlock, { ExecutionError } from 'redlock';
import { describeTargets, within, type CompatTarget } from '../support/compat-targets';

const WAIT_MS = 5000;

describeTargets(
  'npm libraries built on Lua scripting: redlock, rate-limiter-flexible, bee-queue',
  (target: CompatTarget) => {
    const ioClients = new Set<Redis>();
    const cleanups: (() => Promise<unknown>)[] = [];

    /** `new Redis(port, host)`, default options, waited on until 'ready'. */
    async function ioredis(): Promise<Redis> {
      const client = new Redis(target.port, target.host);
      ioClients.add(client);
      client.on('error', () => undefined); // reported by the failing command instead
      if (client.status !== 'ready') {
        await within(new Promise<void>((resolve) => client.once('ready', () => resolve())), WAIT_MS, "ioredis's 'ready' event");
      }
      return client;
    }

    afterEach(async () => {
      await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
      const closing = [...ioClients].map(async (client) => {
        if (client.status === 'end') return;
        const ended = new Promise<void>((resolve) => client.once('end', () => resolve()));
        client.disconnect();
        await within(ended, WAIT_MS, "ioredis's 'end' event after disconnect()");
      });
      ioClients.clear();
      await Promise.all(closing);
    });

    test('redlock: acquire, contention from a second client, extend, release, then the other acquires', () =>
      target.traced(async () => {
        const alice = await ioredis();
        const bob = await ioredis();
        await alice.script('FLUSH'); // so that the first EVALSHA meets NOSCRIPT and falls back to EVAL
        // No retries: contention shows at once instead of after redlock's retry window.
        const settings = { retryCount: 0, driftFactor: 0.01 };
        const redlockA = new Redlock([alice], settings);
        const redlockB = new Redlock([bob], settings);
        redlockA.on('error', () => undefined);
        redlockB.on('error', () => undefined);

        const mark = target.mark();
        const lock = await redlockA.acquire(['lock:invoice'], 5000);
        expect(await alice.get('lock:invoice')).toBe(lock.value);
        const ttl = await alice.pttl('lock:invoice');
        expect(ttl).toBeGreaterThan(0);
        expect(ttl).toBeLessThanOrEqual(5000);
        // The acquire script went out by its sha first, then as text.
        const sent = target
          .conversations(mark)
          .flatMap((c) => c.exchanges)
          .map((e) => e.command[0].toLowerCase())
          .filter((name) => name.startsWith('eval'));
        expect(sent).toEqual(['evalsha', 'eval']);

        // Bob cannot take it, and his failed attempt leaves Alice's lock as it was.
        await expect(redlockB.acquire(['lock:invoice'], 5000)).rejects.toBeInstanceOf(ExecutionError);
        expect(await bob.get('lock:invoice')).toBe(lock.value);
        // A lock on several resources is all or nothing.
        await expect(redlockB.acquire(['lock:receipt', 'lock:invoice'], 5000)).rejects.toBeInstanceOf(ExecutionError);
        expect(await bob.exists('lock:receipt')).toBe(0);

        // Alice extends it: same value, a longer time to live.
        const extended = await lock.extend(20_000);
        expect(extended.value).toBe(lock.value);
        expect(await alice.pttl('lock:invoice')).toBeGreaterThan(5000);

        // Alice releases; Bob takes it, extends it, releases it.
        await extended.release();
        expect(await alice.exists('lock:invoice')).toBe(0);
        const bobs = await redlockB.acquire(['lock:invoice', 'lock:receipt'], 5000);
        expect(await bob.mget('lock:invoice', 'lock:receipt')).toEqual([bobs.value, bobs.value]);
        await (await bobs.extend(5000)).release();
        expect(await bob.exists('lock:invoice', 'lock:receipt')).toBe(0);

        // using(): a critical section that holds the lock while it runs.
        const result = await redlockA.using(['lock:section'], 5000, async (signal) => {
          expect(signal.aborted).toBe(false);
          expect(await bob.exists('lock:section')).toBe(1);
          return 'done inside the lock';
        });
        expect(result).toBe('done inside the lock');
        expect(await bob.exists('lock:section')).toBe(0);
      }));

    test('rate-limiter-flexible with ioredis: points consumed until refused, other keys apart, reward, block', () =>
      target.traced(async () => {
        const client = await ioredis();
        const limiter = new RateLimiterRedis({ storeClient: client, keyPrefix: 'rl-io', points: 3, duration: 60 });

        const first = await limiter.consume('user:1');
        expect(first.consumedPoints).toBe(1);
        expect(first.remainingPoints).toBe(2);
        expect(first.isFirstInDuration).toBe(true);
        expect(first.msBeforeNext).toBeGreaterThan(50_000);
        expect(first.msBeforeNext).toBeLessThanOrEqual(60_000);
        expect((await limiter.consume('user:1')).remainingPoints).toBe(1);
        expect((await limiter.consume('user:1')).remainingPoints).toBe(0);
        // Past the points, consume() rejects with a RateLimiterRes (not an Error).
        const refused: unknown = await limiter.consume('user:1').then(
          () => 'allowed',
          (res: unknown) => res,
        );
        expect(refused).toBeInstanceOf(RateLimiterRes);
        expect((refused as RateLimiterRes).remainingPoints).toBe(0);
        expect((refused as RateLimiterRes).consumedPoints).toBe(4);
        expect((refused as RateLimiterRes).msBeforeNext).toBeGreaterThan(0);
        // Another key has its own points; two points at once.
        expect((await limiter.consume('user:2', 2)).remainingPoints).toBe(1);
        // The counter is a plain Redis key with a time to live.
        expect(await client.get('rl-io:user:1')).toBe('4');
        expect(await client.ttl('rl-io:user:1')).toBeGreaterThan(50);
        expect((await limiter.get('user:1'))?.consumedPoints).toBe(4);
        expect((await limiter.reward('user:1', 3)).consumedPoints).toBe(1);
        expect((await limiter.consume('user:1')).remainingPoints).toBe(1);
        expect(await limiter.delete('user:1')).toBe(true);
        expect(await limiter.get('user:1')).toBeNull();

        // blockDuration: going past the points blocks the key for longer (a MULTI SET EX).
        const blocking = new RateLimiterRedis({ storeClient: client, keyPrefix: 'rl-block', points: 1, duration: 5, blockDuration: 120 });
        await blocking.consume('ip:1');
        const blocked: unknown = await blocking.consume('ip:1').then(
          () => 'allowed',
          (res: unknown) => res,
        );
        expect(blocked).toBeInstanceOf(RateLimiterRes);
        expect((blocked as RateLimiterRes).msBeforeNext).toBeGreaterThan(100_000);
        expect(await client.ttl('rl-block:ip:1')).toBeGreaterThan(100);
      }));

    test('rate-limiter-flexible with node-redis (useRedisPackage): the same limiter through EVAL with keys and arguments', () =>
      target.traced(async () => {
        const client = createClient({ url: `redis://${target.host}:${target.port}` });
        client.on('error', () => undefined);
        await within(client.connect(), WAIT_MS, 'node-redis connect()');
        cleanups.push(async () => {
          if (client.isOpen) client.destroy();
        });
        const limiter = new RateLimiterRedis({ storeClient: client, useRedisPackage: true, keyPrefix: 'rl-nr', points: 2, duration: 60 });
        expect((await limiter.consume('user:1')).remainingPoints).toBe(1);
        expect((await limiter.consume('user:1')).remainingPoints).toBe(0);
        const refused: unknown = await limiter.consume('user:1').then(
          () => 'allowed',
          (res: unknown) => res,
        );
        expect(refused).toBeInstanceOf(RateLimiterRes);
        expect((refused as RateLimiterRes).consumedPoints).toBe(3);
        expect(await client.get('rl-nr:user:1')).toBe('3');
        expect((await limiter.get('user:1'))?.remainingPoints).toBe(0);
      }));

    test('bee-queue: a job created, processed and its result delivered; a failing job retried, then failed', () =>
      target.traced(async () => {
        const settings = {
          redis: { host: target.host, port: target.port },
          removeOnSuccess: false,
          removeOnFailure: false,
          activateDelayedJobs: false,
        };
        // A producer and a worker, as two processes would have them.
        const producer = new Queue<{ x: number }>('scripting-jobs', { ...settings, isWorker: false, getEvents: true });
        const worker = new Queue<{ x: number }>('scripting-jobs', { ...settings, isWorker: true, getEvents: false });
        // close() rejects again with the error of a failed ready(): the test has said it already.
        cleanups.push(() => Promise.all([producer.close(WAIT_MS), worker.close(WAIT_MS)]).catch(() => undefined));
        const errors: string[] = [];
        producer.on('error', (err) => errors.push(err.message));
        worker.on('error', (err) => errors.push(err.message));
        await within(Promise.all([producer.ready(), worker.ready()]), WAIT_MS, "bee-queue's ready()");

        worker.process(async (job) => {
          if (job.data.x < 0) throw new Error(`cannot double ${job.data.x}`);
          return { doubled: job.data.x * 2 };
        });

        const job = await producer.createJob({ x: 21 }).timeout(WAIT_MS).save();
        expect(job.id).toMatch(/^\d+$/);
        const result = await within(
          new Promise((resolve, reject) => {
            job.on('succeeded', resolve);
            job.on('failed', reject);
          }),
          WAIT_MS,
          "the job's 'succeeded' event",
        );
        expect(result).toEqual({ doubled: 42 });
        const stored = await producer.getJob(job.id);
        expect(stored.status).toBe('succeeded');
        expect(stored.data).toEqual({ x: 21 });

        // A job that fails once is retried (a 'retrying' event), then fails for good.
        const failing = await producer.createJob({ x: -1 }).retries(1).save();
        const retried: string[] = [];
        failing.on('retrying', (err: Error) => retried.push(err.message));
        const failure = await within(
          new Promise<Error>((resolve) => failing.on('failed', resolve)),
          WAIT_MS,
          "the failing job's 'failed' event",
        );
        expect(failure.message).toBe('cannot double -1');
        expect(retried).toEqual(['cannot double -1']);
        expect((await producer.getJob(failing.id)).status).toBe('failed');

        const health = await producer.checkHealth();
        expect(health).toMatchObject({ waiting: 0, active: 0, succeeded: 1, failed: 1, delayed: 0 });
        expect(String(health.newestJob)).toBe(failing.id);
        expect(errors).toEqual([]);
      }));
  },
  { proxy: true },
);
