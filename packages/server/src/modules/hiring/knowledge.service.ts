import type { KnowledgeComparison, KnowledgeFramework, KnowledgeMap, KnowledgeNode } from '@sellerops/schemas';
import type { KnowledgeFrameworkRow, KnowledgeMapRow, StoredKnowledgeNode } from '../../db/database.ts';
import { recordChange } from '../../lib/audit.ts';
import type { ServiceContext } from '../../lib/context.ts';
import { InvalidInput, NotFound } from '../../lib/errors.ts';
import { ID_PREFIX, newId } from '../../lib/ids.ts';
import { toPage, type Page } from '../../lib/pagination.ts';
import { iso } from '../../lib/time.ts';
import { findMember } from '../workspace/workspace.repository.ts';
import * as candidatesRepo from './candidates.repository.ts';
import { compareWithFramework } from './knowledge-maps/compare.ts';
import { parseMarkdownOutline } from './knowledge-maps/markdown-outline.ts';
import { parseOpml } from './knowledge-maps/opml.ts';
import { suggestTraining, type TrainingSource } from './knowledge-maps/training-source.ts';
import { TreeFormatError, assertTreeLimits, normalizeTree } from './knowledge-maps/tree.ts';
import * as repo from './knowledge.repository.ts';
import { KNOWLEDGE_FRAMEWORK_STARTERS } from './library/amazon-operations-framework.ts';
import { pageArgs, type PageRequest } from './page.ts';

export function toFramework(row: KnowledgeFrameworkRow): KnowledgeFramework {
  return {
    id: row.id,
    object: 'knowledge_framework',
    name: row.name,
    description: row.description,
    library_key: row.library_key,
    tree: row.tree as KnowledgeNode,
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
    version: row.version,
  };
}

export function toKnowledgeMap(row: KnowledgeMapRow): KnowledgeMap {
  return {
    id: row.id,
    object: 'knowledge_map',
    framework_id: row.framework_id,
    candidate_id: row.candidate_id,
    member_id: row.member_id,
    format: row.format as KnowledgeMap['format'],
    tree: row.tree as KnowledgeNode | null,
    comparison: row.comparison as unknown as KnowledgeComparison,
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
    version: row.version,
  };
}

/** A tree the caller sent, checked for what the schema cannot see; errors point at `path`. */
function readTree(read: () => StoredKnowledgeNode, path: string): StoredKnowledgeNode {
  try {
    const tree = normalizeTree(read());
    assertTreeLimits(tree);
    return tree;
  } catch (error) {
    if (error instanceof TreeFormatError) throw new InvalidInput(`The tree cannot be read: ${error.message}.`, [{ path, message: error.message }]);
    throw error;
  }
}

export async function createFramework(
  ctx: ServiceContext,
  input: { name?: string | undefined; description?: string | null | undefined; tree?: KnowledgeNode | undefined; starter?: 'amazon_operations' | undefined },
): Promise<KnowledgeFramework> {
  if ((input.tree === undefined) === (input.starter === undefined)) {
    throw new InvalidInput('Give either tree or starter.', [{ path: '/body', message: 'exactly one of tree or starter' }]);
  }
  const starter = input.starter ? KNOWLEDGE_FRAMEWORK_STARTERS[input.starter]! : null;
  if (!starter && !input.name) throw new InvalidInput('A framework given as a tree needs a name.', [{ path: '/body/name', message: 'is required with tree' }]);
  const tree = starter ? starter.tree : readTree(() => input.tree!, '/body/tree');
  if (!tree.children?.length) throw new InvalidInput('A framework needs at least one branch under its root.', [{ path: '/body/tree/children', message: 'is empty' }]);
  const row = await repo.insertFramework(ctx.db, {
    workspace_id: ctx.workspaceId,
    id: newId(ID_PREFIX.knowledge_framework),
    name: input.name ?? starter!.name,
    description: input.description ?? starter?.description ?? null,
    library_key: input.starter ?? null,
    tree,
  });
  const framework = toFramework(row);
  await recordChange(ctx, { action: 'knowledge_framework.created', objectType: 'knowledge_framework', objectId: row.id, after: framework });
  return framework;
}

export async function listFrameworks(ctx: ServiceContext, page: PageRequest): Promise<Page<KnowledgeFramework>> {
  const args = pageArgs(page);
  const rows = await repo.listFrameworks(ctx.db, ctx.workspaceId, args);
  return toPage(rows, args.limit, (r) => [r.id], toFramework);
}

