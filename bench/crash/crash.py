#!/usr/bin/env python3
"""kill -9 crash-safety fault test of Maintenance Desk (issue 14), driven by bench/crash/run.sh.

Starts the real jar (`java -jar target/maintenance-desk.jar serve`) on a scratch PostgreSQL database with a
loopback stand-in for GitHub's REST API and one for the chat webhook; opens a few tickets from GitHub issues
(signed webhook deliveries); runs a write load (parallel clients creating tickets, some P1, triaging them,
commenting, commenting on the GitHub-linked tickets, and a client posting new signed deliveries); kills the
server with SIGKILL at a random moment of the load; starts it again on the same database and waits until
what was pending has been done. Then it checks, against what the clients were told (every 2xx recorded
client-side):

  * every acknowledged create, transition, comment and webhook delivery is in the database (lost = 0);
  * nothing is half-written: every ticket has its creation entry in the history, every comment its history
    entry, no ticket is twice, the SLA projection has both clocks of every ticket with its priority;
  * the event publication registry: publications left incomplete by the crash are resubmitted at start
    (spring.modulith.events.republish-outstanding-events-on-restart) and completed;
  * each new P1 reached the chat stand-in exactly once, each desk comment on a GitHub-linked ticket reached
    the GitHub stand-in exactly once (counted by the marker the desk puts in it); the idempotent calls
    (PATCH, PUT) were all received, re-sends after the crash are counted apart.

Prints the figures and PASS or FAIL; exit status 0 on PASS, 1 on FAIL, 2 when the run itself broke.
Only the standard library; SQL through psql. Everything talks to 127.0.0.1 only, and every wait is bounded.
"""
import argparse
import hashlib
import hmac
import http.server
import json
import os
import random
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid

REPOSITORY = "Codertocat/Hello-World"
SECRET = "crash-webhook-secret"
ADMIN_PASSWORD = "crash-admin-password"
TOKEN = "mdk_crash_bench_token_0123456789abcdef"
P1_CHAT = re.compile(r"Nouveau P1 — #(\d+) ")
MARKER = re.compile(r"<!-- maintenance-desk:comment:(\d+) -->")


def log(*args):
    print("crash:", *args, file=sys.stderr, flush=True)


class Broken(Exception):
    """The run itself could not proceed (server does not start, a wait timed out): exit 2."""


# ---------------------------------------------------------------------------------------------- stand-ins

class StandIns:
    """GitHub's REST API and the chat webhook on one loopback server, recording every request."""

    def __init__(self, chat_delay):
        self.lock = threading.Lock()
        self.github = []          # (method, path, body) of every GitHub call
        self.comments = {}        # issue number -> [{"id", "body"}], what GET .../comments answers
        self.chat = []            # text of every chat post
        self.chat_delay = chat_delay
        stand_ins = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def body(self):
                length = int(self.headers.get("Content-Length") or 0)
                return self.rfile.read(length).decode("utf-8") if length else ""

            def answer(self, status, payload):
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def handle_any(self):
                body = self.body()
                path = self.path.split("?")[0]
                if path == "/chat":
                    # a chat service that takes its time: notifications queue up behind it
                    time.sleep(stand_ins.chat_delay)
                    with stand_ins.lock:
                        stand_ins.chat.append(json.loads(body)["text"])
                    return self.answer(200, {"ok": True})
                with stand_ins.lock:
                    stand_ins.github.append((self.command, path, body))
                m = re.fullmatch(r"/repos/[^/]+/[^/]+/issues/(\d+)/comments", path)
                if m and self.command == "GET":
                    with stand_ins.lock:
                        return self.answer(200, list(stand_ins.comments.get(int(m.group(1)), [])))
                if m and self.command == "POST":
                    with stand_ins.lock:
                        listed = stand_ins.comments.setdefault(int(m.group(1)), [])
                        comment = {"id": 10_000 + len(stand_ins.github), "body": json.loads(body).get("body", ""),
                                   "user": {"login": "desk-bot"}}
                        listed.append(comment)
                    return self.answer(201, comment)
                if re.fullmatch(r"/repos/[^/]+/[^/]+/issues/\d+", path) and self.command == "PATCH":
                    return self.answer(200, {"number": int(path.rsplit("/", 1)[1]), "state": "open"})
                if path.endswith("/labels") and self.command in ("PUT", "POST"):
                    return self.answer(200, [])
                if "/statuses/" in path and self.command == "POST":
                    return self.answer(201, {"state": "success"})
                return self.answer(404, {"message": "Not Found"})

            do_GET = do_POST = do_PATCH = do_PUT = do_DELETE = handle_any

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def url(self):
        return "http://127.0.0.1:%d" % self.server.server_address[1]

    def close(self):
        self.server.shutdown()


