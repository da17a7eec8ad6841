import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValueNode,
} from 'graphql';

export interface QueryLimits {
  maxDepth: number;
  /** Estimated rows a query may touch: each list field multiplies its children by its `first`. */
  maxCost: number;
  maxAliases: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = { maxDepth: 10, maxCost: 50_000, maxAliases: 30 };

/** The page size a connection field asks for; lists default to the REST default of 50. */
const DEFAULT_FIRST = 50;

/** A page size given as a variable is not known at validation time: assume the largest. */
const MAX_FIRST = 200;

function intArgument(value: ValueNode | undefined): number | undefined {
  if (!value) return undefined;
  if (value.kind === Kind.INT) return Number(value.value);
  if (value.kind === Kind.VARIABLE) return MAX_FIRST;
  return undefined;
}

interface Measure {
  depth: number;
  cost: number;
  aliases: number;
}

function measure(
  selectionSet: SelectionSetNode,
  fragments: Record<string, FragmentDefinitionNode>,
  seen: Set<string>,
): Measure {
  let depth = 0;
  let cost = 0;
  let aliases = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.alias) aliases++;
      if (!selection.selectionSet) {
        // Scalars are free: their row is already fetched.
        depth = Math.max(depth, 1);
        continue;
      }
      const first = intArgument(selection.arguments?.find((a) => a.name.value === 'first')?.value);
      const isList = selection.arguments?.some((a) => a.name.value === 'first') ?? false;
      const inner = measure(selection.selectionSet, fragments, seen);
      const multiplier = isList ? Math.max(1, first ?? DEFAULT_FIRST) : 1;
      cost += multiplier * (1 + inner.cost);
      depth = Math.max(depth, 1 + inner.depth);
      aliases += inner.aliases;
    } else {
      const set =
        selection.kind === Kind.INLINE_FRAGMENT
          ? selection.selectionSet
          : seen.has(selection.name.value)
            ? undefined
            : fragments[selection.name.value]?.selectionSet;
      if (!set) continue;
      const nextSeen = selection.kind === Kind.FRAGMENT_SPREAD ? new Set([...seen, selection.name.value]) : seen;
      const inner = measure(set, fragments, nextSeen);
      cost += inner.cost;
      depth = Math.max(depth, inner.depth);
      aliases += inner.aliases;
    }
  }
  return { depth, cost, aliases };
}

/**
 * A validation rule that refuses, before any resolver runs, a query that is too deep,
 * would touch too many rows, or fans out through too many aliases. The error carries
 * the same `code` REST uses.
 */
export function queryLimitsRule(limits: QueryLimits) {
  return (context: ValidationContext): ASTVisitor => {
    const document = context.getDocument();
    const fragments: Record<string, FragmentDefinitionNode> = {};
    for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments[def.name.value] = def;
    return {
      OperationDefinition(node) {
        const m = measure(node.selectionSet, fragments, new Set());
        const report = (message: string) =>
          context.reportError(new GraphQLError(message, { nodes: [node], extensions: { code: 'query_too_complex', depth: m.depth, cost: m.cost } }));
        if (m.depth > limits.maxDepth) report(`Query depth ${m.depth} exceeds the limit of ${limits.maxDepth}.`);
        if (m.cost > limits.maxCost) report(`Query cost ${m.cost} exceeds the limit of ${limits.maxCost}: ask for smaller pages (first) or fewer nested lists.`);
        if (m.aliases > limits.maxAliases) report(`Query uses ${m.aliases} aliases; the limit is ${limits.maxAliases}.`);
      },
    };
  };
}
