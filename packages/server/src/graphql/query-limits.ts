import {
  GraphQLError,
  Kind,
  getNamedType,
  isListType,
  isNonNullType,
  type GraphQLCompositeType,
  type GraphQLOutputType,
  type GraphQLSchema,
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

/** The page size of a list without `first`: the REST default. */
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

/** A field returns many rows when its type is a list or a connection (`...Connection`). */
function returnsMany(type: GraphQLOutputType): boolean {
  const unwrapped = isNonNullType(type) ? type.ofType : type;
  return isListType(unwrapped) || getNamedType(unwrapped).name.endsWith('Connection');
}

function measure(
  selectionSet: SelectionSetNode,
  parentType: GraphQLCompositeType | undefined,
  schema: GraphQLSchema,
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
      const field = parentType && 'getFields' in parentType ? parentType.getFields()[selection.name.value] : undefined;
      const childType = field ? (getNamedType(field.type) as GraphQLCompositeType) : undefined;
      const first = intArgument(selection.arguments?.find((a) => a.name.value === 'first')?.value);
      // A connection's `nodes` are the rows its `first` already counted.
      const inConnection = parentType?.name.endsWith('Connection') ?? false;
      const many = first !== undefined || (field !== undefined && !inConnection && returnsMany(field.type));
      const inner = measure(selection.selectionSet, childType, schema, fragments, seen);
      const multiplier = many ? Math.max(1, first ?? DEFAULT_FIRST) : 1;
      cost += multiplier * (1 + inner.cost);
      depth = Math.max(depth, 1 + inner.depth);
      aliases += inner.aliases;
    } else {
      let set: SelectionSetNode | undefined;
      let typeName: string | undefined;
      let nextSeen = seen;
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        set = selection.selectionSet;
        typeName = selection.typeCondition?.name.value;
      } else if (!seen.has(selection.name.value)) {
        const fragment = fragments[selection.name.value];
        set = fragment?.selectionSet;
        typeName = fragment?.typeCondition.name.value;
        nextSeen = new Set([...seen, selection.name.value]);
      }
      if (!set) continue;
      const type = typeName ? (schema.getType(typeName) as GraphQLCompositeType | undefined) : parentType;
      const inner = measure(set, type, schema, fragments, nextSeen);
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
    const schema = context.getSchema();
    const fragments: Record<string, FragmentDefinitionNode> = {};
    for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments[def.name.value] = def;
    return {
      OperationDefinition(node) {
        const m = measure(node.selectionSet, schema.getRootType(node.operation) ?? undefined, schema, fragments, new Set());
        const report = (message: string) =>
          context.reportError(new GraphQLError(message, { nodes: [node], extensions: { code: 'query_too_complex', depth: m.depth, cost: m.cost } }));
        if (m.depth > limits.maxDepth) report(`Query depth ${m.depth} exceeds the limit of ${limits.maxDepth}.`);
        if (m.cost > limits.maxCost) report(`Query cost ${m.cost} exceeds the limit of ${limits.maxCost}: ask for smaller pages (first) or fewer nested lists.`);
        if (m.aliases > limits.maxAliases) report(`Query uses ${m.aliases} aliases; the limit is ${limits.maxAliases}.`);
      },
    };
  };
}
