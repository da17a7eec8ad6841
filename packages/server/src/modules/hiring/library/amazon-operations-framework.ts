import type { StoredKnowledgeNode } from '../../../db/database.ts';

const node = (title: string, keywords: string[], children?: StoredKnowledgeNode[]): StoredKnowledgeNode =>
  children ? { title, keywords, children } : { title, keywords };

/**
 * The reference framework of Amazon operations knowledge a knowledge map is compared
 * with. Branches follow the master SOP (selection, listing, launch, ads, inventory,
 * after-sales, finance) plus the analysis skills behind them. Keywords are the other
 * words people use for an area, Chinese operators' terms included, so that a map
 * written in either language is matched.
 */
export const AMAZON_OPERATIONS_FRAMEWORK: StoredKnowledgeNode = node('Amazon operations', [], [
  node('Product selection', ['product research', 'niche', '选品'], [
    node('Market demand and trends', ['search volume', 'seasonality', 'trend', 'demand', 'market size']),
    node('Competition assessment', ['competition', 'review count', 'market concentration', 'top sellers', 'barrier']),
    node('Profit and cost model', ['profit', 'margin', 'landed cost', 'fba fee', 'referral fee', 'cost model', '利润']),
    node('Compliance and risk', ['patent', 'infringement', 'category approval', 'ungating', 'hazmat', 'certification']),
  ]),
  node('Keyword research', ['keywords', 'keyword', '关键词'], [
    node('Seed and expansion', ['seed', 'reverse asin', 'search term report', 'keyword expansion', 'keyword mining']),
    node('Relevance and volume', ['relevance', 'search frequency rank', 'sfr', 'aba', 'brand analytics']),
    node('Keyword tiers', ['core keyword', 'long tail', 'long-tail', 'negative keyword', 'keyword tier']),
    node('Rank tracking', ['organic rank', 'sponsored rank', 'keyword rank', 'ranking', 'rank tracking']),
  ]),
  node('Listing', ['listing optimization', 'listing optimisation', 'detail page', 'listing'], [
    node('Title', ['title']),
    node('Bullet points', ['bullet', 'bullets', 'five points', '五点']),
    node('Images and video', ['image', 'images', 'main image', 'video', 'photos']),
    node('A+ content and description', ['a+', 'a plus', 'ebc', 'enhanced brand content', 'description', 'brand story']),
    node('Backend search terms', ['search terms', 'backend keywords', 'st field']),
    node('Price, coupons and variations', ['price', 'pricing', 'coupon', 'variation', 'parent asin', 'child asin']),
  ]),
  node('Competitor analysis', ['competitor', 'competitors', 'competitive analysis', '竞品'], [
    node('Competitor tracking', ['competitor price', 'bsr', 'best seller rank', 'competitor tracking', 'monitor competitors']),
    node('Reverse-engineering strategy', ['traffic source', 'launch history', 'reverse engineer', 'strategy reconstruction']),
    node('Review mining', ['review mining', 'negative reviews', 'voice of the customer', 'customer complaints', 'review analysis']),
  ]),
  node('Advertising', ['ppc', 'ads', 'sponsored products', '广告'], [
    node('Campaign structure', ['auto campaign', 'manual campaign', 'exact match', 'phrase match', 'broad match', 'product targeting', 'campaign structure', 'ad group']),
    node('Bids and placements', ['bid', 'bidding', 'top of search', 'placement', 'product pages', 'dynamic bids']),
    node('Ad metrics', ['acos', 'tacos', 'roas', 'ctr', 'cpc', 'conversion rate', 'impressions']),
    node('Search term harvesting', ['search term', 'harvest', 'negative targeting', 'negatives']),
  ]),
  node('Launch and promotion', ['launch', 'promotion', '推广'], [
    node('Launch plan', ['launch plan', 'new product launch', 'honeymoon', 'ranking push']),
    node('Reviews', ['vine', 'request a review', 'insert card', 'early reviews', 'review program']),
    node('Deals and coupons', ['lightning deal', 'best deal', 'deal site', 'prime day', 'discount']),
    node('Off-Amazon traffic', ['influencer', 'facebook group', 'social media', 'external traffic', 'affiliate', '站外']),
  ]),
  node('Inventory and supply chain', ['inventory', 'supply chain', '库存'], [
    node('Demand forecasting', ['forecast', 'sales forecast', 'demand planning']),
    node('Reorder planning', ['reorder', 'reorder point', 'safety stock', 'lead time', 'replenishment', '返单']),
    node('FBA inbound shipments', ['fba shipment', 'inbound', 'shipment plan', 'receiving', 'fba']),
    node('Logistics channels', ['sea freight', 'air freight', 'express', 'freight forwarder', 'logistics', 'overseas warehouse']),
    node('Storage and stock health', ['storage fee', 'ipi', 'long-term storage', 'days of cover', 'stock-out', 'stockout', 'overstock']),
  ]),
  node('Data analysis and review', ['data analysis', 'analytics', '数据分析', '复盘'], [
    node('Business report', ['business report', 'sessions', 'unit session percentage', 'buy box', 'page views']),
    node('Traffic and conversion diagnosis', ['traffic', 'conversion', 'diagnosis', 'orders dropped', 'root cause']),
    node('Daily and weekly routine', ['daily report', 'weekly report', 'checklist', 'daily data', 'routine']),
    node('Weekly retrospective', ['retrospective', 'review meeting', 'post-mortem', 'action review', 'weekly review']),
  ]),
  node('Account health and compliance', ['account health', 'compliance', '账号'], [
    node('Account health metrics', ['odr', 'order defect rate', 'late shipment', 'account health rating', 'performance notifications']),
    node('Policies and appeals', ['policy', 'appeal', 'plan of action', 'suspension', 'reinstatement']),
    node('Association risk', ['association', 'linked accounts', 'related accounts', 'browser profile', '关联']),
    node('Brand registry and IP', ['brand registry', 'trademark', 'brand protection', 'transparency']),
  ]),
  node('After-sales', ['customer service', 'after sales', 'after-sales', '售后'], [
    node('Returns and refunds', ['return', 'returns', 'refund', 'return rate', 'return reasons']),
    node('Buyer messages and feedback', ['buyer message', 'seller feedback', 'customer messages', 'feedback removal']),
  ]),
  node('Finance', ['finance', 'accounting', '财务'], [
    node('Unit economics', ['unit economics', 'profit per unit', 'break-even', 'contribution margin']),
    node('Cash cycle and capital', ['cash cycle', 'cash flow', 'capital', 'turnover', 'return on capital', 'inventory turns']),
    node('Settlements and fees', ['settlement', 'disbursement', 'payment report', 'fees', 'reimbursement']),
  ]),
]);

export const KNOWLEDGE_FRAMEWORK_STARTERS: Record<string, { name: string; description: string; tree: StoredKnowledgeNode }> = {
  amazon_operations: {
    name: 'Amazon operations (starter)',
    description: 'The areas an operator needs, following the master SOP from product selection to finance, plus the analysis skills behind them.',
    tree: AMAZON_OPERATIONS_FRAMEWORK,
  },
};
