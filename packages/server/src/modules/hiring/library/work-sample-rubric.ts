import type { StoredDimension } from '../../../db/database.ts';
import { levels } from './levels.ts';

/**
 * A work sample ("here is one of our products: write a market research and sales plan")
 * is scored on whether it analyses the product, the competitors, the market position
 * and our resources, not only generic tactics. Tactics carry little weight on purpose.
 */
export const WORK_SAMPLE_DIMENSIONS: StoredDimension[] = [
  {
    key: 'product_attributes',
    name: "The product's own attributes",
    description: 'Features, use cases, buyers, price band, seasonality, margin and what buyers say in reviews.',
    weight: 25,
    levels: levels(
      'Restates the listing.',
      'Lists features without linking them to buyers or use cases.',
      'Identifies the main buyers, use cases and price band.',
      'Adds margin, seasonality and review mining (what buyers praise and complain about).',
      'Derives the selling points and risks that the rest of the plan rests on.',
    ),
    knock_out: null,
  },
  {
    key: 'competitor_analysis',
    name: 'Competitor analysis',
    description: 'Who the competitors are and what the data says about their strategy.',
    weight: 25,
    levels: levels(
      'No competitors named.',
      'Names competitors with price and rating only.',
      'Compares competitors on BSR, reviews, price and listing quality.',
      "Reads competitors' traffic sources and launch history from data and finds gaps.",
      'Turns the gaps into a concrete angle of attack with expected numbers.',
    ),
    knock_out: null,
  },
  {
    key: 'market_positioning',
    name: 'Market positioning',
    description: 'Where the product should sit: segment, price, differentiation, demand and trend.',
    weight: 20,
    levels: levels(
      'No position stated.',
      'A position stated without support.',
      'Position supported by demand data (search volume, trend) and price bands.',
      'Position chosen against competitors with a clear differentiation and target keywords.',
      'Position with a test to confirm it early and a fallback if it fails.',
    ),
    knock_out: null,
  },
  {
    key: 'resource_fit',
    name: "Fit with the company's resources",
    description: 'Budget, cash cycle, logistics channels, promotion resources, team capacity.',
    weight: 20,
    levels: levels(
      'Ignores what the company has.',
      'Mentions budget in general terms.',
      'Sizes the plan to the budget and stock.',
      'Chooses logistics, promotion channels and ad spend from the resources available, with a cash-cycle view.',
      'As 4, with the capital tied up, turns and return on capital estimated, and what to drop if resources run short.',
    ),
    knock_out: null,
  },
  {
    key: 'tactics',
    name: 'Tactics',
    description: 'Launch and promotion actions: keywords to push, ads, deals, reviews. Should follow from the analysis.',
    weight: 10,
    levels: levels(
      'No actions, or only risky ones (review schemes).',
      'Generic tactics (push keywords, aggressive bids) with no link to the analysis.',
      'Reasonable actions with a rough timeline.',
      'Actions that follow from the analysis, with budget and timeline.',
      'Actions with expected numbers, a weekly review and criteria to stop or scale.',
    ),
    knock_out: null,
  },
];

export const WORK_SAMPLE_RUBRIC_KEY = 'work_sample';
