import { CloneType, Type, type Static, type TSchema } from '@sinclair/typebox';
import { CurrencySchema, DateSchema, DecimalStringSchema, IdSchema, ListSchema, Ref, StringEnum, TimestampSchema, objectBase, pageQuery } from './common.ts';
import { RESOURCE_ATTRIBUTE_SCHEMAS, RESOURCE_KINDS } from './resource-kinds.ts';

export * from './resource-kinds.ts';

export const RESOURCE_STATUSES = ['active', 'suspended', 'retired'] as const;
export type ResourceStatus = (typeof RESOURCE_STATUSES)[number];
export const COST_PERIODS = ['one_time', 'monthly', 'yearly'] as const;
export const RELATION_TYPES = [
  'uses',
  'registered_via',
  'pays_out_to',
  'paid_with',
  'verified_with',
  'hosted_on',
  'ships_via',
  'stores_at',
  'provided_by',
  'managed_by',
  'promotes',
  'protects',
] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

export const ResourceKindSchema = StringEnum(RESOURCE_KINDS, { description: 'What the resource is; GET /v1/resource-kinds lists each with its attributes' });
const ResourceKey = Type.String({
  minLength: 1,
  maxLength: 120,
  pattern: '^[a-z0-9][a-z0-9._:/-]*$',
  description: 'Stable external key, unique in the workspace (lower case, digits, . _ : / -); scripts match on it',
});
const Tag = Type.String({ minLength: 1, maxLength: 50, pattern: '^[a-z0-9][a-z0-9_-]*$' });
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const ResourceCostSchema = Type.Object(
  {
    amount: DecimalStringSchema,
    currency: CurrencySchema,
    period: StringEnum(COST_PERIODS, { description: 'one_time, monthly or yearly' }),
  },
  { $id: 'ResourceCost', additionalProperties: false, description: 'What the resource costs, and how often' },
);
export type ResourceCost = Static<typeof ResourceCostSchema>;

export const ResourceContactSchema = Type.Object(
  {
    name: Text(200),
    role: Type.Optional(Text(200)),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 320 })),
    phone: Type.Optional(Type.String({ pattern: '^\\+?[0-9 ()-]{5,25}$' })),
    im: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'WeChat, WhatsApp, Skype, ... handle' })),
  },
  { $id: 'ResourceContact', additionalProperties: false },
);
export type ResourceContact = Static<typeof ResourceContactSchema>;

const Attributes = Type.Record(Type.String(), Type.Unknown(), { description: "Kind-specific facts, validated against the kind's schema (GET /v1/resource-kinds)" });

/** The fields a client sets, shared by create, apply and export. */
const writableFields = {
  name: Text(200),
  status: Type.Optional(StringEnum(RESOURCE_STATUSES, { description: 'active (default), suspended or retired' })),
  owner_member_id: Type.Optional(Nullable(IdSchema)),
  tags: Type.Optional(Type.Array(Tag, { maxItems: 30, uniqueItems: true })),
  cost: Type.Optional(Nullable(Ref(ResourceCostSchema))),
  acquired_on: Type.Optional(Nullable(DateSchema)),
  renews_on: Type.Optional(Nullable(CloneType(DateSchema, { description: 'When it renews or expires' }))),
  contacts: Type.Optional(Type.Array(Ref(ResourceContactSchema), { maxItems: 20 })),
  notes: Type.Optional(Nullable(Text(10_000))),
  attributes: Type.Optional(Attributes),
};

export const ResourceSchema = Type.Object(
  {
    ...objectBase('resource'),
    key: Type.String(),
    kind: ResourceKindSchema,
    name: Type.String(),
    status: StringEnum(RESOURCE_STATUSES),
    owner_member_id: Nullable(IdSchema),
    tags: Type.Array(Type.String()),
    cost: Nullable(Ref(ResourceCostSchema)),
    acquired_on: Nullable(DateSchema),
    renews_on: Nullable(DateSchema),
    contacts: Type.Array(Ref(ResourceContactSchema)),
    notes: Nullable(Type.String()),
    attributes: Type.Record(Type.String(), Type.Unknown()),
  },
  { $id: 'Resource', additionalProperties: false, description: 'A company asset: an account, a channel, a tool, a service, a brand asset, a promotion or supply-chain resource' },
);
export type Resource = Static<typeof ResourceSchema>;

