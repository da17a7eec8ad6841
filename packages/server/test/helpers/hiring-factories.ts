import type { TestApp } from './app.ts';
import { makeMember } from './factories.ts';

/** Hiring fixtures made through the API, with overrides. */

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export const anchors = (name: string) => [1, 2, 3, 4, 5].map((score) => ({ score, anchor: `${name} at level ${score}` }));

export function dimension(key: string, weight: number, knockOutMinimum?: number) {
  return { key, name: key.replace(/_/g, ' '), weight, levels: anchors(key), ...(knockOutMinimum ? { knock_out: { minimum: knockOutMinimum } } : {}) };
}

async function created<T>(h: TestApp, url: string, payload: unknown, what: string, key?: string): Promise<T> {
  const res = await h.request({ method: 'POST', url, payload: payload as Record<string, unknown>, ...(key ? { key } : {}) });
  if (res.statusCode !== 201) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  return res.json() as T;
}

export interface RoleView {
  id: string;
  version: number;
  name: string;
  rubric: { version: number; dimensions: Array<{ key: string; weight: number; knock_out: { minimum: number } | null }> };
}

export const makeRole = (h: TestApp, overrides: Record<string, unknown> = {}, key?: string) =>
  created<RoleView>(
    h,
    '/v1/roles',
    { name: `Role ${unique()}`, level: 'operator', dimensions: [dimension('thinking', 2), dimension('learning', 1)], ...overrides },
    'makeRole',
    key,
  );

export const makeCandidate = (h: TestApp, overrides: Record<string, unknown> = {}, key?: string) =>
  created<{ id: string; version: number; name: string | null }>(h, '/v1/candidates', { name: `Candidate ${unique()}`, email: `c${unique()}@example.com`, ...overrides }, 'makeCandidate', key);

export const makeApplication = (h: TestApp, roleId: string, overrides: Record<string, unknown> = {}, key?: string) =>
  (async () => {
    const candidateId = (overrides.candidate_id as string | undefined) ?? (await makeCandidate(h, {}, key)).id;
    return created<{ id: string; version: number; stage: string; candidate_id: string }>(
      h,
      '/v1/applications',
      { role_id: roleId, ...overrides, candidate_id: candidateId },
      'makeApplication',
      key,
    );
  })();

/** Moves an application forward through the given stages. */
export async function moveTo(h: TestApp, applicationId: string, ...stages: string[]) {
  for (const stage of stages) {
    const res = await h.request({ method: 'PATCH', url: `/v1/applications/${applicationId}`, payload: { stage } });
    if (res.statusCode !== 200) throw new Error(`moveTo ${stage}: ${res.statusCode} ${res.body}`);
  }
}

export const makeScorecard = (h: TestApp, applicationId: string, payload: Record<string, unknown>) =>
  created<{ id: string; version: number; rubric_version: number }>(h, `/v1/applications/${applicationId}/scorecards`, payload, 'makeScorecard');

/** A scorecard from `interviewerId` at the screen stage with the given scores (no evidence). */
export const score = (h: TestApp, applicationId: string, interviewerId: string, scores: Record<string, number>, recommendation = 'yes', stage = 'screen') =>
  makeScorecard(h, applicationId, {
    interviewer_id: interviewerId,
    stage,
    recommendation,
    scores: Object.entries(scores).map(([dimension_key, value]) => ({ dimension_key, score: value, evidence: null })),
  });

export const makeInterviewer = (h: TestApp) => makeMember(h, { role: 'operator' });

