import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford base32: no I, L, O, U

/**
 * A new id: `<prefix>_` + 10 characters of millisecond time + 16 random characters
 * (a ULID). Ids sort by creation time, so keyset pages on id follow creation order.
 */
export function newId(prefix: string): string {
  let time = Date.now();
  let timePart = '';
  for (let i = 0; i < 10; i++) {
    timePart = ALPHABET[time % 32] + timePart;
    time = Math.floor(time / 32);
  }
  const bytes = randomBytes(16);
  let randomPart = '';
  for (const byte of bytes) randomPart += ALPHABET[byte % 32];
  return `${prefix}_${timePart}${randomPart}`;
}

/** The prefix of each object type's ids. */
export const ID_PREFIX = {
  workspace: 'ws',
  member: 'mem',
  api_key: 'key',
  audit_event: 'evt',
  sop_template: 'sopt',
  sop_template_version: 'sopv',
  sop_run: 'run',
  checklist: 'chk',
  checklist_task: 'task',
  review: 'rev',
  review_analysis: 'rvan',
  role: 'role',
  question: 'qst',
  candidate: 'cand',
  application: 'appl',
  scorecard: 'scd',
  work_sample: 'wsmp',
  knowledge_framework: 'kfw',
  knowledge_map: 'kmap',
  product: 'prod',
  keyword: 'kwd',
  competitor: 'comp',
  customer_feedback: 'cfb',
  import: 'imp',
  resource: 'res',
  resource_relation: 'rrel',
  alert_rule: 'arul',
  alert: 'alrt',
} as const;