export async function getFramework(ctx: ServiceContext, id: string): Promise<KnowledgeFramework> {
  const row = await repo.findFramework(ctx.db, ctx.workspaceId, id);
  if (!row) throw new NotFound('Knowledge framework', id);
  return toFramework(row);
}

function parseMap(input: { format: 'json' | 'markdown' | 'opml'; tree?: KnowledgeNode | undefined; text?: string | undefined }): StoredKnowledgeNode {
  if (input.format === 'json') {
    if (!input.tree || input.text !== undefined) throw new InvalidInput('format json takes the map in tree (not text).', [{ path: '/body/tree', message: 'is required for json' }]);
    return readTree(() => input.tree!, '/body/tree');
  }
  if (!input.text || input.tree !== undefined) {
    throw new InvalidInput(`format ${input.format} takes the map in text (not tree).`, [{ path: '/body/text', message: `is required for ${input.format}` }]);
  }
  const text = input.text;
  return readTree(() => (input.format === 'markdown' ? parseMarkdownOutline(text) : parseOpml(text)), '/body/text');
}

/**
 * Reads a knowledge map (JSON, Markdown outline or OPML), compares it with a framework
 * and stores both. Training suggestions come from `training`, when it is available.
 */
export async function createKnowledgeMap(
  ctx: ServiceContext,
  input: {
    framework_id: string;
    candidate_id?: string | undefined;
    member_id?: string | undefined;
    format: 'json' | 'markdown' | 'opml';
    tree?: KnowledgeNode | undefined;
    text?: string | undefined;
  },
  training: TrainingSource,
): Promise<KnowledgeMap> {
  if ((input.candidate_id === undefined) === (input.member_id === undefined)) {
    throw new InvalidInput('A knowledge map belongs to exactly one candidate or member.', [{ path: '/body', message: 'exactly one of candidate_id or member_id' }]);
  }
  const framework = await repo.findFramework(ctx.db, ctx.workspaceId, input.framework_id);
  if (!framework) throw new InvalidInput('framework_id names no knowledge framework of this workspace.', [{ path: '/body/framework_id', message: 'unknown framework' }]);
  if (input.candidate_id) {
    const candidate = await candidatesRepo.findCandidate(ctx.db, ctx.workspaceId, input.candidate_id);
    if (!candidate || candidate.erased_at) throw new InvalidInput('candidate_id names no active candidate of this workspace.', [{ path: '/body/candidate_id', message: 'unknown candidate' }]);
  }
  if (input.member_id && !(await findMember(ctx.db, ctx.workspaceId, input.member_id))) {
    throw new InvalidInput('member_id names no member of this workspace.', [{ path: '/body/member_id', message: 'unknown member' }]);
  }
  const tree = parseMap(input);
  const { missing, ...structural } = compareWithFramework(tree, framework.tree);
  const templates = await training.templates(ctx.db, ctx.workspaceId);
  const comparison: KnowledgeComparison = {
    ...structural,
    suggested_training: templates ? suggestTraining(missing, templates) : [],
    training_source: templates ? training.name : null,
  };
  const row = await repo.insertKnowledgeMap(ctx.db, {
    workspace_id: ctx.workspaceId,
    id: newId(ID_PREFIX.knowledge_map),
    framework_id: framework.id,
    candidate_id: input.candidate_id ?? null,
    member_id: input.member_id ?? null,
    format: input.format,
    tree,
    comparison,
  });
  await recordChange(ctx, {
    action: 'knowledge_map.created',
    objectType: 'knowledge_map',
    objectId: row.id,
    // The tree is the person's own writing: only ids and figures are kept here.
    after: {
      id: row.id,
      framework_id: row.framework_id,
      candidate_id: row.candidate_id,
      member_id: row.member_id,
      format: row.format,
      coverage: comparison.coverage,
      structure_score: comparison.structure.score,
      version: row.version,
    },
  });
  return toKnowledgeMap(row);
}

export async function getKnowledgeMap(ctx: ServiceContext, id: string): Promise<KnowledgeMap> {
  const row = await repo.findKnowledgeMap(ctx.db, ctx.workspaceId, id);
  if (!row) throw new NotFound('Knowledge map', id);
  return toKnowledgeMap(row);
}