# ---------------------------------------------------------------------------------------------- the desk

class Desk:
    def __init__(self, jar, java, database, port, stand_ins, logfile):
        self.port = port
        self.cmd = [java, "-Xmx768m", "-jar", jar, "serve"]
        self.env = dict(os.environ,
                        DESK_DATABASE_URL="jdbc:postgresql://127.0.0.1:5432/%s" % database,
                        DESK_DATABASE_USER="postgres", DESK_DATABASE_PASSWORD="",
                        DESK_PORT=str(port), DESK_ADMIN_PASSWORD=ADMIN_PASSWORD, DESK_ADMIN_TOKEN=TOKEN,
                        DESK_GITHUB_WEBHOOK_SECRET=SECRET, DESK_GITHUB_REPOSITORY=REPOSITORY,
                        DESK_GITHUB_TOKEN="ghp_crash_bench", DESK_GITHUB_API_URL=stand_ins.url,
                        DESK_NOTIFY_WEBHOOK_URL=stand_ins.url + "/chat",
                        DESK_PUBLIC_URL="http://127.0.0.1:%d" % port)
        self.logfile = logfile
        self.process = None

    def start(self, within=180):
        out = open(self.logfile, "ab")
        self.process = subprocess.Popen(self.cmd, env=self.env, stdout=out, stderr=subprocess.STDOUT)
        deadline = time.time() + within
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise Broken("the server stopped while starting (exit %s): see %s" % (self.process.returncode, self.logfile))
            try:
                with urllib.request.urlopen("http://127.0.0.1:%d/actuator/health" % self.port, timeout=5) as r:
                    if r.status == 200:
                        return
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.5)
        raise Broken("the server did not answer within %d s: see %s" % (within, self.logfile))

    def kill9(self):
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=30)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()


def call(port, method, path, payload=None, headers=None, raw=None, timeout=10):
    """One request; returns (status, parsed JSON or None). Connection errors are status 0 (not acknowledged)."""
    data = raw if raw is not None else (json.dumps(payload).encode() if payload is not None else None)
    request = urllib.request.Request("http://127.0.0.1:%d%s" % (port, path), data=data, method=method)
    request.add_header("Authorization", "Bearer " + TOKEN)
    request.add_header("Accept", "application/json")
    if data is not None:
        request.add_header("Content-Type", "application/json")
    for name, value in (headers or {}).items():
        request.add_header(name, value)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as r:
            body = r.read()
            return r.status, (json.loads(body) if body else None)
    except urllib.error.HTTPError as e:
        return e.code, None
    except (urllib.error.URLError, OSError, ValueError):
        return 0, None


def issue_delivery(number, title):
    with open("src/test/resources/github/webhooks/issues.opened.json", encoding="utf-8") as f:
        payload = json.load(f)
    payload["issue"]["number"] = number
    payload["issue"]["title"] = title
    payload["issue"]["html_url"] = "https://github.com/%s/issues/%d" % (REPOSITORY, number)
    payload["issue"]["labels"] = [{"name": "bug", "color": "ededed"}]
    body = json.dumps(payload, separators=(",", ":")).encode()
    signature = "sha256=" + hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()
    return body, signature


def deliver(port, number, title):
    body, signature = issue_delivery(number, title)
    delivery = str(uuid.uuid4())
    status, _ = call(port, "POST", "/webhooks/github", raw=body, headers={
        "X-GitHub-Event": "issues", "X-GitHub-Delivery": delivery, "X-Hub-Signature-256": signature})
    return delivery, status


# ---------------------------------------------------------------------------------------------- SQL

