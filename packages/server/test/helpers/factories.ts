import type { TestApp } from './app.ts';

/** Factories with overrides: each makes one object through the API and returns it. */

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export async function makeMember(h: TestApp, overrides: Record<string, unknown> = {}, key?: string) {
  const res = await h.request({
    method: 'POST',
    url: '/v1/members',
    payload: { name: `Member ${unique()}`, email: `m${unique()}@example.com`, role: 'operator', ...overrides },
    ...(key ? { key } : {}),
  });
  if (res.statusCode !== 201) throw new Error(`makeMember: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; version: number; email: string; name: string; active: boolean };
}

export async function makeApiKey(h: TestApp, scopes: string[] = ['sop:read'], key?: string) {
  const res = await h.request({ method: 'POST', url: '/v1/api-keys', payload: { name: `Key ${unique()}`, scopes }, ...(key ? { key } : {}) });
  if (res.statusCode !== 201) throw new Error(`makeApiKey: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; secret: string; version: number };
}
