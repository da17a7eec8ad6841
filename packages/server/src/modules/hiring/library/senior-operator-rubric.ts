import type { StoredDimension } from '../../../db/database.ts';
import { levels } from './levels.ts';

/**
 * Senior operators and leads are hired for how they think: depth of knowledge, how
 * they connect it, a systematic grasp of how Amazon decides what to show and sell, and
 * how they break a problem down. Weights sum to 100 so each reads as a percentage.
 */
export const SENIOR_OPERATOR_DIMENSIONS: StoredDimension[] = [
  {
    key: 'keyword_research',
    name: 'Keyword research system',
    description: 'Can they build and maintain a keyword system for a product, not just list popular words?',
    weight: 20,
    levels: levels(
      'Names a few obvious keywords from intuition or one tool; no method for finding more or judging them.',
      'Uses one tool to pull high-volume keywords; cannot say how relevance or competition is judged.',
      'Expands seed words through the search term report and reverse ASIN lookups, and sorts by volume and relevance.',
      'Runs a repeatable system: seeds, expansion, relevance check, tiers (core, long-tail, negative), mapped to listing fields and ad groups, with rank tracking.',
      'As 4, and ties each tier to traffic and conversion data, re-weights the system weekly from rank and search term reports, and can teach it as an SOP.',
    ),
    knock_out: null,
  },
  {
    key: 'competitor_strategy',
    name: 'Competitor strategy from data',
    description: "Can they reconstruct a competitor's strategy from what the data shows?",
    weight: 20,
    levels: levels(
      'Describes competitors by price and looks only.',
      'Compares price, rating and review count, without drawing conclusions.',
      "Tracks BSR, price and reviews over time and infers the competitor's launch phase.",
      'Reconstructs traffic sources (keywords ranked, ad placements, deals), launch timeline and pricing moves from snapshots, and says what to copy or avoid.',
      'As 4, and turns it into a counter-plan with expected numbers (rank targets, budget, price), plus what would prove the reading wrong.',
    ),
    knock_out: null,
  },
  {
    key: 'listing_craft',
    name: 'Listing craft',
    description: 'Do they know what makes a listing convert and rank, element by element?',
    weight: 15,
    levels: levels(
      'Treats the listing as a product description to fill in.',
      'Knows the parts (title, bullets, images, A+) but not what each must achieve.',
      'Writes title and bullets around core keywords and the main buying reasons; briefs images.',
      'Builds the listing from keyword tiers, review mining (what buyers praise and complain about) and competitor gaps; checks conversion after each change.',
      'As 4, and runs controlled changes (one element at a time, A/B where available) with a documented listing framework others can follow.',
    ),
    knock_out: null,
  },
  {
    key: 'amazon_logic',
    name: "Amazon's underlying logic",
    description: 'Do they understand why Amazon ranks, shows and recommends what it does?',
    weight: 20,
    levels: levels(
      'Explains results by luck or by "the algorithm".',
      'Knows that sales and reviews matter, without a model of why.',
      'Explains rank as relevance plus sales velocity and conversion, and the role of buy box and stock.',
      'Has a coherent model: traffic = impressions x CTR, sales = sessions x conversion, rank follows keyword-level sales velocity; stock-outs, price and reviews feed back into it.',
      'As 4, and predicts the effect of an action (price change, ad push, stock-out) before the data shows it, and checks the prediction afterwards.',
    ),
    knock_out: null,
  },
  {
    key: 'problem_decomposition',
    name: 'Problem decomposition',
    description: 'Given "orders fell this week", do they break the problem down into causes they can check?',
    weight: 15,
    levels: levels(
      'Jumps to one fix (lower the price, raise bids) without looking.',
      'Lists possible causes without an order to check them.',
      'Splits orders into traffic and conversion and checks each.',
      'Traces traffic to keywords, rank and ad impressions, and conversion to price, buy box, reviews and stock, ranking the causes by the numbers.',
      'As 4, and decides an action with an expected effect and a date to review it against the data.',
    ),
    knock_out: null,
  },
  {
    key: 'team_building',
    name: 'Team-building',
    description: 'Can they make others effective: templates, training, responsibility?',
    weight: 10,
    levels: levels(
      'Works alone; knowledge lives in their head.',
      'Helps colleagues when asked, with no repeatable material.',
      'Writes down how they work and trains newcomers on it.',
      'Turns work into templates with one responsible person per step, and checks progress from them.',
      'Has built a team that runs by SOP and data: hires, trains, reviews weekly and improves the templates from the reviews.',
    ),
    knock_out: null,
  },
];
