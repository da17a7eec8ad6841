import type { StoredDimension } from '../../../db/database.ts';
import { levels } from './levels.ts';

/**
 * Junior operators are hired for how they learn: method, efficiency and attitude,
 * with background signals. Patience is a knock-out: an impatient, restless candidate
 * is rejected unless exceptionally strong, because the work is repetitive daily data
 * checking that pays off over months.
 */
export const JUNIOR_OPERATOR_DIMENSIONS: StoredDimension[] = [
  {
    key: 'learning_method',
    name: 'Learning method',
    description: 'How do they learn something new: sources, notes, practice, checking?',
    weight: 25,
    levels: levels(
      'Waits to be told; cannot describe how they learned anything.',
      'Watches videos or reads at random, without notes or practice.',
      'Picks sources on purpose, takes notes and tries things out.',
      'Builds a structure (outline or mind map) of what they learn, practises on real cases and checks results.',
      'As 4, and can show an example: a skill learned from zero with the material, the structure and the measurable result.',
    ),
    knock_out: null,
  },
  {
    key: 'learning_efficiency',
    name: 'Learning efficiency',
    description: 'How fast do they pick up a new tool or concept in the interview itself?',
    weight: 20,
    levels: levels(
      'Cannot apply a concept explained a few minutes earlier.',
      'Applies it only with step-by-step help.',
      'Applies it correctly on a similar example.',
      'Applies it to a new case and asks the questions that matter.',
      'Extends it: spots where it breaks or connects it to something else they know.',
    ),
    knock_out: null,
  },
  {
    key: 'attitude',
    name: 'Attitude',
    description: 'Ownership, honesty about mistakes, willingness to do careful routine work.',
    weight: 20,
    levels: levels(
      'Blames others; dismisses routine work as beneath them.',
      'Accepts tasks but shows no ownership of the result.',
      'Owns their tasks and admits mistakes when asked.',
      'Reports their own mistakes unprompted and says what they changed after.',
      'As 4, and improves the routine itself (a checklist, a template) so the mistake cannot recur.',
    ),
    knock_out: null,
  },
  {
    key: 'background_signals',
    name: 'Background signals',
    description: 'Education, language, a long-term commitment to something, time management.',
    weight: 15,
    levels: levels(
      'No sustained commitment; poor English reading; no sense of how their time goes.',
      'Some relevant study or language skill, little sustained effort.',
      'Adequate English for listings and reports; one commitment held for a year or more.',
      'Good English; a long-term commitment (a sport, an instrument, a project) kept for years; plans their time.',
      'As 4, with evidence of self-driven results from that commitment and a reliable time-management habit.',
    ),
    knock_out: null,
  },
  {
    key: 'patience',
    name: 'Patience',
    description: 'Can they stay with slow, repetitive work whose results show after weeks? Knock-out: below 3 rules the candidate out.',
    weight: 20,
    levels: levels(
      'Restless: wants quick wins, changes jobs or projects within months, bored by routine.',
      'Tolerates routine briefly; looks for shortcuts (review schemes, aggressive bids) to skip the slow part.',
      'Accepts that ranking and reviews build over weeks and can keep a daily routine.',
      'Describes keeping a slow routine for months and what it produced.',
      'Seeks out long-horizon work and explains why compounding daily effort wins.',
    ),
    knock_out: { minimum: 3 },
  },
];
