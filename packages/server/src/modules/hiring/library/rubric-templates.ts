import type { RoleLevel } from '@sellerops/schemas';
import type { StoredDimension } from '../../../db/database.ts';
import { JUNIOR_OPERATOR_DIMENSIONS } from './junior-operator-rubric.ts';
import { SENIOR_OPERATOR_DIMENSIONS } from './senior-operator-rubric.ts';
import { JUNIOR_OPERATOR_QUESTIONS, SENIOR_OPERATOR_QUESTIONS, type StarterQuestion } from './starter-questions.ts';
import { WORK_SAMPLE_DIMENSIONS, WORK_SAMPLE_RUBRIC_KEY } from './work-sample-rubric.ts';

export interface RubricTemplateDefinition {
  key: string;
  kind: 'role' | 'work_sample';
  name: string;
  level: RoleLevel | null;
  description: string;
  dimensions: StoredDimension[];
  questions: StarterQuestion[];
}

/** The rubric library: the same for every workspace; installing copies a template into a role. */
export const RUBRIC_TEMPLATES: RubricTemplateDefinition[] = [
  {
    key: 'senior_operator',
    kind: 'role',
    name: 'Senior operator / operation lead',
    level: 'senior',
    description:
      'Weighs thinking: depth of knowledge, how it is integrated, a systematic understanding of how Amazon ranks and sells, and how problems are broken down. For people who will own product lines and train others.',
    dimensions: SENIOR_OPERATOR_DIMENSIONS,
    questions: SENIOR_OPERATOR_QUESTIONS,
  },
  {
    key: 'junior_operator',
    kind: 'role',
    name: 'Junior operator',
    level: 'junior',
    description:
      'Weighs learning: method, efficiency and attitude, with background signals. Patience is a knock-out: an impatient, restless candidate is rejected unless exceptionally strong.',
    dimensions: JUNIOR_OPERATOR_DIMENSIONS,
    questions: JUNIOR_OPERATOR_QUESTIONS,
  },
  {
    key: WORK_SAMPLE_RUBRIC_KEY,
    kind: 'work_sample',
    name: 'Work sample: market research and sales plan',
    level: null,
    description:
      'The rubric every work sample is scored on. Rewards analysis of the product, competitors, market position and our resources; generic tactics alone score low.',
    dimensions: WORK_SAMPLE_DIMENSIONS,
    questions: [],
  },
];

export function findRubricTemplate(key: string): RubricTemplateDefinition | undefined {
  return RUBRIC_TEMPLATES.find((t) => t.key === key);
}
