// Regenerates the GitHub material the tests use, from the npm packages GitHub's Octokit team publishes:
//   cd "$(mktemp -d)" && npm install @octokit/webhooks-examples @octokit/openapi @octokit/fixtures
//   node /path/to/bench/github/extract-fixtures.mjs "$PWD/node_modules" /path/to/src/test/resources/github
// Webhook payloads: the first example of each (event, action) used, copied verbatim.
// OpenAPI: only the operations the desk calls, with every schema they reference, so that the tests
// validate each request the desk sends against GitHub's own description.
import fs from "node:fs";
import path from "node:path";

const [modules, out] = process.argv.slice(2);
const read = (p) => JSON.parse(fs.readFileSync(path.join(modules, p), "utf8"));

const wanted = [
  ["ping", null], ["issues", "opened"], ["issues", "edited"], ["issues", "labeled"], ["issues", "unlabeled"],
  ["issues", "assigned"], ["issues", "unassigned"], ["issues", "reopened"], ["issue_comment", "created"],
  ["pull_request", "opened"], ["pull_request", "synchronize"], ["pull_request", "closed"],
  ["pull_request_review", "submitted"], ["check_suite", "completed"], ["workflow_run", "completed"],
  ["release", "published"], ["deployment_status", "created"], ["push", null], ["create", null],
];
const examples = read("@octokit/webhooks-examples/api.github.com/index.json");
fs.mkdirSync(path.join(out, "webhooks"), { recursive: true });
for (const [event, action] of wanted) {
  const e = examples.find((x) => x.name === event);
  const ex = e.examples.find((x) => action === null || x.action === action);
  fs.writeFileSync(path.join(out, "webhooks", `${event}${action ? "." + action : ""}.json`), JSON.stringify(ex, null, 2) + "\n");
}
const pkg = read("@octokit/webhooks-examples/package.json");
fs.writeFileSync(path.join(out, "webhooks", "LICENSE.md"),
  `Payloads from the npm package ${pkg.name} ${pkg.version} (${pkg.repository}), licence ${pkg.license}:\n\n`
  + fs.readFileSync(path.join(modules, "@octokit/fixtures/LICENSE.md"), "utf8").replace(/^/, "(The MIT licence text as the Octokit project publishes it)\n\n"));

// The operations the desk's REST client calls.
const operations = [
  ["post", "/repos/{owner}/{repo}/issues"], ["patch", "/repos/{owner}/{repo}/issues/{issue_number}"],
  ["get", "/repos/{owner}/{repo}/issues"], ["get", "/repos/{owner}/{repo}/issues/{issue_number}"],
  ["post", "/repos/{owner}/{repo}/issues/{issue_number}/comments"], ["get", "/repos/{owner}/{repo}/issues/{issue_number}/comments"],
  ["put", "/repos/{owner}/{repo}/issues/{issue_number}/labels"],
  ["post", "/repos/{owner}/{repo}/statuses/{sha}"], ["get", "/repos/{owner}/{repo}/pulls/{pull_number}/files"],
  ["get", "/repos/{owner}/{repo}/pulls/{pull_number}/commits"],
  ["get", "/repos/{owner}/{repo}/releases/tags/{tag}"], ["post", "/repos/{owner}/{repo}/releases"],
  ["patch", "/repos/{owner}/{repo}/releases/{release_id}"], ["get", "/repos/{owner}/{repo}/tags"],
  ["get", "/repos/{owner}/{repo}/compare/{basehead}"], ["get", "/repos/{owner}/{repo}/commits"],
];
const api = read("@octokit/openapi/generated/api.github.com.deref.json");
const extract = { openapi: api.openapi, info: api.info, paths: {} };
for (const [method, p] of operations) {
  const op = api.paths[p][method];
  extract.paths[p] = extract.paths[p] || {};
  extract.paths[p][method] = {
    operationId: op.operationId,
    parameters: (op.parameters || []).map((x) => ({ name: x.name, in: x.in, required: !!x.required, schema: x.schema })),
    requestBody: op.requestBody ? { required: !!op.requestBody.required,
      schema: op.requestBody.content["application/json"].schema } : undefined,
  };
}
fs.mkdirSync(path.join(out, "openapi"), { recursive: true });
fs.writeFileSync(path.join(out, "openapi", "operations.json"), JSON.stringify(extract, null, 1) + "\n");
fs.copyFileSync(path.join(modules, "@octokit/openapi/LICENSE"), path.join(out, "openapi", "LICENSE"));

// Response shapes of GitHub's REST API recorded by @octokit/fixtures: the stand-in server serves them.
const scenarios = ["paginate-issues", "create-status", "add-labels-to-issue", "release-assets", "labels"];
fs.mkdirSync(path.join(out, "fixtures"), { recursive: true });
for (const name of scenarios) {
  const recorded = read(`@octokit/fixtures/scenarios/api.github.com/${name}/normalized-fixture.json`);
  const kept = recorded.map((x) => ({ method: x.method, path: x.path, status: x.status,
    headers: Object.fromEntries(Object.entries(x.headers || {}).filter(([k]) => ["link", "etag", "content-type"].includes(k))),
    response: x.response }));
  fs.writeFileSync(path.join(out, "fixtures", `${name}.json`), JSON.stringify(kept, null, 1) + "\n");
}
fs.copyFileSync(path.join(modules, "@octokit/fixtures/LICENSE.md"), path.join(out, "fixtures", "LICENSE.md"));
