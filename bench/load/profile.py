#!/usr/bin/env python3
"""Where the CPU of a bench/load run goes: reads the jdk.ExecutionSample events of a JFR recording and
prints, as Markdown, (1) the share of samples per phase of a request (the request type when a sample is
inside a TicketApi method, else the filter or step it is in) and (2) per phase, the share per feature of
the frame that was running (the leaf frame's package grouped: JDBC driver, Jackson, Spring Security…).
With the request count of the run, also the CPU milliseconds per request that the samples stand for
(samples × the sampling interval are a lower bound: JFR samples at most a few threads per interval).
Usage: profile.py RECORDING.jfr [REQUESTS]
       profile.py RECORDING.jfr --drill PHASE [DEPTH]: what the samples of the phases whose name contains PHASE
       call, DEPTH calls deep (e.g. --drill "Spring MVC" 3)."""
import collections
import json
import re
import subprocess
import sys

# A sample's phase: walking its stack from the thread's entry point up to the running frame, the last
# marker frame seen names it, except that a filter merely passing the request on down the chain is not
# counted, and the controller's methods and the JSON steps end the walk (what runs below belongs to them).
STICKY = [
    ("TicketApi.create", "create (controller and below)"),
    ("TicketApi.transition", "transition (controller and below)"),
    ("TicketApi.get", "read one (controller and below)"),
    ("TicketApi.list", "list (controller and below)"),
    ("writeWithMessageConverters", "JSON writing of the answer"),
    ("readWithMessageConverters", "JSON reading of the body"),
    # after the commit, in the background (Spring Modulith's listeners, @Async ones)
    ("kpi.TicketFacts", "after commit: KPI ticket facts"),
    ("sla.SlaWatch", "after commit: SLA clocks"),
    ("notify.", "after commit: notifications"),
    ("backlog.", "after commit: backlog"),
    ("watch.", "after commit: technology watch"),
    ("github.", "after commit: GitHub"),
]
PHASES = [
    ("CompletionRegisteringMethodInterceptor", "after commit: event publication registry"),
    ("org.apache.coyote", "Tomcat connector (parsing, I/O)"),
    ("org.apache.tomcat", "Tomcat connector (parsing, I/O)"),
    ("org.apache.catalina", "Tomcat (servlet container)"),
    ("ServerHttpObservationFilter", "metrics and observation"),
    ("SessionRepositoryFilter", "HTTP session (spring-session)"),
    ("org.springframework.security.web", "security filter chain (other filters)"),
    ("BearerTokenFilter", "bearer token authentication"),
    ("PasswordChangeGate", "security filter chain (other filters)"),
    ("DispatcherServlet", "Spring MVC dispatch (mapping, arguments, interceptors)"),
    ("com.github.kagkarlsson", "db-scheduler"),
]
PASS_ON = re.compile(r"(FilterChain\w*|Chain)\.(doFilter|internalDoFilter)$")

# The leaf frame's feature: first matching prefix of its class name.
FEATURES = [
    ("org.postgresql", "PostgreSQL JDBC driver"),
    ("com.zaxxer.hikari", "Hikari pool"),
    ("org.springframework.jdbc", "Spring JDBC"),
    ("org.springframework.transaction", "Spring transactions"),
    ("org.springframework.security", "Spring Security"),
    ("org.springframework.session", "spring-session"),
    ("org.springframework.modulith", "Spring Modulith events"),
    ("tools.jackson", "Jackson"),
    ("com.fasterxml.jackson", "Jackson"),
    ("org.springframework.web", "Spring MVC"),
    ("org.springframework.http", "Spring MVC"),
    ("org.springframework", "Spring (other)"),
    ("io.micrometer", "Micrometer"),
    ("ch.qos.logback", "logging"),
    ("org.slf4j", "logging"),
    ("org.apache", "Tomcat"),
    ("dev.maintenancedesk.sla", "desk: sla"),
    ("dev.maintenancedesk.calendar", "desk: calendar"),
    ("dev.maintenancedesk.tickets", "desk: tickets"),
    ("dev.maintenancedesk.accounts", "desk: accounts"),
    ("dev.maintenancedesk", "desk: other"),
    ("java.util.regex", "JDK regex"),
    ("java.time", "JDK java.time"),
    ("java.util.concurrent", "JDK concurrency"),
    ("java.lang.invoke", "JDK reflection/invoke"),
    ("java.lang.reflect", "JDK reflection/invoke"),
    ("jdk.internal.reflect", "JDK reflection/invoke"),
    ("sun.nio", "JDK I/O"),
    ("java.io", "JDK I/O"),
    ("java.net", "JDK I/O"),
    ("sun.security", "JDK crypto"),
    ("java.security", "JDK crypto"),
    ("java.util", "JDK collections"),
    ("java.lang", "JDK lang (strings…)"),
    ("jdk.internal", "JDK internal"),
]

