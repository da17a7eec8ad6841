import { sql, type Kysely } from 'kysely';

// Frozen once shipped: change the schema with a new migration.
// SOP templates and their immutable versions, runs and their steps, recurring
// checklists and their occurrences, weekly reviews and their analyses. Every key
// leads with workspace_id, like the foundation's tables.

const OPEN_STEP = sql<boolean>`status in ('todo', 'in_progress', 'blocked')`;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sop_templates')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('latest_version', 'integer', (c) => c.notNull())
    .addColumn('library_key', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('sop_templates_pkey', ['workspace_id', 'id'])
    .addUniqueConstraint('sop_templates_key_unique', ['workspace_id', 'key'])
    .execute();

  await db.schema
    .createTable('sop_template_versions')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('template_id', 'text', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('change_note', 'text')
    .addColumn('steps', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('sop_template_versions_pkey', ['workspace_id', 'id'])
    .addUniqueConstraint('sop_template_versions_number_unique', ['workspace_id', 'template_id', 'number'])
    .addForeignKeyConstraint('sop_template_versions_template_fk', ['workspace_id', 'template_id'], 'sop_templates', ['workspace_id', 'id'], (fk) => fk.onDelete('cascade'))
    .execute();

  await db.schema
    .createTable('sop_runs')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('template_id', 'text', (c) => c.notNull())
    .addColumn('template_version_id', 'text', (c) => c.notNull())
    .addColumn('template_version', 'integer', (c) => c.notNull())
    .addColumn('template_key', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text', (c) => c.check(sql`subject_type in ('product', 'seller_account', 'marketplace')`))
    .addColumn('subject_id', 'text')
    .addColumn('start_date', 'date', (c) => c.notNull())
    .addColumn('due_date', 'date', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active').check(sql`status in ('active', 'completed', 'cancelled')`))
    .addColumn('cancel_reason', 'text')
    .addColumn('completed_at', 'timestamptz')
    .addColumn('cancelled_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('sop_runs_pkey', ['workspace_id', 'id'])
    .addForeignKeyConstraint('sop_runs_version_fk', ['workspace_id', 'template_version_id'], 'sop_template_versions', ['workspace_id', 'id'])
    .addCheckConstraint('sop_runs_subject_pair', sql`(subject_type is null) = (subject_id is null)`)
    .execute();
  await db.schema.createIndex('sop_runs_status').on('sop_runs').columns(['workspace_id', 'status', 'id']).execute();
  await db.schema.createIndex('sop_runs_template').on('sop_runs').columns(['workspace_id', 'template_id', 'id']).execute();
  await db.schema.createIndex('sop_runs_subject').on('sop_runs').columns(['workspace_id', 'subject_type', 'subject_id']).execute();

  await db.schema
    .createTable('sop_run_steps')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('run_id', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('default_role', 'text', (c) => c.notNull())
    .addColumn('depends_on', sql`text[]`, (c) => c.notNull())
    .addColumn('assignee_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('todo').check(sql`status in ('todo', 'in_progress', 'blocked', 'done', 'skipped')`))
    .addColumn('due_date', 'date', (c) => c.notNull())
    .addColumn('block_reason', 'text')
    .addColumn('skip_reason', 'text')
    .addColumn('data', 'jsonb')
    .addColumn('notes', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('started_at', 'timestamptz')
    .addColumn('finished_at', 'timestamptz')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('sop_run_steps_pkey', ['workspace_id', 'run_id', 'key'])
    .addForeignKeyConstraint('sop_run_steps_run_fk', ['workspace_id', 'run_id'], 'sop_runs', ['workspace_id', 'id'], (fk) => fk.onDelete('cascade'))
    .addForeignKeyConstraint('sop_run_steps_assignee_fk', ['workspace_id', 'assignee_id'], 'members', ['workspace_id', 'id'])
    .execute();
  await db.schema.createIndex('sop_run_steps_assignee').on('sop_run_steps').columns(['workspace_id', 'assignee_id', 'run_id']).execute();
  // "What is overdue" reads only unfinished steps, ordered by due date.
  await db.schema.createIndex('sop_run_steps_open_due').on('sop_run_steps').columns(['workspace_id', 'due_date', 'run_id', 'position']).where(OPEN_STEP).execute();

  await db.schema
    .createTable('checklists')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('cadence', 'text', (c) => c.notNull().check(sql`cadence in ('daily', 'weekly', 'monthly')`))
    .addColumn('weekday', 'integer', (c) => c.check(sql`weekday between 1 and 7`))
    .addColumn('day_of_month', 'integer', (c) => c.check(sql`day_of_month between 1 and 31`))
    .addColumn('assignee_id', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text', (c) => c.check(sql`subject_type in ('product', 'seller_account')`))
    .addColumn('subject_id', 'text')
    .addColumn('record', 'jsonb')
    .addColumn('active_from', 'date', (c) => c.notNull())
    .addColumn('active_until', 'date')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('checklists_pkey', ['workspace_id', 'id'])
    .addForeignKeyConstraint('checklists_assignee_fk', ['workspace_id', 'assignee_id'], 'members', ['workspace_id', 'id'])
    .addCheckConstraint(
      'checklists_cadence_day',
      sql`(cadence = 'daily' and weekday is null and day_of_month is null)
        or (cadence = 'weekly' and weekday is not null and day_of_month is null)
        or (cadence = 'monthly' and day_of_month is not null and weekday is null)`,
    )
    .addCheckConstraint('checklists_active_range', sql`active_until is null or active_until >= active_from`)
    .addCheckConstraint('checklists_subject_pair', sql`(subject_type is null) = (subject_id is null)`)
    .execute();
  await db.schema.createIndex('checklists_assignee').on('checklists').columns(['workspace_id', 'assignee_id']).execute();

  await db.schema
    .createTable('checklist_tasks')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('checklist_id', 'text', (c) => c.notNull())
    .addColumn('due_date', 'date', (c) => c.notNull())
    .addColumn('assignee_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open').check(sql`status in ('open', 'done')`))
    .addColumn('completed_at', 'timestamptz')
    .addColumn('completed_by_member_id', 'text')
    .addColumn('note', 'text')
    .addColumn('value', 'jsonb')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('checklist_tasks_pkey', ['workspace_id', 'id'])
    // The natural key that makes on-demand creation happen exactly once.
    .addUniqueConstraint('checklist_tasks_occurrence_unique', ['workspace_id', 'checklist_id', 'due_date'])
    .addForeignKeyConstraint('checklist_tasks_checklist_fk', ['workspace_id', 'checklist_id'], 'checklists', ['workspace_id', 'id'], (fk) => fk.onDelete('cascade'))
    .addForeignKeyConstraint('checklist_tasks_assignee_fk', ['workspace_id', 'assignee_id'], 'members', ['workspace_id', 'id'])
    .execute();
  await db.schema.createIndex('checklist_tasks_due').on('checklist_tasks').columns(['workspace_id', 'due_date']).execute();

  await db.schema
    .createTable('reviews')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('week', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text', (c) => c.check(sql`subject_type in ('product', 'seller_account', 'marketplace')`))
    .addColumn('subject_id', 'text')
    .addColumn('problem', 'text', (c) => c.notNull())
    .addColumn('data_points', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('diagnosis', 'text')
    .addColumn('action', 'text')
    .addColumn('expected_effect', 'text')
    .addColumn('due_week', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open').check(sql`status in ('open', 'acted', 'evaluated')`))
    .addColumn('outcome', 'jsonb')
    .addColumn('acted_at', 'timestamptz')
    .addColumn('evaluated_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('reviews_pkey', ['workspace_id', 'id'])
    .addForeignKeyConstraint('reviews_owner_fk', ['workspace_id', 'owner_id'], 'members', ['workspace_id', 'id'])
    .addCheckConstraint('reviews_subject_pair', sql`(subject_type is null) = (subject_id is null)`)
    .execute();
  await db.schema.createIndex('reviews_week').on('reviews').columns(['workspace_id', 'week', 'id']).execute();

  await db.schema
    .createTable('review_analyses')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('review_id', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('suggested_action', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('review_analyses_pkey', ['workspace_id', 'id'])
    .addForeignKeyConstraint('review_analyses_review_fk', ['workspace_id', 'review_id'], 'reviews', ['workspace_id', 'id'], (fk) => fk.onDelete('cascade'))
    .addForeignKeyConstraint('review_analyses_author_fk', ['workspace_id', 'author_id'], 'members', ['workspace_id', 'id'])
    .execute();
  await db.schema.createIndex('review_analyses_review').on('review_analyses').columns(['workspace_id', 'review_id', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['review_analyses', 'reviews', 'checklist_tasks', 'checklists', 'sop_run_steps', 'sop_runs', 'sop_template_versions', 'sop_templates']) {
    await db.schema.dropTable(table).execute();
  }
}
