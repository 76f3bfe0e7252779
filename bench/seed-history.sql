-- Bulk-loads :tickets tickets with a consistent history, for the benchmarks (psql -v tickets=N -v step=MINUTES
-- -v comments=K -f bench/seed-history.sql, on a migrated scratch database). One ticket every :step minutes back
-- from now: the oldest are long past (clocks met or long breached), the newest still counting. States cycle
-- through the workflow; a third are assigned to admin. The history is what the SLA clocks are computed from:
-- created, priority set, then each step of the workflow 40 minutes apart up to the ticket's state (WAITING after
-- IN_PROGRESS, REJECTED straight from NEW); :comments Markdown comments each.
-- A ticket's labels are on its row (what lists show) and in ticket_labels (what the label filter searches).
INSERT INTO tickets (number, title, description, type, priority, state, waiting_from, reporter, assignee, api_impact,
  docs_updated, changelog_updated, version, created_at, updated_at, labels)
SELECT n, 'Ticket ' || n || CASE WHEN n % 1000 = 0 THEN ' login timeout' ELSE '' END,
  E'## Contexte\n\nGénéré pour le benchmark : **' || n || E'**.\n\n- étape 1\n- étape 2\n\n```\nstack trace\n```',
  (ARRAY['CORRECTIVE','EVOLUTIVE','PREVENTIVE','ADAPTIVE'])[1 + n % 4],
  (ARRAY['P1','P2','P3','P4'])[1 + (n / 10) % 4],
  (ARRAY['NEW','TRIAGED','ASSIGNED','IN_PROGRESS','IN_REVIEW','MERGED','CLOSED','CLOSED','WAITING','REJECTED'])[1 + n % 10],
  CASE WHEN n % 10 = 8 THEN 'IN_PROGRESS' END,
  'admin', CASE WHEN n % 3 = 0 OR n % 10 BETWEEN 2 AND 8 THEN 'admin' END, false, false, false, 0,
  now() - ((:tickets - n) * :step || ' minutes')::interval, now(),
  ARRAY[(ARRAY['bug','feature','security','documentation','performance','tech-debt'])[1 + n % 6]]
FROM generate_series(1, :tickets) AS n;
INSERT INTO ticket_labels (ticket_number, label)
SELECT n, (ARRAY['bug','feature','security','documentation','performance','tech-debt'])[1 + n % 6]
FROM generate_series(1, :tickets) AS n;
SELECT setval('ticket_number_seq', :tickets);

INSERT INTO ticket_events (ticket_number, occurred_at, actor, action, field, before_value, after_value, reason)
SELECT number, created_at, 'admin', 'CREATED', NULL, NULL, NULL, NULL FROM tickets;
INSERT INTO ticket_events (ticket_number, occurred_at, actor, action, field, before_value, after_value, reason)
SELECT number, created_at, 'admin', 'UPDATED', 'PRIORITY', NULL, priority, NULL FROM tickets;
INSERT INTO ticket_events (ticket_number, occurred_at, actor, action, field, before_value, after_value, reason)
SELECT t.number, t.created_at + s.i * interval '40 minutes', 'admin', 'TRANSITIONED', 'STATE', p.path[s.i], p.path[s.i + 1], NULL
FROM tickets t
CROSS JOIN (SELECT ARRAY['NEW','TRIAGED','ASSIGNED','IN_PROGRESS','IN_REVIEW','MERGED','CLOSED'] AS path) p
CROSS JOIN LATERAL generate_series(1, CASE t.state WHEN 'WAITING' THEN 3 WHEN 'REJECTED' THEN 0
  ELSE array_position(p.path, t.state::text) - 1 END) AS s(i);
INSERT INTO ticket_events (ticket_number, occurred_at, actor, action, field, before_value, after_value, reason)
SELECT number, created_at + interval '4 hours', 'admin', 'TRANSITIONED', 'STATE', 'IN_PROGRESS', 'WAITING', 'attente client'
FROM tickets WHERE state = 'WAITING';
INSERT INTO ticket_events (ticket_number, occurred_at, actor, action, field, before_value, after_value, reason)
SELECT number, created_at + interval '1 hour', 'admin', 'TRANSITIONED', 'STATE', 'NEW', 'REJECTED', 'doublon'
FROM tickets WHERE state = 'REJECTED';
INSERT INTO ticket_comments (ticket_number, author, body, created_at)
SELECT number, 'admin', 'Commentaire ' || c || E' avec du **Markdown** et un [lien](https://example.org).',
  created_at + c * interval '20 minutes'
FROM tickets CROSS JOIN generate_series(1, :comments) AS c;
VACUUM ANALYZE tickets;
VACUUM ANALYZE ticket_labels;
VACUUM ANALYZE ticket_events;
VACUUM ANALYZE ticket_comments;