def name(frame):
    method = frame["method"]
    return method["type"]["name"].replace("/", ".") + "." + method["name"]


def phase_of(frames):
    phase = "other (no request on the stack)"
    for i in range(len(frames) - 1, -1, -1):
        frame = frames[i]
        sticky = next((label for marker, label in STICKY if marker in frame), None)
        if sticky:
            return sticky
        label = next((label for marker, label in PHASES if marker in frame), None)
        if label and not (i > 0 and PASS_ON.search(frames[i - 1])):
            phase = label
    return phase


def samples(recording):
    """The stacks (running frame first) of the recording's execution samples."""
    out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "300", "--events", "jdk.ExecutionSample",
                          recording], check=True, capture_output=True, text=True).stdout
    for event in json.loads(out)["recording"]["events"]:
        frames = [name(f) for f in event["values"]["stackTrace"]["frames"]]
        if frames:
            yield frames


PLUMBING = re.compile(r"(java\.|jdk\.|sun\.|org\.springframework\.aop|org\.springframework\.cglib|.*\$\$|.*Lambda)")


def drill(recording, wanted, depth):
    """The calls made from the frame that names the phase, plumbing (JDK, proxies, lambdas) left out."""
    calls = collections.Counter()
    for frames in samples(recording):
        if wanted not in phase_of(frames):
            continue
        marker = next((i for i in range(len(frames) - 1, -1, -1) if any(m in frames[i] for m, l in STICKY + PHASES
                                                                        if wanted in l)), 0)
        chain = [".".join(f.split(".")[-2:]) for f in reversed(frames[:marker]) if not PLUMBING.match(f)]
        calls[" > ".join(chain[:depth])] += 1
    total = sum(calls.values())
    print(f"{total} samples in phases matching '{wanted}'")
    for chain, n in calls.most_common(40):
        print(f"{n * 100.0 / total:5.1f} % {chain}")


def main():
    if len(sys.argv) > 2 and sys.argv[2] == "--drill":
        drill(sys.argv[1], sys.argv[3], int(sys.argv[4]) if len(sys.argv) > 4 else 3)
        return
    recording = sys.argv[1]
    requests = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    phases = collections.Counter()
    by_phase = collections.defaultdict(collections.Counter)
    leaf_methods = collections.defaultdict(collections.Counter)
    for frames in samples(recording):
        phase = phase_of(frames)
        leaf = frames[0]
        feature = next((label for prefix, label in FEATURES if leaf.startswith(prefix)), "other")
        phases[phase] += 1
        by_phase[phase][feature] += 1
        leaf_methods[phase][leaf] += 1

    total = sum(phases.values())
    print(f"{total} CPU samples ({recording})" + (f", {requests} requests" if requests else ""))
    print()
    print("| phase | share | what runs there (share of the phase) |")
    print("|---|---|---|")
    for phase, n in phases.most_common():
        top = ", ".join(f"{f} {c * 100 // n}%" for f, c in by_phase[phase].most_common(5))
        print(f"| {phase} | {n * 100.0 / total:.1f} % | {top} |")
    print()
    print("Hottest leaf methods per phase:")
    for phase, n in phases.most_common(8):
        print(f"- {phase}: " + "; ".join(f"{m} {c * 100 // n}%" for m, c in leaf_methods[phase].most_common(6)))
    features = collections.Counter()
    for c in by_phase.values():
        features.update(c)
    print()
    print("| feature (leaf frame) | share |")
    print("|---|---|")
    for f, n in features.most_common(15):
        print(f"| {f} | {n * 100.0 / total:.1f} % |")


if __name__ == "__main__":
    main()
