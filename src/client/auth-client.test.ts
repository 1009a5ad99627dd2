import {expect} from '@open-wc/testing';
import {waitUntil} from '../../test/helpers.js';
import {AuthClient} from './auth-client.js';
import {MemoryAdapter} from './adapters/memory.js';
import {AuthError, type AuthErrorCode} from './errors.js';
import {RetrySchedule} from './retry-schedule.js';
import type {AuthStatus, SessionInfo} from './types.js';

const ADA = {name: 'Ada Lovelace', email: 'ada@example.com', password: 'analytical1'};

/** A memory adapter whose session checks fail with `failure` while it is set. */
class FlakyAdapter extends MemoryAdapter {
  failure: AuthErrorCode | null = 'network';
  retryAfter?: number;
  checks = 0;

  override getSession(): Promise<SessionInfo | null> {
    this.checks++;
    if (this.failure) return Promise.reject(new AuthError(this.failure, this.failure, {retryAfter: this.retryAfter}));
    return super.getSession();
  }
}

/** A flaky adapter with Ada already signed in on the "server". */
async function signedInFlaky(): Promise<FlakyAdapter> {
  const adapter = new FlakyAdapter({users: [ADA]});
  await adapter.signInWithPassword(ADA);
  return adapter;
}

function recordStatuses(client: AuthClient): AuthStatus[] {
  const seen: AuthStatus[] = [client.state.status];
  client.subscribe((state) => seen.push(state.status));
  return seen;
}

describe('AuthClient session state', () => {
  const clients: AuthClient[] = [];
  const make = (adapter: FlakyAdapter, retry: {baseDelayMs: number; maxDelayMs?: number} | false = {baseDelayMs: 60_000}) => {
    const client = new AuthClient({adapter, syncTabs: false, retry});
    clients.push(client);
    return client;
  };
  afterEach(() => clients.splice(0).forEach((client) => client.dispose()));

  for (const code of ['network', 'server', 'rate_limited', 'malformed_response'] as const) {
    it(`is unavailable, never signed out, when the first check fails with ${code}`, async () => {
      const adapter = await signedInFlaky();
      adapter.failure = code;
      const client = make(adapter);
      const statuses = recordStatuses(client);
      const errors: AuthError[] = [];
      client.onError((error) => errors.push(error));
      await client.ready;
      expect(client.state.status).to.equal('unavailable');
      expect(client.state.error?.code).to.equal(code);
      expect(client.user).to.equal(null);
      expect(statuses).to.not.include('signed-out');
      expect(errors.map((error) => error.code)).to.deep.equal([code]);
    });
  }

  it('retries with backoff until the API answers, then knows who is signed in', async () => {
    const adapter = await signedInFlaky();
    const client = make(adapter, {baseDelayMs: 10, maxDelayMs: 40});
    await client.ready;
    await waitUntil(() => adapter.checks >= 3, 'it never retried by itself');
    expect(client.state.status).to.equal('unavailable');
    adapter.failure = null;
    await waitUntil(() => client.state.status === 'signed-in', 'it never recovered');
    expect(client.user?.email).to.equal(ADA.email);
    expect(client.state.error).to.equal(null);
    const checks = adapter.checks;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(adapter.checks, 'it stops retrying once answered').to.equal(checks);
  });

  it('retries at once when the browser comes back online', async () => {
    const adapter = await signedInFlaky();
    const client = make(adapter);
    await client.ready;
    adapter.failure = null;
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => client.state.status === 'signed-in', 'the online event did not retry');
  });

  it('retries at once when the tab becomes visible again', async () => {
    const adapter = await signedInFlaky();
    const client = make(adapter);
    await client.ready;
    adapter.failure = null;
    expect(document.visibilityState).to.equal('visible');
    document.dispatchEvent(new Event('visibilitychange'));
    await waitUntil(() => client.state.status === 'signed-in', 'visibilitychange did not retry');
  });

  it('listens for online and visibilitychange only while unavailable', async () => {
    const adapter = await signedInFlaky();
    adapter.failure = null;
    const client = make(adapter);
    await client.ready;
    const checks = adapter.checks;
    window.dispatchEvent(new Event('online'));
    document.dispatchEvent(new Event('visibilitychange'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(adapter.checks).to.equal(checks);
  });

  it('keeps a known state when a later check fails, and reports the error', async () => {
    const adapter = await signedInFlaky();
    adapter.failure = null;
    const client = make(adapter);
    await client.ready;
    expect(client.state.status).to.equal('signed-in');
    adapter.failure = 'server';
    const errors: AuthError[] = [];
    client.onError((error) => errors.push(error));
    await client.refresh();
    expect(client.state.status).to.equal('signed-in');
    expect(errors.map((error) => error.code)).to.deep.equal(['server']);
  });

  it('shares one request between concurrent checks', async () => {
    const adapter = await signedInFlaky();
    adapter.failure = null;
    const client = make(adapter);
    await client.ready;
    const before = adapter.checks;
    await Promise.all([client.refresh(), client.refresh(), client.refresh()]);
    expect(adapter.checks - before).to.equal(1);
  });

  it('stops retrying when disposed', async () => {
    const adapter = await signedInFlaky();
    const client = make(adapter, {baseDelayMs: 10, maxDelayMs: 10});
    await client.ready;
    client.dispose();
    const checks = adapter.checks;
    window.dispatchEvent(new Event('online'));
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(adapter.checks).to.equal(checks);
  });

  it('does not retry by itself with retry: false', async () => {
    const adapter = await signedInFlaky();
    const client = make(adapter, false);
    await client.ready;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(adapter.checks).to.equal(1);
    expect(client.state.status).to.equal('unavailable');
  });
});

describe('RetrySchedule', () => {
  const realRandom = Math.random;
  afterEach(() => (Math.random = realRandom));

  it('doubles the wait up to the maximum, with ±20 % jitter', () => {
    const schedule = new RetrySchedule(() => {}, {baseDelayMs: 1000, maxDelayMs: 8000});
    const error = new AuthError('network');
    Math.random = () => 0.5;
    const waits = [];
    for (let i = 0; i < 6; i++) {
      waits.push(schedule.nextDelay(error));
      schedule.failed(error);
    }
    schedule.stop();
    expect(waits).to.deep.equal([1000, 2000, 4000, 8000, 8000, 8000]);
    Math.random = () => 0;
    expect(schedule.nextDelay(error)).to.equal(6400);
    Math.random = () => 0.999999;
    expect(schedule.nextDelay(error)).to.equal(9600);
  });

  it('never retries sooner than a 429 asks', () => {
    const schedule = new RetrySchedule(() => {}, {baseDelayMs: 1000});
    Math.random = () => 0.5;
    expect(schedule.nextDelay(new AuthError('rate_limited', 'x', {retryAfter: 45}))).to.equal(45_000);
  });

  it('starts over after a success', () => {
    const schedule = new RetrySchedule(() => {}, {baseDelayMs: 100});
    Math.random = () => 0.5;
    const error = new AuthError('server');
    schedule.failed(error);
    schedule.failed(error);
    expect(schedule.nextDelay(error)).to.equal(400);
    schedule.succeeded();
    expect(schedule.nextDelay(error)).to.equal(100);
  });
});
