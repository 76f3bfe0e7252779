#!/usr/bin/env python3
"""Seeds the desk of bench/load/run.sh through its own API, so every ticket has the history, SLA clocks and
derived data the desk itself writes: COUNT creates (types, priorities and labels in rotation), then moves
part of them on (by the number the desk gave each: n % 10 of 0-3 stays NEW, 4-5 TRIAGED, 6 ASSIGNED,
7 IN_PROGRESS, 8 WAITING, 9 REJECTED). Writes the numbers left NEW, one a line, to NEW_FILE.
Usage: seed.py BASE_URL TOKEN COUNT NEW_FILE [THREADS]"""
import http.client
import json
import sys
import threading
import urllib.parse

base, token, count, new_file = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
workers = int(sys.argv[5]) if len(sys.argv) > 5 else 4
url = urllib.parse.urlsplit(base)
TYPES = ["CORRECTIVE", "EVOLUTIVE", "PREVENTIVE", "ADAPTIVE"]
PRIORITIES = ["P1", "P2", "P3", "P4"]
LABELS = ["bug", "feature", "security", "documentation", "performance", "tech-debt"]
PATHS = {  # the moves from NEW to each target state
    0: [], 1: [], 2: [], 3: [],
    4: [("TRIAGED", None)], 5: [("TRIAGED", None)],
    6: [("TRIAGED", None), ("ASSIGNED", None)],
    7: [("TRIAGED", None), ("ASSIGNED", None), ("IN_PROGRESS", None)],
    8: [("TRIAGED", None), ("WAITING", "waiting for the customer")],
    9: [("REJECTED", "duplicate")],
}


class Client:
    def __init__(self):
        self.conn = http.client.HTTPConnection(url.hostname, url.port, timeout=60)

    def call(self, method, path, body=None):
        headers = {"Authorization": "Bearer " + token, "Accept": "application/json"}
        data = None
        if body is not None:
            headers["Content-Type"] = "application/json"
            data = json.dumps(body).encode()
        self.conn.request(method, path, data, headers)
        response = self.conn.getresponse()
        payload = response.read()
        if response.status >= 300:
            raise SystemExit("%s %s answered %d: %s" % (method, path, response.status, payload[:300]))
        return json.loads(payload) if payload else None


def parallel(items, work):
    chunks = [items[i::workers] for i in range(workers)]
    results, failures = [], []

    def run(chunk):
        client = Client()
        try:
            for item in chunk:
                out = work(client, item)
                if out is not None:
                    results.append(out)
        except BaseException as e:  # noqa: BLE001 - reported below, the seed must stop
            failures.append(e)

    threads = [threading.Thread(target=run, args=(c,)) for c in chunks]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if failures:
        raise SystemExit("seeding failed: %s" % failures[0])
    return results


def create(client, i):
    ticket = client.call("POST", "/api/v1/tickets", {
        "title": "Seeded ticket %d%s" % (i, " login timeout" if i % 100 == 0 else ""),
        "description": "## Context\n\nSeeded by bench/load for ticket **%d**.\n\n- step 1\n- step 2" % i,
        "type": TYPES[i % 4], "priority": PRIORITIES[(i // 10) % 4], "labels": [LABELS[i % 6]]})
    return ticket["number"]


def move(client, number):
    for to, reason in PATHS[number % 10]:
        body = {"to": to}
        if reason:
            body["reason"] = reason
        if to == "ASSIGNED":
            ticket = client.call("GET", "/api/v1/tickets/%d" % number)
            client.call("PATCH", "/api/v1/tickets/%d" % number, {"version": ticket["version"], "assignee": "admin"})
        client.call("POST", "/api/v1/tickets/%d/transitions" % number, body)


numbers = sorted(parallel(list(range(1, count + 1)), create))
parallel([n for n in numbers if n % 10 >= 4], move)
with open(new_file, "w") as out:
    for n in numbers:
        if n % 10 < 4:
            out.write("%d\n" % n)
