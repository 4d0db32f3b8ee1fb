/**
 * The schema, one entry per `user_version` step; never edit a shipped step, append a new one.
 *
 * `ts` is epoch ms (the server's wall clock read as UTC when the log gave no zone); `day` is the
 * server's calendar day. `daily_counts` is kept in step with `events` by the writer so that counts
 * per category, host and day never scan the events. `events_fts` is contentless with `detail=none`
 * (word and prefix queries only): written by the writer, it costs a fifth of an external-content
 * index with triggers.
 */
export const migrations: readonly string[] = [
  `
  CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL,
    ts INTEGER NOT NULL,
    time TEXT NOT NULL,
    local_time INTEGER NOT NULL,
    day TEXT NOT NULL,
    method TEXT NOT NULL,
    url TEXT NOT NULL,
    host TEXT NOT NULL,
    upstream INTEGER NOT NULL,
    status INTEGER,
    error TEXT,
    service TEXT NOT NULL,
    category TEXT NOT NULL,
    policy_item TEXT,
    file TEXT NOT NULL,
    line INTEGER NOT NULL
  );
  CREATE UNIQUE INDEX events_key ON events(key);
  CREATE INDEX events_ts ON events(ts);
  CREATE INDEX events_category ON events(category, id);
  CREATE INDEX events_host ON events(host, id);
  CREATE VIRTUAL TABLE events_fts USING fts5(
    words, content = '', contentless_delete = 1, detail = none
  );
  CREATE TRIGGER events_fts_delete AFTER DELETE ON events BEGIN
    DELETE FROM events_fts WHERE rowid = old.id;
  END;
  CREATE TABLE daily_counts (
    day TEXT NOT NULL,
    category TEXT NOT NULL,
    host TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (day, category, host)
  ) WITHOUT ROWID;
  CREATE TABLE flood (
    host TEXT NOT NULL,
    hour INTEGER NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (host, hour)
  ) WITHOUT ROWID;
  CREATE TABLE cursors (name TEXT PRIMARY KEY, state TEXT NOT NULL);
  CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
  `,
]
