/** SQL for the signed 32-bit integer written as 8 hex digits in `column` from `start` (1-based). */
function int32OfHex(column: string, start: number): string {
  const digits = Array.from(
    { length: 8 },
    (_, i) =>
      `((instr('0123456789abcdef', substr(${column}, ${start + i}, 1)) - 1) << ${28 - 4 * i})`,
  ).join(' | ')
  return `((${digits}) + 2147483648) % 4294967296 - 2147483648`
}

/**
 * The schema, one entry per `user_version` step; never edit a shipped step, append a new one.
 *
 * Step 1: `ts` is epoch ms (the server's wall clock read as UTC when the log gave no zone).
 * `daily_counts` is kept in step with `events` by the writer so that counts per category, host
 * and day never scan the events. The full-text indexes are contentless with `detail=none` (word
 * and prefix queries only): written by the writer, they cost a fifth of an external-content
 * index with triggers.
 *
 * Step 2: what an event was sent to (method, redacted URL, host and its classification) is
 * stored once per distinct target in `targets`, since a server repeats a few thousand URLs
 * millions of times; an event row holds the target's id and the per-exchange facts. Only targets
 * are in the full-text index (`targets_fts`), plus events with an error (`errors_fts`, with their
 * target's words, so a search still matches all of an event's words in one index). An event's
 * identity is stored as integers: the line's wall-clock ms (`wall`) and its hash's two 32-bit
 * lanes (`h1`, `h2`); `key` is computed from them (event-key.ts). Their unique index grows at its
 * end, since logs are written in time order, instead of taking a random page per row. Category
 * and host filters go through the targets too (one index on `events(target, id)`), and
 * `targets.events` counts a target's events to plan them (filter-clause.ts). The server's
 * calendar day of an event is the first ten characters of its `time`.
 *
 * Step 3: counts of events per block of 4,096 ids (`id >> 12`) and day, by category, host and
 * upstream (`group_tally`, a few rows per block) and by target (`target_tally`, for searches),
 * and each block's time span (`event_blocks`), kept by the writer and by retention
 * (event-tally.ts). A filtered count, chart or deep page then sums a few thousand tally rows and
 * reads the events of at most the blocks that a time bound or a page boundary cuts, instead of
 * every matching event.
 *
 * Step 4: the second witness. A target says which witness saw it (`source`: `log` for the
 * server's debug log, `network` for the connections of the Plex processes); a connection is one
 * event (its first sighting) with one `flows` row that later samples update (last seen, bytes,
 * state) and close. `flows.tuple` identifies the connection (protocol, both ends, owner, as a
 * hash): at most one open flow per tuple, so a restart continues a flow instead of storing it twice.
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
  `
  CREATE TABLE targets (
    id INTEGER PRIMARY KEY,
    method TEXT NOT NULL,
    url TEXT NOT NULL,
    host TEXT NOT NULL,
    upstream INTEGER NOT NULL,
    service TEXT NOT NULL,
    category TEXT NOT NULL,
    policy_item TEXT,
    events INTEGER NOT NULL DEFAULT 0
  );
  INSERT INTO targets (method, url, host, upstream, service, category, policy_item, events)
    SELECT method, url, host, upstream, service, category, policy_item, COUNT(*) FROM events
    GROUP BY method, url, host, upstream, service, category, policy_item;
  CREATE INDEX targets_url ON targets(url);
  CREATE INDEX targets_category ON targets(category, events);
  CREATE INDEX targets_host ON targets(host, events);
  CREATE INDEX targets_upstream ON targets(upstream, events);
  CREATE TABLE events_v2 (
    id INTEGER PRIMARY KEY,
    wall INTEGER NOT NULL,
    h1 INTEGER NOT NULL,
    h2 INTEGER NOT NULL,
    key TEXT GENERATED ALWAYS AS (
      printf('%011x%08x%08x', wall, h1 & 4294967295, h2 & 4294967295)
    ) VIRTUAL,
    ts INTEGER NOT NULL,
    time TEXT NOT NULL,
    local_time INTEGER NOT NULL,
    target INTEGER NOT NULL,
    status INTEGER,
    error TEXT,
    file TEXT NOT NULL,
    line INTEGER NOT NULL
  );
  INSERT INTO events_v2 (id, wall, h1, h2, ts, time, local_time, target, status, error, file, line)
    SELECT e.id,
      CASE WHEN length(e.time) = 10
        THEN CAST(strftime('%s', e.time) AS INTEGER) * 1000
        ELSE CAST(strftime('%s', substr(e.time, 1, 19)) AS INTEGER) * 1000
          + CASE WHEN substr(e.time, 20, 1) = '.' THEN CAST(substr(e.time, 21, 3) AS INTEGER) ELSE 0 END
      END,
      ${int32OfHex('e.key', 1)},
      ${int32OfHex('e.key', 9)},
      e.ts, e.time, e.local_time, t.id, e.status, e.error, e.file, e.line
    FROM events e JOIN targets t ON t.url = e.url AND t.method = e.method AND t.host = e.host
      AND t.upstream = e.upstream AND t.service = e.service AND t.category = e.category
      AND t.policy_item IS e.policy_item;
  DROP TRIGGER events_fts_delete;
  DROP TABLE events_fts;
  DROP TABLE events;
  ALTER TABLE events_v2 RENAME TO events;
  CREATE UNIQUE INDEX events_key ON events(wall, h1, h2);
  CREATE INDEX events_ts ON events(ts);
  CREATE INDEX events_target ON events(target, id);
  CREATE VIRTUAL TABLE targets_fts USING fts5(
    words, content = '', contentless_delete = 1, detail = none
  );
  INSERT INTO targets_fts (rowid, words) SELECT id, url || ' ' || service FROM targets;
  CREATE VIRTUAL TABLE errors_fts USING fts5(
    words, content = '', contentless_delete = 1, detail = none
  );
  INSERT INTO errors_fts (rowid, words)
    SELECT e.id, t.url || ' ' || t.service || ' ' || e.error
    FROM events e JOIN targets t ON t.id = e.target WHERE e.error IS NOT NULL;
  CREATE TRIGGER events_errors_delete AFTER DELETE ON events WHEN old.error IS NOT NULL BEGIN
    DELETE FROM errors_fts WHERE rowid = old.id;
  END;
  `,
  `
  CREATE TABLE group_tally (
    block INTEGER NOT NULL,
    day TEXT NOT NULL,
    category TEXT NOT NULL,
    host TEXT NOT NULL,
    upstream INTEGER NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (block, day, category, host, upstream)
  ) WITHOUT ROWID;
  INSERT INTO group_tally (block, day, category, host, upstream, count)
    SELECT e.id >> 12, substr(e.time, 1, 10), t.category, t.host, t.upstream, COUNT(*)
    FROM events e JOIN targets t ON t.id = e.target GROUP BY 1, 2, 3, 4, 5;
  CREATE TABLE target_tally (
    block INTEGER NOT NULL,
    target INTEGER NOT NULL,
    day TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (block, target, day)
  ) WITHOUT ROWID;
  INSERT INTO target_tally (block, target, day, count)
    SELECT id >> 12, target, substr(time, 1, 10), COUNT(*) FROM events GROUP BY 1, 2, 3;
  CREATE TABLE event_blocks (
    block INTEGER PRIMARY KEY,
    min_ts INTEGER NOT NULL,
    max_ts INTEGER NOT NULL
  );
  INSERT INTO event_blocks (block, min_ts, max_ts)
    SELECT id >> 12, MIN(ts), MAX(ts) FROM events GROUP BY 1;
  `,
  `
  ALTER TABLE targets ADD COLUMN source TEXT NOT NULL DEFAULT 'log';
  CREATE INDEX targets_source ON targets(source, events);
  CREATE TABLE flows (
    event INTEGER PRIMARY KEY,
    tuple TEXT NOT NULL,
    process_id TEXT NOT NULL,
    process TEXT NOT NULL,
    attributed_by TEXT NOT NULL,
    pid INTEGER,
    protocol TEXT NOT NULL,
    local_address TEXT NOT NULL,
    local_port INTEGER NOT NULL,
    remote_address TEXT NOT NULL,
    remote_port INTEGER NOT NULL,
    state TEXT NOT NULL,
    first_seen INTEGER NOT NULL,
    last_seen INTEGER NOT NULL,
    closed_at INTEGER,
    bytes_sent INTEGER,
    bytes_received INTEGER
  );
  CREATE UNIQUE INDEX flows_open ON flows(tuple) WHERE closed_at IS NULL;
  CREATE INDEX flows_last_seen ON flows(process_id, last_seen);
  CREATE TRIGGER events_flows_delete AFTER DELETE ON events BEGIN
    DELETE FROM flows WHERE event = old.id;
  END;
  `,
  // What each target is evidence of, named once for every process (evidence-names.ts); kept
  // only while the signature tables they were named by are those of store_meta's stamp.
  `
  CREATE TABLE target_evidence (target INTEGER PRIMARY KEY, names TEXT NOT NULL);
  CREATE TABLE store_meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
  `,
  // The events with an error, id and target, in an index of their own: a search's words found in
  // an error are checked against the event's target there, a few pages, instead of in a random
  // page of the events table per event (tally-queries.ts).
  `
  CREATE INDEX events_errors ON events(id, target) WHERE error IS NOT NULL;
  `,
  // The key as text was a virtual column, computed only when read; nothing reads it but tests
  // (testing/stored-key.ts). An INSERT of several rows computed it for every row, which made the
  // import's INSERTs of 16 rows slower than single ones (4.7 s against 3.5 s for 522,061 rows;
  // 2.2 s without it). Dropping a virtual column rewrites no row.
  `
  ALTER TABLE events DROP COLUMN key;
  `,
  // An event's time as text and its file's name were 50 of a row's 100 bytes, the same few
  // file names and times that follow from `wall`, `ts` and `local_time`. New rows leave `time`
  // and `file` empty: `time_form` says how the time is derived (stored-time.ts), `file_id`
  // names the file in `log_files` (log-file-ids.ts). Rows already stored keep their text.
  `
  ALTER TABLE events ADD COLUMN time_form INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE events ADD COLUMN file_id INTEGER;
  CREATE TABLE log_files (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
  `,
  // A time bound finds its events through the span of each block of ids (`event_blocks`,
  // idSpanOfTimes in event-tally.ts), as the pages, counts and charts already did: the index on
  // `ts` served only retention and a time-bounded export, and cost every insert a B-tree of its
  // own (an eighth of the store on disk, 16.6 of 133 MB for a million events).
  `
  DROP INDEX events_ts;
  `,
]