export const ResourceCreateSchema = Type.Object(
  { key: ResourceKey, kind: ResourceKindSchema, ...writableFields },
  { $id: 'ResourceCreate', additionalProperties: false },
);
export type ResourceCreate = Static<typeof ResourceCreateSchema>;

export const ResourceUpdateSchema = Type.Object(
  { ...writableFields, name: Type.Optional(Text(200)) },
  { $id: 'ResourceUpdate', additionalProperties: false, minProperties: 1, description: 'key and kind are fixed once created; attributes, when given, replace the old ones' },
);
export type ResourceUpdate = Static<typeof ResourceUpdateSchema>;

export const ResourceListSchema = ListSchema(Ref(ResourceSchema), 'ResourceList');
export const ResourceListQuerySchema = pageQuery({
  kind: Type.Optional(ResourceKindSchema),
  status: Type.Optional(StringEnum(RESOURCE_STATUSES)),
  tag: Type.Optional(Tag),
  owner_member_id: Type.Optional(IdSchema),
  key: Type.Optional(Type.String({ minLength: 1, maxLength: 120, description: 'Exactly this key' })),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Text in the name, key or notes' })),
  renews_before: Type.Optional(CloneType(DateSchema, { description: 'Only resources that renew or expire before this date' })),
});

export const ResourceKindInfoSchema = Type.Object(
  {
    object: Type.Literal('resource_kind'),
    kind: ResourceKindSchema,
    group: Type.String({ description: 'channels, operation_tools, account_services, brand_assets, promotion or supply_chain' }),
    description: Type.String(),
    identifying: Type.Boolean({ description: 'Shared between seller accounts, it links them (association risk)' }),
    attributes_schema: Type.Record(Type.String(), Type.Unknown(), { description: 'JSON Schema of the attributes' }),
  },
  { $id: 'ResourceKindInfo', additionalProperties: false },
);
export const ResourceKindListSchema = ListSchema(Ref(ResourceKindInfoSchema), 'ResourceKindList');

/** A resource named in another object: enough to show it and follow it. */
export const ResourceRefSchema = Type.Object(
  { id: IdSchema, key: Type.String(), kind: ResourceKindSchema, name: Type.String() },
  { $id: 'ResourceRef', additionalProperties: false },
);
export type ResourceRef = Static<typeof ResourceRefSchema>;

export const ResourceRelationSchema = Type.Object(
  {
    ...objectBase('resource_relation'),
    type: StringEnum(RELATION_TYPES),
    from: Ref(ResourceRefSchema),
    to: Ref(ResourceRefSchema),
    since: Nullable(DateSchema),
    until: Nullable(DateSchema),
    notes: Nullable(Type.String()),
  },
  { $id: 'ResourceRelation', additionalProperties: false, description: 'A typed edge: from uses / is registered via / pays out to ... to' },
);
export type ResourceRelation = Static<typeof ResourceRelationSchema>;

export const ResourceRelationCreateSchema = Type.Object(
  {
    type: StringEnum(RELATION_TYPES),
    to_id: IdSchema,
    since: Type.Optional(Nullable(DateSchema)),
    until: Type.Optional(Nullable(DateSchema)),
    notes: Type.Optional(Nullable(Text(2000))),
  },
  { $id: 'ResourceRelationCreate', additionalProperties: false },
);
export type ResourceRelationCreate = Static<typeof ResourceRelationCreateSchema>;

