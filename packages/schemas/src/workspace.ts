import { Type, type Static } from '@sinclair/typebox';
import { IdSchema, ListSchema, Ref, StringEnum, TimestampSchema, objectBase, pageQuery } from './common.ts';

export const SCOPES = [
  'resources:read',
  'resources:write',
  'sop:read',
  'sop:write',
  'metrics:read',
  'metrics:write',
  'hiring:read',
  'hiring:write',
  'admin',
] as const;
export type Scope = (typeof SCOPES)[number];
export const ScopeSchema = StringEnum(SCOPES, { description: '`admin` implies every scope' });

export const WorkspaceSchema = Type.Object(
  {
    ...objectBase('workspace'),
    name: Type.String(),
    slug: Type.String(),
  },
  { $id: 'Workspace', additionalProperties: false },
);
export type Workspace = Static<typeof WorkspaceSchema>;

export const WorkspaceCreateSchema = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 200 }) },
  { $id: 'WorkspaceCreate', additionalProperties: false },
);

export const ApiKeySchema = Type.Object(
  {
    ...objectBase('api_key'),
    name: Type.String(),
    prefix: Type.String({ description: 'The first characters of the key, to recognise it' }),
    scopes: Type.Array(ScopeSchema),
    member_id: Type.Union([IdSchema, Type.Null()]),
    last_used_at: Type.Union([TimestampSchema, Type.Null()]),
    revoked_at: Type.Union([TimestampSchema, Type.Null()]),
  },
  { $id: 'ApiKey', additionalProperties: false },
);
export type ApiKey = Static<typeof ApiKeySchema>;

export const ApiKeyWithSecretSchema = Type.Object(
  {
    ...ApiKeySchema.properties,
    secret: Type.String({ description: 'The key itself. Shown only in this response; store it now.' }),
  },
  { $id: 'ApiKeyWithSecret', additionalProperties: false },
);
export type ApiKeyWithSecret = Static<typeof ApiKeyWithSecretSchema>;

export const ApiKeyCreateSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    scopes: Type.Array(ScopeSchema, { minItems: 1, uniqueItems: true }),
    member_id: Type.Optional(IdSchema),
  },
  { $id: 'ApiKeyCreate', additionalProperties: false },
);

export const WorkspaceCreatedSchema = Type.Object(
  { workspace: Ref(WorkspaceSchema), api_key: Ref(ApiKeyWithSecretSchema) },
  { $id: 'WorkspaceCreated', additionalProperties: false },
);

export const MEMBER_ROLES = ['owner', 'manager', 'operator', 'viewer'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];
export const MemberRoleSchema = StringEnum(MEMBER_ROLES, { description: 'owner, manager, operator or viewer' });

export const MemberSchema = Type.Object(
  {
    ...objectBase('member'),
    name: Type.String(),
    email: Type.String(),
    role: MemberRoleSchema,
    title: Type.Union([Type.String(), Type.Null()], { description: 'Job title, e.g. operator for the EU line' }),
    active: Type.Boolean(),
  },
  { $id: 'Member', additionalProperties: false },
);
export type Member = Static<typeof MemberSchema>;

const EmailSchema = Type.String({ format: 'email', maxLength: 320 });
export const MemberCreateSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    email: EmailSchema,
    role: MemberRoleSchema,
    title: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
  },
  { $id: 'MemberCreate', additionalProperties: false },
);
export const MemberUpdateSchema = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    email: Type.Optional(EmailSchema),
    role: Type.Optional(MemberRoleSchema),
    title: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
    active: Type.Optional(Type.Boolean()),
  },
  { $id: 'MemberUpdate', additionalProperties: false, minProperties: 1 },
);
export const MemberListQuerySchema = pageQuery({
  role: Type.Optional(MemberRoleSchema),
  active: Type.Optional(Type.Boolean()),
  q: Type.Optional(Type.String({ maxLength: 200, description: 'Search name and email' })),
});

export const AuditEventSchema = Type.Object(
  {
    id: IdSchema,
    object: Type.Literal('audit_event'),
    occurred_at: TimestampSchema,
    actor_type: Type.Union([Type.Literal('api_key'), Type.Literal('system')]),
    actor_id: Type.Union([IdSchema, Type.Null()], { description: 'The API key that made the change' }),
    actor_member_id: Type.Union([IdSchema, Type.Null()], { description: 'The member the key belongs to, if any' }),
    action: Type.String({ description: 'e.g. member.created, api_key.revoked' }),
    object_type: Type.String(),
    object_id: Type.String(),
    before: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
    after: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
    request_id: Type.Union([Type.String(), Type.Null()]),
  },
  { $id: 'AuditEvent', additionalProperties: false },
);
export type AuditEvent = Static<typeof AuditEventSchema>;

export const AuditEventListQuerySchema = pageQuery({
  actor_id: Type.Optional(IdSchema),
  object_id: Type.Optional(Type.String({ maxLength: 64 })),
  action: Type.Optional(Type.String({ maxLength: 100 })),
  from: Type.Optional(Type.String({ format: 'date-time', description: 'Inclusive lower bound of occurred_at' })),
  to: Type.Optional(Type.String({ format: 'date-time', description: 'Exclusive upper bound of occurred_at' })),
});

export const ApiKeyListSchema = ListSchema(Ref(ApiKeySchema), 'ApiKeyList');
export const MemberListSchema = ListSchema(Ref(MemberSchema), 'MemberList');
export const AuditEventListSchema = ListSchema(Ref(AuditEventSchema), 'AuditEventList');
export const ApiKeyListQuerySchema = pageQuery({
  revoked: Type.Optional(Type.Boolean({ description: 'true: only revoked keys; false: only active keys' })),
});

/** Every named schema of this file, for registering with the server once. */
export const WORKSPACE_SCHEMAS = [
  WorkspaceSchema,
  WorkspaceCreateSchema,
  ApiKeySchema,
  ApiKeyWithSecretSchema,
  ApiKeyCreateSchema,
  WorkspaceCreatedSchema,
  MemberSchema,
  MemberCreateSchema,
  MemberUpdateSchema,
  AuditEventSchema,
  ApiKeyListSchema,
  MemberListSchema,
  AuditEventListSchema,
];