class Sql:
    def __init__(self, database):
        self.database = database

    def rows(self, query):
        out = subprocess.run(["psql", "-X", "-q", "-At", "-F", "\t", "-h", "127.0.0.1", "-U", "postgres", "-d",
                              self.database, "-c", query], capture_output=True, text=True, timeout=120)
        if out.returncode != 0:
            raise Broken("psql: %s" % out.stderr.strip())
        return [line.split("\t") for line in out.stdout.splitlines() if line]

    def one(self, query):
        rows = self.rows(query)
        return int(rows[0][0]) if rows and rows[0][0] != "" else 0


# ---------------------------------------------------------------------------------------------- the load

class Load:
    """Client threads writing through the API; every acknowledged write is recorded here."""

    def __init__(self, port, clients, linked, seed):
        self.port = port
        self.clients = clients
        self.linked = linked            # [(ticket number, issue number)] of GitHub-linked tickets
        self.stop = threading.Event()
        self.lock = threading.Lock()
        self.creates = {}               # number -> (title, priority)
        self.transitions = set()        # numbers moved to TRIAGED
        self.comments = {}              # comment id -> ticket number
        self.linked_comments = {}       # comment id -> issue number
        self.deliveries = {}            # delivery id -> issue number
        self.refused = {}               # status -> count (other than the expected ones)
        self.seed = seed

    def record_refusal(self, status):
        with self.lock:
            self.refused[status] = self.refused.get(status, 0) + 1

    def writer(self, worker):
        rnd = random.Random(self.seed * 1000 + worker)
        i = 0
        while not self.stop.is_set():
            i += 1
            title = "crash w%d n%d %s" % (worker, i, uuid.uuid4().hex[:8])
            priority = "P1" if rnd.random() < 0.2 else "P3"
            status, ticket = call(self.port, "POST", "/api/v1/tickets",
                                  {"title": title, "type": "CORRECTIVE", "priority": priority})
            if status != 201:
                if status:
                    self.record_refusal(status)
                continue
            n = ticket["number"]
            with self.lock:
                self.creates[n] = (title, priority)
            status, _ = call(self.port, "POST", "/api/v1/tickets/%d/transitions" % n, {"to": "TRIAGED"})
            if status in (200, 201):
                with self.lock:
                    self.transitions.add(n)
            elif status:
                self.record_refusal(status)
            status, comment = call(self.port, "POST", "/api/v1/tickets/%d/comments" % n,
                                   {"body": "Commentaire %d du client %d" % (i, worker)})
            if status == 201:
                with self.lock:
                    self.comments[comment["id"]] = n
            elif status:
                self.record_refusal(status)
            if self.linked and rnd.random() < 0.5:
                ticket_number, issue = rnd.choice(self.linked)
                status, comment = call(self.port, "POST", "/api/v1/tickets/%d/comments" % ticket_number,
                                       {"body": "Suivi %d du client %d, envoyé à GitHub" % (i, worker)})
                if status == 201:
                    with self.lock:
                        self.comments[comment["id"]] = ticket_number
                        self.linked_comments[comment["id"]] = issue
                elif status:
                    self.record_refusal(status)

    def deliverer(self, first_issue):
        issue = first_issue
        while not self.stop.is_set():
            issue += 1
            delivery, status = deliver(self.port, issue, "Issue %d pendant la charge" % issue)
            if status == 202:
                with self.lock:
                    self.deliveries[delivery] = issue
            elif status:
                self.record_refusal(status)
            time.sleep(0.05)

    def run(self, first_issue):
        threads = [threading.Thread(target=self.writer, args=(w,), daemon=True) for w in range(self.clients)]
        threads.append(threading.Thread(target=self.deliverer, args=(first_issue,), daemon=True))
        for t in threads:
            t.start()
        return threads


# ---------------------------------------------------------------------------------------------- the run