export const ResourceRelationListSchema = ListSchema(Ref(ResourceRelationSchema), 'ResourceRelationList');
export const ResourceRelationListQuerySchema = pageQuery({
  direction: Type.Optional(StringEnum(['out', 'in', 'both'] as const, { description: 'out: from this resource; in: to it; both (default)' })),
  type: Type.Optional(StringEnum(RELATION_TYPES)),
});
export const RelationParamsSchema = Type.Object({ id: IdSchema, relation_id: IdSchema }, { additionalProperties: false });

export const FieldChangeSchema = Type.Object(
  { field: Type.String({ description: 'A field, or attributes.<name> for one attribute' }), before: Type.Unknown(), after: Type.Unknown() },
  { $id: 'FieldChange', additionalProperties: false },
);
export type FieldChange = Static<typeof FieldChangeSchema>;

export const ResourceChangeSchema = Type.Object(
  {
    id: IdSchema,
    object: Type.Literal('resource_change'),
    occurred_at: TimestampSchema,
    action: Type.String({ description: 'resource.created, resource.updated, resource.archived, resource.applied, relation.created, relation.deleted' }),
    actor_type: Type.Union([Type.Literal('api_key'), Type.Literal('system')]),
    actor_id: Nullable(IdSchema),
    actor_member_id: Nullable(IdSchema),
    request_id: Nullable(Type.String()),
    changes: Type.Array(Ref(FieldChangeSchema)),
  },
  { $id: 'ResourceChange', additionalProperties: false, description: 'One change of a resource: who, when, and the field diff' },
);
export type ResourceChange = Static<typeof ResourceChangeSchema>;
export const ResourceHistorySchema = ListSchema(Ref(ResourceChangeSchema), 'ResourceHistory');

export const SharedIdentifierSchema = Type.Object(
  {
    identifier: Type.String({ description: 'The shared resource key, or ip:<address> when cloud servers share an IP' }),
    kind: ResourceKindSchema,
    ip: Nullable(Type.String({ description: 'The shared IP, for cloud servers' })),
    account_resource: Ref(ResourceRefSchema),
    account_path: Type.Array(Ref(ResourceRefSchema), { description: 'From the account to the identifier, both included' }),
    other_resource: Ref(ResourceRefSchema),
    other_path: Type.Array(Ref(ResourceRefSchema), { description: 'From the other account to the identifier, both included' }),
  },
  { $id: 'SharedIdentifier', additionalProperties: false },
);
export type SharedIdentifier = Static<typeof SharedIdentifierSchema>;

export const AssociationSchema = Type.Object(
  {
    object: Type.Literal('association'),
    account: Ref(ResourceRefSchema),
    other_account: Ref(ResourceRefSchema),
    shared_count: Type.Integer({ minimum: 1, description: 'Identifiers both accounts reach: phone numbers, cards, servers or IPs, browser profiles, payment accounts' }),
    shared: Type.Array(Ref(SharedIdentifierSchema)),
  },
  { $id: 'Association', additionalProperties: false, description: 'Two seller accounts Amazon could link, and everything they share' },
);
export type Association = Static<typeof AssociationSchema>;
export const AssociationListSchema = ListSchema(Ref(AssociationSchema), 'AssociationList');

export const RenewalsQuerySchema = pageQuery({
  within_days: Type.Optional(Type.Integer({ minimum: 0, maximum: 3650, default: 30, description: 'Horizon in days; overdue renewals are always included' })),
});

export const InventoryRelationSchema = Type.Object(
  {
    type: StringEnum(RELATION_TYPES),
    to: CloneType(ResourceKey, { description: 'The key of the related resource: in the same document or already in the workspace' }),
    since: Type.Optional(Nullable(DateSchema)),
    until: Type.Optional(Nullable(DateSchema)),
    notes: Type.Optional(Nullable(Text(2000))),
  },
  { $id: 'InventoryRelation', additionalProperties: false },
);

