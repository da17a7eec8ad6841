import type { SopStepInput, StepField } from '@sellerops/schemas';

/** A built-in template as written in this folder. */
export interface StarterTemplate {
  key: string;
  name: string;
  category: string;
  purpose: string;
  steps: SopStepInput[];
}

/** Field helpers keep the templates readable: one line per piece of data. */
export const number = (key: string, label: string, unit?: string, required = true): StepField => ({ key, label, type: 'number', required, ...(unit ? { unit } : {}) });
export const text = (key: string, label: string, required = true): StepField => ({ key, label, type: 'text', required });
export const date = (key: string, label: string, required = true): StepField => ({ key, label, type: 'date', required });
export const link = (key: string, label: string, required = true): StepField => ({ key, label, type: 'url', required });
export const choice = (key: string, label: string, options: string[], required = true): StepField => ({ key, label, type: 'choice', required, options });

export const MARKETPLACES = ['US', 'CA', 'MX', 'UK', 'DE', 'FR', 'IT', 'ES', 'NL', 'SE', 'PL', 'JP', 'AU', 'SG', 'AE'];
export const LOGISTICS_MODES = ['sea', 'air', 'express', 'rail'];
