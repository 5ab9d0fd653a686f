// `apprunner-private plan`, run as users run it: a process, its output and its exit code.
import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { TOPOLOGY as T } from "./mocks";
import { ROOT } from "./schema";

const CLI = path.join(ROOT, "bin", "sdk", "cli.js");
const run = (...args: string[]) => {
    const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: "utf8", timeout: 120_000 });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const programs = (name: string) => path.join(ROOT, "tests", "programs", name);

describe("apprunner-private plan", function () {
    this.timeout(120_000);

    it("plans the root project: resource tree, outputs, no findings, cost, exit 0", () => {
        const { code, stdout, stderr } = run("plan");
        assert.equal(code, 0, stderr);
        assert.match(stdout, /^Plan of apprunner-private \(.*\): simulated, no AWS account and no Pulumi CLI used/);
        assert.match(stdout, /\nResources \(8\):\n {2}apprunner-private:index:PrivateEndpoint {2}hello\n {4}aws:ec2\/securityGroup:SecurityGroup {2}hello-endpoint-sg {2}ingress=tcp 443-443 from 10\.0\.0\.0\/16 egress=none\n/);
        assert.match(stdout, /aws:apprunner\/service:Service {2}hello {2}serviceName=private-hello isPubliclyAccessible=false/);
        assert.match(stdout, /\nOutputs:\n {2}url = "https:\/\/[a-z0-9]{10}\.us-east-1\.awsapprunner\.com"\n/);
        assert.match(stdout, /\nPolicy pack apprunner-private: 0 mandatory violation\(s\), 0 advisory finding\(s\)\n/);
        assert.match(stdout, /\n {2}hello-endpoint: 2 AZ\(s\) × 730 h × USD 0\.01 = USD 14\.60\n {2}total: USD 14\.60 for 1 service\(s\); one endpoint per service instead: USD 14\.60; sharing saves USD 0\.00\n/);
        assert.match(stdout, /\nResult: OK\n$/);
    });

    it("--json prints the same plan for machines", () => {
        const { code, stdout } = run("plan", ".", "--json", "--price-per-az-hour", "0.02");
        assert.equal(code, 0);
        const plan = JSON.parse(stdout);
        assert.equal(plan.project, "apprunner-private");
        assert.equal(plan.resources.length, 8);
        assert.deepEqual(plan.errors, []);
        assert.deepEqual(plan.findings, []);
        assert.equal(plan.exitCode, 0);
        assert.deepEqual(plan.cost.endpoints, [{ name: "hello-endpoint", azs: 2, monthly: 29.2 }]);
        assert.match(plan.outputs.url, /^https:\/\//);
    });

    it("--diagram writes a Mermaid diagram naming every endpoint and connection", () => {
        const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "plan-")), "plan.mmd");
        const { code } = run("plan", "examples/typescript", "--diagram", file, "--config", `vpcId=${T.vpcId}`, "--config", `subnetIds=${JSON.stringify([T.subnetA, T.subnetB])}`);
        assert.equal(code, 0);
        const diagram = fs.readFileSync(file, "utf8");
        assert.match(diagram, /^flowchart LR\n/);
        assert.match(diagram, /interface endpoint api-endpoint<br\/>com\.amazonaws\.us-east-1\.apprunner\.requests<br\/>2 AZs/);
        for (const name of ["api-connection", "admin-connection"]) assert.match(diagram, new RegExp(`-- "VPC ingress connection ${name}<br/>https://`));
        for (const service of ["private-api", "private-admin"]) assert.match(diagram, new RegExp(`App Runner service ${service}`));
    });

    it("shows the saving of sharing one endpoint", () => {
        const { stdout } = run("plan", "examples/typescript", "--config", `vpcId=${T.vpcId}`, "--config", `subnetIds=${JSON.stringify([T.subnetA, T.subnetB])}`);
        assert.match(stdout, /total: USD 14\.60 for 2 service\(s\); one endpoint per service instead: USD 29\.20; sharing saves USD 14\.60/);
    });

    it("exits 1 with the component's message on invalid arguments", () => {
        const { code, stdout } = run("plan", programs("invalid"));
        assert.equal(code, 1);
        assert.match(stdout, /\nErrors \(1\):\n {2}Only one of `subnetIds` or `vpcEndpointId` can be provided\. Pass `subnetIds` to create a new App Runner interface endpoint, or `vpcEndpointId` to reuse an existing one\.\n/);
        assert.match(stdout, /\nResult: FAILED/);
    });

    it("exits 1 on mandatory policy violations, and reports the one-zone warning", () => {
        const { code, stdout } = run("plan", programs("public"));
        assert.equal(code, 1);
        assert.match(stdout, /\[mandatory\] apprunner-service-not-public \(svc\): Service "svc" is connected privately by VpcIngressConnection "api-connection" but is still reachable from the internet/);
        assert.match(stdout, /\[advisory\] apprunner-endpoint-multi-az \(api-endpoint\): VpcEndpoint "api-endpoint" is in 1 subnet/);
        assert.match(stdout, /\nWarnings \(1\):\n {2}`subnetIds` places the endpoint in one Availability Zone \(us-east-1a\)/);
    });

    it("exits 2 with a clear error, not a stack trace, for a program that does not load", () => {
        const { code, stdout, stderr } = run("plan", programs("broken"));
        assert.equal(code, 2);
        assert.equal(stdout, "");
        assert.match(stderr, /^error: the program failed to load: /);
        assert.doesNotMatch(stderr, /\n\s+at /);
        const missing = run("plan", "no-such-dir");
        assert.equal(missing.code, 2);
        assert.match(missing.stderr, /^error: no Pulumi\.yaml in .*no-such-dir: give the directory of a Pulumi project\n$/);
    });

    it("shows progress on long programs", () => {
        const { code, stderr, stdout } = run("plan", programs("many"));
        assert.equal(code, 0, stdout);
        assert.match(stderr, /planning: \d+ resources registered\.\.\./);
        assert.match(stdout, /total: USD 14\.60 for 150 service\(s\); one endpoint per service instead: USD 2190\.00; sharing saves USD 2175\.40/);
    });
});
