import { LOGISTICS_MODES, MARKETPLACES, choice, date, link, number, text, type StarterTemplate } from './types.ts';

/** The master SOP of a product, from the idea to its first profit and loss. */
export const productLifecycle: StarterTemplate = {
  key: 'product_lifecycle',
  name: 'Product lifecycle (master SOP)',
  category: 'product_lifecycle',
  purpose:
    'Every product goes through the same stages: selection, product data (listing, images, copy), first shipment, promotion, reorder, after-sales and finance. ' +
    'Each stage has one responsible person, the data it must record and the hand-off it produces, so a lead can see at any time where a product stands and trace a problem to the step that caused it. ' +
    'Decisions are taken on recorded numbers (demand, competition, margin, capital), not on experience alone.',
  steps: [
    {
      key: 'market_research',
      title: 'Research the market and the product idea',
      default_role: 'operator',
      due_offset_days: 7,
      instructions:
        'Start from demand: the search volume (or search frequency rank) of the main keyword and its close variants. ' +
        'Read the first page for that keyword: review counts and ratings of the top 10, price band, how many are brands, how many listings are older than a year. ' +
        'Estimate the margin at the target price (landed cost, FBA fee, referral fee, ads at launch) and the capital the product ties up for one cash cycle. ' +
        'Prefer light, small, low-priced products a small budget can turn fast.',
      checklist: [
        'Main keyword and 5 close variants with search volume',
        'Top 10 competitors: price, reviews, rating, BSR',
        'Margin at target price after FBA and referral fees',
        'Capital needed for the first batch and one cash cycle',
      ],
      fields: [
        choice('marketplace', 'Marketplace', MARKETPLACES),
        text('main_keyword', 'Main keyword'),
        number('main_keyword_search_volume', 'Monthly search volume of the main keyword', 'searches'),
        number('top10_median_reviews', 'Median review count of the top 10', 'reviews'),
        number('target_price', 'Target selling price', 'USD'),
        number('estimated_margin_pct', 'Estimated net margin at the target price', '%'),
        number('capital_required', 'Capital for the first batch and one cash cycle', 'CNY'),
        link('research_doc', 'Research sheet'),
      ],
      depends_on: [],
      handoff: 'The research sheet goes to the operation lead for the go / no-go decision.',
    },
    {
      key: 'selection_decision',
      title: 'Decide: go, no-go or more data',
      default_role: 'manager',
      depends_on: ['market_research'],
      due_offset_days: 2,
      instructions:
        'Check the research against the capital plan and the goal of the product (scale, margin, cash flow, product line or brand). ' +
        'A go sets the budget and the monthly unit target the rest of the run is measured against.',
      checklist: ['Demand and competition support the target', 'Margin holds at launch prices', 'Budget fits the cash cycle'],
      fields: [
        choice('decision', 'Decision', ['go', 'no_go', 'more_data']),
        number('budget', 'Approved budget', 'CNY', false),
        number('monthly_units_target', 'Target units per month after launch', 'units', false),
        choice('goal', 'What the product serves', ['scale', 'margin', 'cash_flow', 'product_line', 'brand'], false),
      ],
      handoff: 'Purchasing gets the go and the budget; the copywriter gets the keyword list.',
    },
    {
      key: 'sourcing',
      title: 'Source the product and approve a sample',
      default_role: 'purchasing',
      depends_on: ['selection_decision'],
      due_offset_days: 14,
      instructions:
        'Compare at least three suppliers on unit cost, MOQ, production lead time and quality. ' +
        'Order samples, check them against the complaints found in competitors\' negative reviews, and confirm packaging dimensions and weight (they decide the FBA fee tier).',
      checklist: ['Three supplier quotes', 'Sample checked against competitor complaints', 'Packed size and weight measured'],
      fields: [
        text('supplier', 'Chosen supplier'),
        number('unit_cost', 'Unit cost', 'CNY'),
        number('moq', 'Minimum order quantity', 'units'),
        number('production_days', 'Production lead time', 'days'),
        number('packed_weight_kg', 'Packed weight', 'kg'),
        choice('sample_result', 'Sample', ['approved', 'approved_with_changes', 'rejected']),
      ],
      handoff: 'Designer gets the approved sample for photography; logistics gets carton size and weight.',
    },
    {
      key: 'listing_copy',
      title: 'Write the listing copy',
      default_role: 'copywriter',
      depends_on: ['selection_decision'],
      due_offset_days: 7,
      instructions:
        'Follow the listing framework: title with the brand, the core keyword and the key attributes; five bullets, each a benefit backed by a feature and answering one objection from competitors\' reviews; ' +
        'the description or A+ text; backend search terms under 249 bytes without brand names or ASINs.',
      checklist: ['Title within the marketplace limit', 'Five bullets answer the top objections', 'Backend terms under 249 bytes'],
      fields: [text('title', 'Title'), number('backend_bytes', 'Backend search terms size', 'bytes'), link('copy_doc', 'Copy document')],
      handoff: 'The copy goes to the operator who creates the listing.',
    },
    {
      key: 'listing_images',
      title: 'Shoot and design the images',
      default_role: 'designer',
      depends_on: ['sourcing'],
      due_offset_days: 10,
      instructions:
        'Main image on pure white, product filling about 85% of the frame. Six secondary images: key benefits infographic, in use, size and dimensions, comparison, details, what is in the box. ' +
        'A+ modules when the brand is registered.',
      checklist: ['Main image meets the marketplace rules', 'Six secondary images', 'A+ modules drafted if brand registered'],
      fields: [number('image_count', 'Images delivered', 'images'), choice('a_plus', 'A+ content', ['ready', 'later', 'not_eligible']), link('image_folder', 'Image folder')],
      handoff: 'Images go to the operator who creates the listing.',
    },
    {
      key: 'listing_live',
      title: 'Create the listing and check it is indexed',
      default_role: 'operator',
      depends_on: ['listing_copy', 'listing_images'],
      due_offset_days: 3,
      instructions:
        'Create the parent and child ASINs, upload copy and images, set the price. Search each core keyword with the ASIN to check that the listing is indexed for it; fix the copy where it is not.',
      checklist: ['Parent / child structure correct', 'Indexed for every core keyword', 'Price and business price set'],
      fields: [text('asin', 'ASIN'), text('sku', 'SKU'), date('live_date', 'Live since'), choice('indexed', 'Indexed for the core keywords', ['all', 'partly', 'no'])],
      handoff: 'Logistics gets the SKU to create the inbound shipment.',
    },
    {
      key: 'first_shipment',
      title: 'Send the first stock to the fulfilment centre',
      default_role: 'logistics',
      depends_on: ['sourcing', 'listing_live'],
      due_offset_days: 30,
      instructions:
        'Create the inbound shipment for the SKU, choose the channel from the registry against cash and time (a small budget usually ships the first batch by air or express to start selling sooner), ' +
        'label the cartons and book the carrier. Track until the units are received and fulfillable.',
      checklist: ['Shipment plan created', 'Cartons labelled', 'Carrier booked', 'Units received and fulfillable'],
      fields: [
        text('shipment_id', 'Inbound shipment id'),
        number('units', 'Units shipped', 'units'),
        choice('mode', 'Channel', LOGISTICS_MODES),
        date('ship_date', 'Shipped on'),
        date('received_date', 'Received on', false),
        number('freight_cost', 'Freight cost', 'CNY'),
      ],
      handoff: 'The operator gets the receiving date to time the launch.',
    },
    {
      key: 'launch',
      title: 'Launch: ads, price, coupon and first reviews',
      default_role: 'operator',
      depends_on: ['first_shipment'],
      due_offset_days: 3,
      instructions:
        'Start Sponsored Products: an automatic campaign to discover search terms and an exact campaign on the core keywords. ' +
        'Launch at a price that converts, with a coupon if the category uses them. Enrol in the brand\'s review programs (Vine where eligible, review requests, compliant insert cards). ' +
        'Write down the plan so that next week\'s review can compare what happened against it.',
      checklist: ['Auto and exact campaigns running', 'Launch price and coupon set', 'Review programs enrolled', 'Launch plan written'],
      fields: [
        number('ads_daily_budget', 'Ads daily budget', 'USD'),
        number('launch_price', 'Launch price', 'USD'),
        number('coupon_pct', 'Coupon', '%', false),
        choice('vine', 'Vine', ['enrolled', 'not_eligible', 'not_used']),
        link('launch_plan', 'Launch plan'),
      ],
      handoff: 'Customer service starts watching reviews and messages of the ASIN.',
    },
    {
      key: 'launch_review',
      title: 'Review the launch after three weeks',
      default_role: 'manager',
      depends_on: ['launch'],
      due_offset_days: 21,
      instructions:
        'Compare units per day, conversion (unit session percentage), ACoS and the organic rank of the core keywords with the plan. ' +
        'Diagnose a shortfall as traffic or conversion before deciding; record the decision in a weekly review.',
      checklist: ['Units per day against target', 'Traffic or conversion diagnosed', 'Decision recorded in a review'],
      fields: [
        number('avg_daily_units', 'Average units per day', 'units'),
        number('unit_session_pct', 'Unit session percentage', '%'),
        number('acos_pct', 'ACoS', '%'),
        number('core_keyword_rank', 'Organic rank of the main keyword', 'rank', false),
        choice('decision', 'Decision', ['scale', 'adjust', 'stop']),
      ],
      handoff: 'Purchasing gets the sales rate for the reorder.',
    },
    {
      key: 'reorder',
      title: 'Place the first reorder',
      default_role: 'purchasing',
      depends_on: ['launch_review'],
      due_offset_days: 3,
      instructions:
        'Order when days of cover fall to the lead time (production plus transit plus receiving) plus safety stock. ' +
        'Size the order on the trailing 7 and 30 day sales rate and the cash available; split sea and air when stock would run out before sea freight arrives.',
      checklist: ['Days of cover at order', 'Quantity from the sales rate', 'Channel split decided'],
      fields: [
        number('days_of_cover', 'Days of cover when ordering', 'days'),
        number('order_units', 'Units ordered', 'units'),
        text('po_number', 'Purchase order'),
        choice('mode', 'Main channel', LOGISTICS_MODES),
      ],
      handoff: 'Logistics books the shipment; finance records the payment.',
    },
    {
      key: 'after_sales',
      title: 'Set up after-sales: reviews, returns, voice of the customer',
      default_role: 'customer_service',
      depends_on: ['launch'],
      due_offset_days: 14,
      instructions:
        'Answer buyer messages within 24 hours. Read every 1-3 star review and return reason; group them by cause (quality, expectation set by the listing, size, shipping damage). ' +
        'Report the top cause weekly to the operator and purchasing: a product fix goes to the supplier, an expectation gap goes into the listing.',
      checklist: ['Messages answered within 24 hours', 'Negative reviews grouped by cause', 'Return reasons grouped by cause'],
      fields: [
        number('return_rate_pct', 'Return rate', '%'),
        number('negative_reviews', 'New 1-3 star reviews', 'reviews'),
        text('top_complaint', 'Most frequent complaint'),
        choice('fix_owner', 'Who fixes it', ['supplier', 'listing', 'packaging', 'logistics', 'none']),
      ],
      handoff: 'The top complaint goes to the operator (listing) or purchasing (product).',
    },
    {
      key: 'finance_review',
      title: 'Close the first cycle: profit and loss of the product',
      default_role: 'finance',
      depends_on: ['reorder', 'after_sales'],
      due_offset_days: 7,
      instructions:
        'From the settlement reports: revenue, product cost, freight, FBA and referral fees, ads, returns, storage. ' +
        'Net margin, TACoS, cash cycle in days and return on capital for the first batch; compare with the selection estimate.',
      checklist: ['Settlement reports reconciled', 'Every cost line included', 'Compared with the selection estimate'],
      fields: [
        number('revenue', 'Revenue', 'USD'),
        number('net_margin_pct', 'Net margin', '%'),
        number('tacos_pct', 'TACoS', '%'),
        number('cash_cycle_days', 'Cash cycle', 'days'),
        number('return_on_capital_pct', 'Return on capital', '%'),
      ],
      handoff: 'The operation lead uses the figures to plan the product line.',
    },
  ],
};
