import t from 'tap';
import { DEFAULT_RETRY_POLICY, backoffDelay, parseRetryAfter } from '../src/retry.ts';

t.test('parseRetryAfter reads delay-seconds', async (t) => {
  t.equal(parseRetryAfter('3'), 3000);
  t.equal(parseRetryAfter(' 0 '), 0);
});

t.test('parseRetryAfter reads an HTTP date relative to now', async (t) => {
  const now = Date.parse('2026-11-27T12:00:00Z');
  t.equal(parseRetryAfter('Fri, 27 Nov 2026 12:00:05 GMT', now), 5000);
  t.equal(parseRetryAfter('Fri, 27 Nov 2026 11:59:00 GMT', now), 0, 'a date in the past means now');
});

t.test('parseRetryAfter answers null for a missing or unreadable value', async (t) => {
  t.equal(parseRetryAfter(null), null);
  t.equal(parseRetryAfter('soon'), null);
  t.equal(parseRetryAfter('-1'), null);
});

t.test('backoffDelay doubles from the base, stays within its jitter band and is capped', async (t) => {
  const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 100, maxDelayMs: 1000 };
  t.equal(backoffDelay(0, policy, () => 0), 50);
  t.equal(backoffDelay(0, policy, () => 1), 100);
  t.equal(backoffDelay(2, policy, () => 0), 200);
  t.equal(backoffDelay(2, policy, () => 1), 400);
  t.equal(backoffDelay(10, policy, () => 1), 1000, 'capped at maxDelayMs');
  t.equal(backoffDelay(10, policy, () => 0), 500);
});