export const InventoryResourceSchema = Type.Object(
  {
    key: ResourceKey,
    kind: ResourceKindSchema,
    ...writableFields,
    relations: Type.Optional(Type.Array(Ref(InventoryRelationSchema), { maxItems: 200, description: 'Relations from this resource; the list replaces the old one' })),
  },
  { $id: 'InventoryResource', additionalProperties: false, description: 'A resource as an inventory file holds it: matched by key; an absent field is empty' },
);
export type InventoryResource = Static<typeof InventoryResourceSchema>;

const InventoryResources = Type.Array(Ref(InventoryResourceSchema), { maxItems: 10_000 });

export const InventorySchema = Type.Object(
  { resources: InventoryResources },
  { $id: 'Inventory', additionalProperties: false, description: 'The inventory as a document: what export answers and apply accepts' },
);
export type Inventory = Static<typeof InventorySchema>;

export const ApplySelectorSchema = Type.Object(
  { kind: Type.Optional(ResourceKindSchema), tag: Type.Optional(Tag) },
  { $id: 'ApplySelector', additionalProperties: false, minProperties: 1, description: 'Which resources prune may archive' },
);

export const ResourceApplySchema = Type.Object(
  {
    resources: InventoryResources,
    dry_run: Type.Optional(Type.Boolean({ default: false, description: 'Answer the plan and change nothing' })),
    prune: Type.Optional(Type.Boolean({ default: false, description: 'Archive the resources the selector covers that the document does not list' })),
    selector: Type.Optional(Ref(ApplySelectorSchema)),
  },
  { $id: 'ResourceApply', additionalProperties: false },
);
export type ResourceApply = Static<typeof ResourceApplySchema>;

export const APPLY_ACTIONS = ['create', 'update', 'unchanged', 'archive'] as const;
export type ApplyAction = (typeof APPLY_ACTIONS)[number];

export const ApplyChangeSchema = Type.Object(
  {
    key: Type.String(),
    kind: ResourceKindSchema,
    action: StringEnum(APPLY_ACTIONS),
    id: Nullable(IdSchema),
    changes: Type.Array(Ref(FieldChangeSchema), { description: 'The field diff: every field of a create, what differs for an update' }),
  },
  { $id: 'ApplyChange', additionalProperties: false },
);
export type ApplyChange = Static<typeof ApplyChangeSchema>;

export const ResourceApplyResultSchema = Type.Object(
  {
    object: Type.Literal('resource_apply'),
    dry_run: Type.Boolean(),
    summary: Type.Object(
      { create: Type.Integer(), update: Type.Integer(), unchanged: Type.Integer(), archive: Type.Integer() },
      { additionalProperties: false },
    ),
    changes: Type.Array(Ref(ApplyChangeSchema), { description: 'Every resource of the document, then what prune archives' }),
  },
  { $id: 'ResourceApplyResult', additionalProperties: false },
);
export type ResourceApplyResult = Static<typeof ResourceApplyResultSchema>;

export const ResourceExportQuerySchema = Type.Object(
  { kind: Type.Optional(ResourceKindSchema), tag: Type.Optional(Tag) },
  { additionalProperties: false },
);

export const RESOURCE_SCHEMAS = [
  ...RESOURCE_ATTRIBUTE_SCHEMAS,
  ResourceCostSchema,
  ResourceContactSchema,
  ResourceSchema,
  ResourceCreateSchema,
  ResourceUpdateSchema,
  ResourceListSchema,
  ResourceKindInfoSchema,
  ResourceKindListSchema,
  ResourceRefSchema,
  ResourceRelationSchema,
  ResourceRelationCreateSchema,
  ResourceRelationListSchema,
  FieldChangeSchema,
  ResourceChangeSchema,
  ResourceHistorySchema,
  SharedIdentifierSchema,
  AssociationSchema,
  AssociationListSchema,
  InventoryRelationSchema,
  InventoryResourceSchema,
  InventorySchema,
  ApplySelectorSchema,
  ResourceApplySchema,
  ApplyChangeSchema,
  ResourceApplyResultSchema,
];
