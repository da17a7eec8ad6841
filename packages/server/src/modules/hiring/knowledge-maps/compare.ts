import type { KnowledgeComparison } from '@sellerops/schemas';
import { round2 } from '../numbers.ts';
import { mentionsAny, normalizeText } from './text-match.ts';
import { depthBelow, type TreeNode } from './tree.ts';

/** A framework area no map node mentions, with the words to look for training by. */
export interface MissingArea {
  path: string[];
  title: string;
  terms: string[];
}

export type StructuralComparison = Omit<KnowledgeComparison, 'suggested_training' | 'training_source'> & { missing: MissingArea[] };

interface Leaf {
  branch: number;
  title: string;
  terms: string[];
}

const termsOf = (node: TreeNode) => [node.title, ...(node.keywords ?? [])].map(normalizeText).filter(Boolean);

interface MapNode {
  depth: number;
  text: string;
  children: MapNode[];
  branch: number | null;
}

function toMapNodes(node: TreeNode, depth: number): MapNode {
  return { depth, text: normalizeText(node.title), children: (node.children ?? []).map((c) => toMapNodes(c, depth + 1)), branch: null };
}

function* walk(node: MapNode): Generator<MapNode> {
  for (const child of node.children) {
    yield child;
    yield* walk(child);
  }
}

/** The most frequent value; ties go to the smallest (the framework's earlier branch). */
function majority(values: number[]): { value: number; count: number } | null {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: { value: number; count: number } | null = null;
  for (const [value, count] of counts) if (!best || count > best.count || (count === best.count && value < best.value)) best = { value, count };
  return best;
}

/**
 * Compares a knowledge map with a framework. The framework's areas are its leaves
 * (each branch's topics; a branch without topics is its own area). A map node covers
 * an area when its text mentions the area's title or one of its keywords.
 *
 * - coverage: covered areas / all areas, overall and per top-level branch;
 * - depth and breadth of the map; deepest_match: the deepest map level that reaches a branch;
 * - structure: grouping = 1 - (loose top-level leaves / nodes), i.e. how much of the
 *   map sits inside groups; coherence = for each group with at least two nodes that
 *   belong to a branch, the share belonging to its most common branch, averaged.
 *   score = (grouping + coherence) / 2: a flat list of facts scores 0, groups that
 *   each hold one area of the framework score 1;
 * - missing areas: a branch with nothing covered is one missing area; otherwise each
 *   uncovered topic is.
 */
export function compareWithFramework(map: TreeNode, framework: TreeNode): StructuralComparison {
  const branches = framework.children ?? [];
  const leaves: Leaf[] = branches.flatMap((branch, b) =>
    (branch.children?.length ? branch.children : [branch]).map((leaf) => ({ branch: b, title: leaf.title, terms: termsOf(leaf) })),
  );
  const branchTerms = branches.map(termsOf);

  const root = toMapNodes(map, 0);
  const nodes = [...walk(root)];
  const covered = new Set<Leaf>();
  const deepest = branches.map(() => 0);

  for (const node of nodes) {
    const matched = leaves.filter((leaf) => mentionsAny(node.text, leaf.terms));
    for (const leaf of matched) covered.add(leaf);
    const best = majority(matched.map((l) => l.branch));
    node.branch = best ? best.value : (branchTerms.findIndex((terms) => mentionsAny(node.text, terms)) as number);
    if (node.branch === -1) node.branch = null;
    if (node.branch !== null) deepest[node.branch] = Math.max(deepest[node.branch]!, node.depth);
  }

  const branchResults = branches.map((branch, b) => {
    const areas = leaves.filter((l) => l.branch === b);
    const hit = areas.filter((l) => covered.has(l)).length;
    return { title: branch.title, areas: areas.length, covered: hit, coverage: areas.length ? round2(hit / areas.length) : 0, deepest_match: deepest[b]! };
  });

  const nodeCount = nodes.length;
  const looseTopLevel = root.children.filter((c) => c.children.length === 0).length;
  const grouping = nodeCount ? 1 - looseTopLevel / nodeCount : 0;
  const groupShares = nodes
    .filter((n) => n.children.length > 0)
    .flatMap((group) => {
      const assigned = [...walk(group)].map((n) => n.branch).filter((b): b is number => b !== null);
      const best = majority(assigned);
      return assigned.length >= 2 && best ? [best.count / assigned.length] : [];
    });
  const coherence = groupShares.length ? groupShares.reduce((a, b) => a + b, 0) / groupShares.length : 0;
  const score = (grouping + coherence) / 2;

  const missing: MissingArea[] = branches.flatMap((branch, b) => {
    const result = branchResults[b]!;
    if (result.covered === 0) return [{ path: [branch.title], title: branch.title, terms: [...branchTerms[b]!, ...leaves.filter((l) => l.branch === b).flatMap((l) => l.terms)] }];
    return leaves.filter((l) => l.branch === b && !covered.has(l)).map((l) => ({ path: [branch.title, l.title], title: l.title, terms: l.terms }));
  });

  return {
    coverage: leaves.length ? round2(covered.size / leaves.length) : 0,
    branches: branchResults,
    node_count: nodeCount,
    depth: depthBelow(map),
    breadth: root.children.length,
    structure: {
      score: round2(score),
      grouping: round2(grouping),
      coherence: round2(coherence),
      label: score >= 0.6 ? 'structured' : score >= 0.3 ? 'partly_structured' : 'flat',
    },
    missing_areas: missing.map(({ path, title }) => ({ path, title })),
    missing,
  };
}