def wait_for(what, done, within):
    deadline = time.time() + within
    started = time.time()
    while not done():
        if time.time() > deadline:
            raise Broken("not within %d s: %s" % (within, what))
        time.sleep(1)
    return time.time() - started


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--database", required=True)
    parser.add_argument("--port", type=int, default=18095)
    parser.add_argument("--java", required=True)
    parser.add_argument("--jar", default="target/maintenance-desk.jar")
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seed", type=int, default=int(time.time()))
    parser.add_argument("--kill-after", type=float, default=None, help="seconds of load before kill -9")
    parser.add_argument("--log", default="target/crash-bench-server.log")
    args = parser.parse_args()
    rnd = random.Random(args.seed)
    kill_after = args.kill_after if args.kill_after is not None else rnd.uniform(6, 12)
    sql = Sql(args.database)
    open(args.log, "w").close()  # this run's server log only (both starts append to it)
    stand_ins = StandIns(chat_delay=0.15)
    desk = Desk(args.jar, args.java, args.database, args.port, stand_ins, args.log)
    try:
        log("starting the server (log: %s)" % args.log)
        desk.start()
        # GitHub-linked tickets the load comments on: opened from signed deliveries, as GitHub would
        first_issue = rnd.randrange(100_000, 900_000) * 10
        linked_issues = [first_issue + k for k in range(1, 6)]
        for issue in linked_issues:
            _, status = deliver(args.port, issue, "Issue %d avant la charge" % issue)
            if status != 202:
                raise Broken("the delivery of issue %d was answered %s" % (issue, status))
        wait_for("the linked tickets opened", lambda: sql.one(
            "SELECT COUNT(*) FROM github_issues WHERE ticket_number IS NOT NULL AND issue_number IN (%s)"
            % ",".join(map(str, linked_issues))) == len(linked_issues), 60)
        linked = [(int(t), int(i)) for i, t in sql.rows(
            "SELECT issue_number, ticket_number FROM github_issues WHERE issue_number IN (%s)"
            % ",".join(map(str, linked_issues)))]

        load = Load(args.port, args.clients, linked, args.seed)
        log("load: %d clients + 1 delivering webhooks; kill -9 after %.1f s (seed %d)" % (args.clients, kill_after, args.seed))
        threads = load.run(first_issue + 1000)
        time.sleep(kill_after)
        desk.kill9()
        killed_at = time.time()
        # clients keep trying a moment against the dead server (connection refused: not acknowledged)
        time.sleep(1)
        load.stop.set()
        for t in threads:
            t.join(timeout=30)

        at_crash = {
            "incomplete publications": sql.one("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL"),
            "outbox calls pending": sql.one("SELECT COUNT(*) FROM github_outbox WHERE status = 'PENDING'"),
            "outbox calls claimed (lease 5 min)": sql.one(
                "SELECT COUNT(*) FROM github_outbox WHERE status = 'PENDING' AND claimed_until IS NOT NULL"),
            "deliveries pending": sql.one("SELECT COUNT(*) FROM github_deliveries WHERE status = 'PENDING'"),
        }
        log("at the crash: " + ", ".join("%s %d" % kv for kv in at_crash.items()))

        log("restarting the server on the same database")
        restart_started = time.time()
        desk.start()
        restarted_in = time.time() - restart_started
        drained_in = wait_for("pending work done after the restart (publications, outbox, deliveries)", lambda: sql.one(
            "SELECT (SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL)"
            " + (SELECT COUNT(*) FROM github_outbox WHERE status = 'PENDING')"
            " + (SELECT COUNT(*) FROM github_deliveries WHERE status = 'PENDING')") == 0, 420)
        # the chat stand-in answers slowly: let the last posts land (the registry says they completed)
        time.sleep(1)
        return report(sql, load, stand_ins, at_crash, kill_after, restarted_in, drained_in, killed_at, args)
    finally:
        desk.stop()
        stand_ins.close()


