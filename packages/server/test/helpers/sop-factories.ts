import type { TestApp } from './app.ts';

/** Factories for SOP objects, made through the API like the other factories. */

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

/** A small diamond: research -> (copy, images) -> launch. Copy records typed fields. */
export const DIAMOND_STEPS = [
  { key: 'research', title: 'Research', default_role: 'operator', due_offset_days: 2 },
  {
    key: 'copy',
    title: 'Write copy',
    default_role: 'copywriter',
    depends_on: ['research'],
    due_offset_days: 3,
    fields: [
      { key: 'title', label: 'Title', type: 'text', required: true },
      { key: 'bullets', label: 'Bullet count', type: 'number', required: true },
      { key: 'live_on', label: 'Live on', type: 'date', required: false },
      { key: 'tone', label: 'Tone', type: 'choice', required: false, options: ['plain', 'playful'] },
      { key: 'doc', label: 'Document', type: 'url', required: false },
    ],
  },
  { key: 'images', title: 'Images', default_role: 'designer', depends_on: ['research'], due_offset_days: 5 },
  { key: 'launch', title: 'Launch', default_role: 'operator', depends_on: ['copy', 'images'], due_offset_days: 1 },
];

export async function makeTemplate(h: TestApp, overrides: Record<string, unknown> = {}, key?: string) {
  const res = await h.request({
    method: 'POST',
    url: '/v1/sop-templates',
    payload: { key: `tpl_${unique()}`, name: 'Diamond', category: 'testing', purpose: 'To test runs', steps: DIAMOND_STEPS, ...overrides },
    ...(key ? { key } : {}),
  });
  if (res.statusCode !== 201) throw new Error(`makeTemplate: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; key: string; version: number; latest_version: number; steps: Array<{ key: string }> };
}

export interface RunBody {
  template_id: string;
  assignees: { steps?: Record<string, string>; roles?: Record<string, string> };
  [field: string]: unknown;
}

export async function startRun(h: TestApp, body: RunBody, key?: string) {
  const res = await h.request({ method: 'POST', url: '/v1/sop-runs', payload: body, ...(key ? { key } : {}) });
  if (res.statusCode !== 201) throw new Error(`startRun: ${res.statusCode} ${res.body}`);
  return res.json() as SopRunBody;
}

export interface SopRunBody {
  id: string;
  version: number;
  status: string;
  template_version: number;
  due_date: string;
  progress: { total: number; done: number; skipped: number; ratio: number; blocked: number; in_progress: number; todo: number };
  overdue_steps: string[];
  blocked_steps: string[];
  steps: Array<{ key: string; status: string; assignee_id: string; due_date: string; overdue: boolean; waiting_on: string[]; data: Record<string, unknown> | null; notes: Array<{ text: string }>; block_reason: string | null; skip_reason: string | null }>;
}

/** A diamond template and a run of it with one member per role. */
export async function makeRun(h: TestApp, members: { operator: string; copywriter: string; designer: string }, extra: Record<string, unknown> = {}) {
  const template = await makeTemplate(h);
  const run = await startRun(h, { template_id: template.id, assignees: { roles: members }, ...extra });
  return { template, run };
}

export async function moveStep(h: TestApp, runId: string, step: string, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  return h.request({ method: 'PATCH', url: `/v1/sop-runs/${runId}/steps/${step}`, payload: body, headers });
}
