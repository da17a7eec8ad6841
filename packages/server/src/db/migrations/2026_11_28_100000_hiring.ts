import { sql, type Kysely } from 'kysely';

// Frozen once shipped: change the schema with a new migration.
// Hiring assessments: roles and their rubric versions, the question bank, candidates
// (personal data), applications, scorecards, work samples, knowledge frameworks and
// knowledge maps. Every key leads with workspace_id, like the foundation's tables.

const STAGES = sql`('screen', 'interview', 'work_sample', 'decision', 'hired', 'rejected', 'withdrawn')`;
const ASSESSMENT_STAGES = sql`('screen', 'interview', 'work_sample', 'decision')`;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('hiring_roles')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull().check(sql`level in ('junior', 'operator', 'senior', 'lead', 'manager')`))
    .addColumn('description', 'text')
    .addColumn('library_key', 'text')
    .addColumn('rubric_version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('hiring_roles_pkey', ['workspace_id', 'id'])
    .execute();

  // A rubric version is never changed once written: scorecards point at it.
  await db.schema
    .createTable('hiring_rubric_versions')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('role_id', 'text', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('dimensions', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('hiring_rubric_versions_pkey', ['workspace_id', 'role_id', 'number'])
    .addForeignKeyConstraint('hiring_rubric_versions_role_fk', ['workspace_id', 'role_id'], 'hiring_roles', ['workspace_id', 'id'], (fk) => fk.onDelete('cascade'))
    .execute();

  await db.schema
    .createTable('hiring_questions')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('dimension_key', 'text', (c) => c.notNull())
    .addColumn('role_id', 'text')
    .addColumn('strong_signals', sql`text[]`, (c) => c.notNull())
    .addColumn('weak_signals', sql`text[]`, (c) => c.notNull())
    .addColumn('tags', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('hiring_questions_pkey', ['workspace_id', 'id'])
    .addForeignKeyConstraint('hiring_questions_role_fk', ['workspace_id', 'role_id'], 'hiring_roles', ['workspace_id', 'id'])
    .execute();

  // Personal data lives in the nullable columns; erasure nulls them and sets erased_at.
  await db.schema
    .createTable('hiring_candidates')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('resume_text', 'text')
    .addColumn('resume_url', 'text')
    .addColumn('background', 'text')
    .addColumn('followed_sources', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('notes', 'text')
    .addColumn('source', 'text')
    .addColumn('years_experience', 'double precision')
    .addColumn('style', 'text')
    .addColumn('erased_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('hiring_candidates_pkey', ['workspace_id', 'id'])
    .execute();

  await db.schema
    .createTable('hiring_applications')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('candidate_id', 'text', (c) => c.notNull())
    .addColumn('role_id', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull().check(sql`stage in ${STAGES}`))
    .addColumn('rejection_reason', 'text')
    .addColumn('panel', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('stage_changed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('hiring_applications_pkey', ['workspace_id', 'id'])
    .addUniqueConstraint('hiring_applications_candidate_role_unique', ['workspace_id', 'candidate_id', 'role_id'])
    .addForeignKeyConstraint('hiring_applications_candidate_fk', ['workspace_id', 'candidate_id'], 'hiring_candidates', ['workspace_id', 'id'])
    .addForeignKeyConstraint('hiring_applications_role_fk', ['workspace_id', 'role_id'], 'hiring_roles', ['workspace_id', 'id'])
    .execute();
  await db.schema.createIndex('hiring_applications_role').on('hiring_applications').columns(['workspace_id', 'role_id', 'id']).execute();

  await db.schema
    .createTable('hiring_scorecards')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('application_id', 'text', (c) => c.notNull())
    .addColumn('interviewer_id', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull().check(sql`stage in ${ASSESSMENT_STAGES}`))
    .addColumn('role_id', 'text', (c) => c.notNull())
    .addColumn('rubric_version', 'integer', (c) => c.notNull())
    .addColumn('scores', 'jsonb', (c) => c.notNull())
    .addColumn('recommendation', 'text', (c) => c.notNull().check(sql`recommendation in ('strong_no', 'no', 'yes', 'strong_yes')`))
    .addColumn('notes', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('hiring_scorecards_pkey', ['workspace_id', 'id'])
    // One scorecard per interviewer per stage of an application.
    .addUniqueConstraint('hiring_scorecards_one_per_seat', ['workspace_id', 'application_id', 'interviewer_id', 'stage'])
    .addForeignKeyConstraint('hiring_scorecards_application_fk', ['workspace_id', 'application_id'], 'hiring_applications', ['workspace_id', 'id'], (fk) => fk.onDelete('cascade'))
    .addForeignKeyConstraint('hiring_scorecards_interviewer_fk', ['workspace_id', 'interviewer_id'], 'members', ['workspace_id', 'id'])
    .addForeignKeyConstraint('hiring_scorecards_rubric_fk', ['workspace_id', 'role_id', 'rubric_version'], 'hiring_rubric_versions', ['workspace_id', 'role_id', 'number'])
    .execute();

  await db.schema
    .createTable('hiring_work_samples')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('application_id', 'text', (c) => c.notNull())
    .addColumn('reviewer_id', 'text')
    .addColumn('assignment', 'text')
    .addColumn('product_ref', 'text')
    .addColumn('submission_text', 'text')
    .addColumn('submission_url', 'text')
    .addColumn('scores', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('hiring_work_samples_pkey', ['workspace_id', 'id'])
    .addForeignKeyConstraint('hiring_work_samples_application_fk', ['workspace_id', 'application_id'], 'hiring_applications', ['workspace_id', 'id'], (fk) => fk.onDelete('cascade'))
    .addForeignKeyConstraint('hiring_work_samples_reviewer_fk', ['workspace_id', 'reviewer_id'], 'members', ['workspace_id', 'id'])
    .execute();

  await db.schema
    .createTable('hiring_knowledge_frameworks')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('library_key', 'text')
    .addColumn('tree', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('hiring_knowledge_frameworks_pkey', ['workspace_id', 'id'])
    .execute();

  await db.schema
    .createTable('hiring_knowledge_maps')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('framework_id', 'text', (c) => c.notNull())
    .addColumn('candidate_id', 'text')
    .addColumn('member_id', 'text')
    .addColumn('format', 'text', (c) => c.notNull().check(sql`format in ('json', 'markdown', 'opml')`))
    .addColumn('tree', 'jsonb')
    .addColumn('comparison', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('hiring_knowledge_maps_pkey', ['workspace_id', 'id'])
    .addCheckConstraint('hiring_knowledge_maps_one_subject', sql`(candidate_id is null) <> (member_id is null)`)
    .addForeignKeyConstraint('hiring_knowledge_maps_framework_fk', ['workspace_id', 'framework_id'], 'hiring_knowledge_frameworks', ['workspace_id', 'id'])
    .addForeignKeyConstraint('hiring_knowledge_maps_candidate_fk', ['workspace_id', 'candidate_id'], 'hiring_candidates', ['workspace_id', 'id'])
    .addForeignKeyConstraint('hiring_knowledge_maps_member_fk', ['workspace_id', 'member_id'], 'members', ['workspace_id', 'id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'hiring_knowledge_maps',
    'hiring_knowledge_frameworks',
    'hiring_work_samples',
    'hiring_scorecards',
    'hiring_applications',
    'hiring_candidates',
    'hiring_questions',
    'hiring_rubric_versions',
    'hiring_roles',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