def report(sql, load, stand_ins, at_crash, kill_after, restarted_in, drained_in, killed_at, args):
    failures = []
    tickets = {int(n): (t, p, s) for n, t, p, s in sql.rows("SELECT number, title, priority, state FROM tickets")}
    lost_creates = [n for n, (title, _) in load.creates.items() if n not in tickets or tickets[n][0] != title]
    lost_transitions = [n for n in load.transitions if n not in tickets or tickets[n][2] != "TRIAGED"]
    stored_comments = {int(i): (int(n), a) for i, n, a in sql.rows("SELECT id, ticket_number, author FROM ticket_comments")}
    lost_comments = [c for c, n in load.comments.items() if c not in stored_comments or stored_comments[c][0] != n]
    stored_deliveries = {d: s for d, s in sql.rows("SELECT id, status FROM github_deliveries")}
    lost_deliveries = [d for d in load.deliveries if d not in stored_deliveries]
    unapplied = [d for d in load.deliveries if stored_deliveries.get(d) not in ("DONE", "IGNORED")]
    issue_tickets = {int(i): (int(t) if t else None) for i, t in sql.rows(
        "SELECT issue_number, ticket_number FROM github_issues WHERE repository = '%s'" % REPOSITORY)}
    issues_without_ticket = [i for i in load.deliveries.values() if not issue_tickets.get(i)]
    titles = sql.one("SELECT COUNT(*) FROM (SELECT title FROM tickets GROUP BY title HAVING COUNT(*) > 1) d")
    no_creation = [int(r[0]) for r in sql.rows("SELECT number FROM tickets t WHERE NOT EXISTS (SELECT 1 FROM ticket_events e"
                                               " WHERE e.ticket_number = t.number AND e.action = 'CREATED') ORDER BY number")]
    comment_history = sql.one("SELECT ABS((SELECT COUNT(*) FROM ticket_comments)"
                              " - (SELECT COUNT(*) FROM ticket_events WHERE action = 'COMMENTED'))")
    triaged_without_history = sql.one(
        "SELECT COUNT(*) FROM tickets t WHERE t.state = 'TRIAGED' AND NOT EXISTS (SELECT 1 FROM ticket_events e"
        " WHERE e.ticket_number = t.number AND e.action = 'TRANSITIONED')")
    clocks_missing = [int(r[0]) for r in sql.rows("SELECT number FROM tickets t WHERE (SELECT COUNT(*) FROM sla_clocks c"
                                                  " WHERE c.ticket_number = t.number) <> 2 ORDER BY number")]
    clocks_stale = sql.one("SELECT COUNT(*) FROM sla_clocks c JOIN tickets t ON t.number = c.ticket_number"
                           " WHERE c.priority IS DISTINCT FROM t.priority")
    incomplete_after = sql.one("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL")
    # completed at the second attempt or later: left incomplete (the crash, or a listener that failed) and resubmitted
    republished = sql.one("SELECT COUNT(*) FROM event_publication WHERE completion_attempts > 1")

    # notifications: one chat post per P1 ticket the database holds (acknowledged or committed unanswered)
    p1 = {n for n, (_, p, _) in tickets.items() if p == "P1"}
    chat_counts = {}
    for text in stand_ins.chat:
        m = P1_CHAT.search(text)
        if m:
            chat_counts[int(m.group(1))] = chat_counts.get(int(m.group(1)), 0) + 1
    chat_missing = sorted(n for n in p1 if chat_counts.get(n, 0) == 0)
    chat_duplicates = sorted(n for n, c in chat_counts.items() if c > 1)

    # GitHub: each desk comment on a linked ticket posted once (its marker), every outbox row sent
    linked_tickets = {t for t in issue_tickets.values() if t}
    # the desk's own comments on linked tickets (the API's, by admin), not the copies of GitHub's comments
    expected_markers = {c for c, (n, author) in stored_comments.items() if n in linked_tickets and author == "admin"}
    marker_counts = {}
    other_calls = {}
    for method, path, body in stand_ins.github:
        if method == "POST" and path.endswith("/comments"):
            m = MARKER.search(json.loads(body).get("body", "")) if body else None
            if m:
                marker_counts[int(m.group(1))] = marker_counts.get(int(m.group(1)), 0) + 1
        elif method in ("PATCH", "PUT"):
            other_calls[(method, path, body)] = other_calls.get((method, path, body), 0) + 1
    github_missing = sorted(c for c in expected_markers if marker_counts.get(c, 0) == 0)
    github_duplicates = sorted(c for c, k in marker_counts.items() if k > 1)
    outbox = dict((s, int(c)) for s, c in sql.rows("SELECT status, COUNT(*) FROM github_outbox GROUP BY status"))
    resent_idempotent = sum(k - 1 for k in other_calls.values() if k > 1)

    def check(name, bad, detail=""):
        if bad:
            failures.append("%s: %s" % (name, detail or bad))

    check("acknowledged creates lost", len(lost_creates), str(lost_creates[:10]))
    check("acknowledged transitions lost", len(lost_transitions), str(lost_transitions[:10]))
    check("acknowledged comments lost", len(lost_comments), str(lost_comments[:10]))
    check("acknowledged deliveries lost", len(lost_deliveries), str(lost_deliveries[:10]))
    check("deliveries not applied", len(unapplied), str(unapplied[:10]))
    check("delivered issues without a ticket", len(issues_without_ticket), str(issues_without_ticket[:10]))
    check("tickets twice (same title)", titles)
    check("tickets without their creation entry", len(no_creation), str(no_creation[:10]))
    check("comments and their history entries differ by", comment_history)
    check("triaged tickets without their transition entry", triaged_without_history)
    check("tickets without both SLA clocks", len(clocks_missing), str(clocks_missing[:10]))
    check("SLA clocks of another priority than their ticket's", clocks_stale)
    check("event publications still incomplete", incomplete_after)
    check("P1 chat notifications missing", len(chat_missing), str(chat_missing[:10]))
    check("P1 chat notifications sent twice", len(chat_duplicates), str(chat_duplicates[:10]))
    check("GitHub comments missing", len(github_missing), str(github_missing[:10]))
    check("GitHub comments posted twice", len(github_duplicates), str(github_duplicates[:10]))
    check("outbox calls not sent", sum(c for s, c in outbox.items() if s != "SENT"), str(outbox))

    with open("/proc/loadavg") as f:
        loadavg = " ".join(f.read().split()[:3])
    acknowledged = len(load.creates) + len(load.transitions) + len(load.comments) + len(load.deliveries)
    found = (len(load.creates) - len(lost_creates) + len(load.transitions) - len(lost_transitions)
             + len(load.comments) - len(lost_comments) + len(load.deliveries) - len(lost_deliveries))
    lines = [
        "kill -9 fault test — seed %d, %d clients, kill after %.1f s of load; nproc %d, load average %s"
        % (args.seed, args.clients, kill_after, os.cpu_count(), loadavg),
        "acknowledged writes: %d (creates %d, transitions %d, comments %d of which %d on GitHub-linked tickets, deliveries %d)"
        % (acknowledged, len(load.creates), len(load.transitions), len(load.comments), len(load.linked_comments),
           len(load.deliveries)),
        "found after the restart: %d; lost: %d; duplicates: %d (tickets %d, chat %d, GitHub comments %d)"
        % (found, acknowledged - found, titles + len(chat_duplicates) + len(github_duplicates), titles,
           len(chat_duplicates), len(github_duplicates)),
        "refused during the load (not counted): %s" % (load.refused or "none"),
        "in the database: %d tickets (%d committed but never acknowledged), %d comments"
        % (len(tickets), len([n for n in tickets if n not in load.creates and tickets[n][0].startswith("crash ")]),
           len(stored_comments)),
        "at the crash: %s" % ", ".join("%s %d" % kv for kv in at_crash.items()),
        "restart: answering after %.1f s; pending work done %.1f s later; publications resubmitted: %d, still incomplete: %d"
        % (restarted_in, drained_in, republished, incomplete_after),
        "chat: %d P1 tickets, %d posts about them (missing %d, twice %d)"
        % (len(p1), sum(chat_counts.get(n, 0) for n in p1), len(chat_missing), len(chat_duplicates)),
        "GitHub: %d desk comments on linked tickets, %d posted (missing %d, twice %d); outbox %s; idempotent calls re-sent after the crash: %d"
        % (len(expected_markers), sum(marker_counts.get(c, 0) for c in expected_markers), len(github_missing),
           len(github_duplicates), outbox, resent_idempotent),
    ]
    print("\n".join(lines))
    if failures:
        print("FAIL")
        for f in failures:
            print("  - " + f)
        return 1
    print("PASS")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except Broken as e:
        print("BROKEN: %s" % e)
        sys.exit(2)
