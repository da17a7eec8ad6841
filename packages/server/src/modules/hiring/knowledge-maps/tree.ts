import type { StoredKnowledgeNode } from '../../../db/database.ts';

export type TreeNode = StoredKnowledgeNode;

export const MAX_NODES = 2000;
export const MAX_DEPTH = 12;

/** A map or framework that cannot be read: the message names the line where there is one. */
export class TreeFormatError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(line === undefined ? message : `line ${line}: ${message}`);
  }
}

export function countNodes(node: TreeNode): number {
  return 1 + (node.children ?? []).reduce((n, c) => n + countNodes(c), 0);
}

/** Levels below `node` (a leaf has depth 0). */
export function depthBelow(node: TreeNode): number {
  const children = node.children ?? [];
  return children.length === 0 ? 0 : 1 + Math.max(...children.map(depthBelow));
}

/** Refuses trees too big or too deep to compare in one request. */
export function assertTreeLimits(root: TreeNode): void {
  const nodes = countNodes(root);
  if (nodes > MAX_NODES) throw new TreeFormatError(`the tree has ${nodes} nodes; the limit is ${MAX_NODES}`);
  const depth = depthBelow(root);
  if (depth > MAX_DEPTH) throw new TreeFormatError(`the tree is ${depth} levels deep; the limit is ${MAX_DEPTH}`);
}

/**
 * One root for a list of top-level nodes: a single top-level node with children is
 * already the root (the map's title); otherwise they hang under a plain root.
 */
export function rootOf(topLevel: TreeNode[]): TreeNode {
  if (topLevel.length === 1 && (topLevel[0]!.children ?? []).length > 0) return topLevel[0]!;
  return { title: 'Knowledge map', children: topLevel };
}

/** Strips empty `children` arrays and trims titles, so every format yields the same tree. */
export function normalizeTree(node: TreeNode): TreeNode {
  const title = node.title.trim();
  if (!title) throw new TreeFormatError('a node has an empty title');
  const children = (node.children ?? []).map(normalizeTree);
  const out: TreeNode = { title };
  if (node.keywords?.length) out.keywords = node.keywords.map((k) => k.trim()).filter(Boolean);
  if (children.length) out.children = children;
  return out;
}
