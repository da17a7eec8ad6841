/** A starter interview question for one rubric dimension, with what strong and weak answers show. */
export interface StarterQuestion {
  dimension_key: string;
  text: string;
  strong_signals: string[];
  weak_signals: string[];
  tags: string[];
}

export const SENIOR_OPERATOR_QUESTIONS: StarterQuestion[] = [
  {
    dimension_key: 'keyword_research',
    text: 'We hand you a new product with no sales history. Walk me through how you build its keyword list, from the first seed word to the keywords in the listing and the ad groups.',
    strong_signals: [
      'Starts from seeds, expands through reverse ASIN on top competitors and the search term report',
      'Judges relevance, not only volume; sorts keywords into core, long-tail and negative tiers',
      'Maps each tier to listing fields and ad campaigns and tracks organic and sponsored rank',
    ],
    weak_signals: ['Names one tool and "the highest-volume words"', 'No way to judge relevance or to revisit the list'],
    tags: ['system', 'keywords'],
  },
  {
    dimension_key: 'competitor_strategy',
    text: 'Pick a competitor ASIN in our category. From public data only, how would you work out how it got to its rank?',
    strong_signals: [
      'Uses BSR, price and review history over time to date the launch and its phases',
      'Finds the keywords it ranks for and the ad placements and deals it used',
      'Says what we should copy, avoid, and what would prove the reading wrong',
    ],
    weak_signals: ['Compares only price and rating', 'Concludes "they have more reviews" without asking how'],
    tags: ['competitors', 'data'],
  },
  {
    dimension_key: 'listing_craft',
    text: 'A listing gets sessions but converts at half the category average. What do you look at, and in what order?',
    strong_signals: [
      'Checks price, buy box, reviews and stock before rewriting copy',
      'Mines negative reviews and competitor listings for the objections to answer',
      'Changes one element at a time and measures unit session percentage after each',
    ],
    weak_signals: ['Rewrites the whole listing at once', 'Talks about style rather than buyer objections'],
    tags: ['listing', 'conversion'],
  },
  {
    dimension_key: 'amazon_logic',
    text: 'Why does a product that stocks out for a week often lose rank it does not get back for a month?',
    strong_signals: [
      'Explains rank as keyword-level sales velocity and conversion history',
      'Connects the stock-out to lost sessions, lost sales history and competitors taking the placements',
      'Proposes how to recover: ads on the lost keywords, price, and watching rank daily',
    ],
    weak_signals: ['"The algorithm punishes you"', 'No link between sales history and rank'],
    tags: ['fundamentals'],
  },
  {
    dimension_key: 'problem_decomposition',
    text: 'Orders of our best product fell 30% this week. You have the business report, the ad reports and the keyword ranks. Where do you start?',
    strong_signals: [
      'Splits orders into sessions and conversion first',
      'Traces traffic to keywords, organic and sponsored rank and ad impressions; conversion to price, buy box, reviews, stock',
      'Ranks causes by the numbers, decides an action and a date to review it',
    ],
    weak_signals: ['Jumps to cutting the price or raising bids', 'Lists causes without checking any'],
    tags: ['diagnostics', 'data'],
  },
  {
    dimension_key: 'team_building',
    text: 'Tell me about a time you made a new colleague productive. What did you give them, and how did you know it worked?',
    strong_signals: ['Wrote templates or SOPs with a responsible person per step', 'Checked progress against the template and improved it after reviews'],
    weak_signals: ['"I let them shadow me"', 'No material that outlived the conversation'],
    tags: ['leadership', 'sop'],
  },
];

export const JUNIOR_OPERATOR_QUESTIONS: StarterQuestion[] = [
  {
    dimension_key: 'learning_method',
    text: 'Tell me about a skill you taught yourself from zero. How did you go about it, step by step?',
    strong_signals: ['Chose sources on purpose', 'Built a structure (notes, outline, mind map) of what they learned', 'Practised on real cases and checked results'],
    weak_signals: ['Cannot name how they learned', 'Only "watched videos"'],
    tags: ['learning'],
  },
  {
    dimension_key: 'learning_efficiency',
    text: 'Here is how ACoS is computed (ad spend / ad sales). This campaign spent $120 and sold $400. What is its ACoS, and what would you check if it doubled next week?',
    strong_signals: ['Computes 30% quickly', 'Asks whether spend rose or sales fell, and which keywords changed'],
    weak_signals: ['Needs the formula again', 'Cannot go from the number to a question about its cause'],
    tags: ['learning', 'advertising'],
  },
  {
    dimension_key: 'attitude',
    text: 'Describe a mistake you made at work or school that cost something. What happened next?',
    strong_signals: ['Owns the mistake plainly', 'Says what they changed so it would not recur'],
    weak_signals: ['Blames others or circumstances', 'Cannot name a mistake'],
    tags: ['attitude'],
  },
  {
    dimension_key: 'background_signals',
    text: 'What is something you have kept doing for years, outside work or study? How do you fit it into your week?',
    strong_signals: ['A commitment held for years with visible results', 'A concrete way of planning their time'],
    weak_signals: ['Frequent switching between interests', 'No sense of where their time goes'],
    tags: ['background'],
  },
  {
    dimension_key: 'patience',
    text: 'The first three months of this job are mostly daily data checks: orders, stock, keyword ranks, competitor prices. Results show after weeks. How do you feel about that, and when have you done something similar?',
    strong_signals: ['Has kept a slow routine for months and can say what it produced', 'Understands why rank and reviews build over time'],
    weak_signals: ['Asks how soon they can "do real marketing"', 'Looks for shortcuts such as review schemes', 'Has left several jobs or projects within months'],
    tags: ['patience', 'knock-out'],
  },
];
