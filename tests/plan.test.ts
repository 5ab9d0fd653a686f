// `apprunner-private plan`, run as users run it: a process, its output and its exit code.
import * as assert from "node:assert/strict";
import { spawn } from "node:child_process";
import * as os2 from "node:os";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { formatText, wantsColor } from "../plan/command/format";
import { estimateCost } from "../plan/command/cost";
import { PlanResult } from "../plan/command/plan";
import { TOPOLOGY as T } from "./mocks";
import { ROOT } from "./schema";

const CLI = path.join(ROOT, "bin", "plan", "cli.js");
type Run = { code: number | null; stdout: string; stderr: string };
const spawnPlan = (args: string[]): Promise<Run> =>
    new Promise((resolve) => {
        const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: "" } });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (d) => (stdout += d));
        child.stderr.on("data", (d) => (stderr += d));
        child.on("close", (code) => resolve({ code, stdout, stderr }));
    });
// Every plan the tests read is run first, a few at a time (each is its own Node process), then asserted one by one.
const run = (...args: string[]): Run => {
    const r = results.get(args.join("\u0000"));
    if (!r) throw new Error(`plan ${args.join(" ")} was not run in before(): add it to RUNS`);
    return r;
};
const results = new Map<string, Run>();
const programs = (name: string) => path.join(ROOT, "tests", "programs", name);
const AVAILABILITY =
    "Note: AWS App Runner is closed to new customers since 2026; existing customers keep full use, AWS plans no new features and points new users to Amazon ECS Express Mode (https://docs.aws.amazon.com/apprunner/latest/dg/apprunner-availability-change.html).\n";
// The examples' programs type-check against this repository; only the test programs without their own tsconfig
// need the flag that skips it, to keep each run short.
const FAST = "--no-typecheck";

const TMP = fs.mkdtempSync(path.join(os.tmpdir(), "plan-"));
const NETWORK = path.join(TMP, "network.json");
const TOPOLOGY = path.join(TMP, "topology.json");
const DIAGRAM = path.join(TMP, "plan.mmd");
const EXISTING_VPC = "vpc-0a1b2c3d4e5f60718";
const EXISTING = {
    vpcs: [{ id: EXISTING_VPC, cidrBlocks: ["10.50.0.0/16"] }],
    subnets: [
        { id: "subnet-0a1b2c3d4e5f60711", vpcId: EXISTING_VPC, availabilityZone: "us-east-1a", cidrBlock: "10.50.0.0/24" },
        { id: "subnet-0a1b2c3d4e5f60712", vpcId: EXISTING_VPC, availabilityZone: "us-east-1b", cidrBlock: "10.50.1.0/24" },
    ],
};
const EXISTING_CONFIG = ["--config", `vpcId=${EXISTING_VPC}`, "--config", `subnetIds=${JSON.stringify(EXISTING.subnets.map((x) => x.id))}`];
const EXAMPLE_CONFIG = ["--config", `vpcId=${T.vpcId}`, "--config", `subnetIds=${JSON.stringify([T.subnetA, T.subnetB])}`];

/** Every plan the tests read. */
const RUNS: string[][] = [
    ["plan"],
    ["plan", ".", "--config", "aws:region=eu-west-1", FAST],
    ["plan", ".", "--config", "aws:region=eu-central-1", FAST],
    ["plan", ".", "--config", "aws:region=sa-east-1", FAST],
    ["plan", ".", "--json", "--price-per-az-hour", "0.02", FAST],
    ["plan", programs("typeerror")],
    ["plan", programs("typeerror"), FAST],
    ["plan", programs("async"), FAST, "--json"],
    ["plan", programs("unmodelled"), FAST],
    ["plan", programs("stackref"), FAST, "--stack-reference", `acme/network/prod=${NETWORK}`],
    ["plan", programs("stackref"), FAST],
    ["plan", programs("secrets"), FAST, "--config", "dbPassword=hunter2"],
    ["plan", programs("secrets"), FAST, "--config", "dbPassword=hunter2", "--json"],
    ["plan", programs("existing"), FAST, ...EXISTING_CONFIG, "--topology", TOPOLOGY],
    ["plan", programs("existing"), FAST, ...EXISTING_CONFIG],
    ["plan", "examples/typescript", "--diagram", DIAGRAM, FAST, ...EXAMPLE_CONFIG],
    ["plan", "examples/typescript", FAST, ...EXAMPLE_CONFIG],
    ["plan", programs("invalid"), FAST],
    ["plan", programs("public"), FAST],
    ["plan", programs("broken"), FAST],
    ["plan", "no-such-dir"],
    ["plan", "no-such-dir", "--json"],
    ["plan", programs("many"), FAST],
    ["plan", programs("teams"), FAST],
];

describe("apprunner-private plan", function () {
    this.timeout(180_000);
    before(async () => {
        fs.writeFileSync(NETWORK, JSON.stringify({ vpcId: T.vpcId }));
        fs.writeFileSync(TOPOLOGY, JSON.stringify(EXISTING));
        const queue = [...RUNS];
        const worker = async () => {
            for (let args = queue.shift(); args; args = queue.shift()) results.set(args.join("\u0000"), await spawnPlan(args));
        };
        await Promise.all(Array.from({ length: Math.max(2, os2.availableParallelism()) }, worker));
    });
    after(() => fs.rmSync(TMP, { recursive: true, force: true }));

    it("plans the root project: the availability notice first, then resources, outputs, findings, cost; exit 0", () => {
        const { code, stdout, stderr } = run("plan");
        assert.equal(code, 0, stderr);
        assert.ok(stdout.startsWith(AVAILABILITY), stdout.slice(0, 300));
        assert.match(stdout, /\nPlan of apprunner-private \(.*\) in us-east-1: simulated, no AWS account and no Pulumi CLI used/);
        assert.match(stdout, /\nResources \(8\):\n {2}apprunner-private:index:PrivateEndpoint {2}hello\n {4}aws:ec2\/securityGroup:SecurityGroup {2}hello-endpoint-sg {2}ingress=tcp 443-443 from 10\.0\.0\.0\/16 egress=none\n/);
        assert.match(stdout, /aws:apprunner\/service:Service {2}hello {2}serviceName=private-hello isPubliclyAccessible=false/);
        assert.match(stdout, /\nOutputs:\n {2}url = "https:\/\/[a-z0-9]{10}\.us-east-1\.awsapprunner\.com"\n/);
        assert.match(stdout, /\nPolicy pack apprunner-private: 0 mandatory violations, 0 advisory findings\n/);
        assert.match(
            stdout,
            /\n {2}hello-endpoint of PrivateEndpoint "hello" \(us-east-1\): 2 AZs × 730 h × USD 0\.01 = USD 14\.60\n {2}total: USD 14\.60 for 1 service; one endpoint per service instead: USD 14\.60; sharing saves USD 0\.00\n {2}Partial hours bill as full hours\. Data processed is extra: USD 0\.01\/GB for the first PB, 0\.006 for the next 4 PB, 0\.004 above\.\n/,
        );
        assert.doesNotMatch(stdout, /warning|error|\n {2}none/i, "no empty sections");
        assert.match(stdout, /\nResult: OK\n$/);
    });

    it("honours the stack's aws:region, and says when a region's price is assumed", () => {
        const { code, stdout } = run("plan", ".", "--config", "aws:region=eu-west-1", FAST);
        assert.equal(code, 0, stdout);
        assert.match(stdout, /\) in eu-west-1: simulated/);
        assert.match(stdout, /serviceName=com\.amazonaws\.eu-west-1\.apprunner\.requests/);
        assert.match(stdout, /url = "https:\/\/[a-z0-9]{10}\.eu-west-1\.awsapprunner\.com"/);
        assert.match(stdout, /\n {2}no confirmed price for eu-west-1: USD 0\.01 \(us-east-1's\) assumed; pass --price-per-az-hour for the real one\n/);
        const frankfurt = run("plan", ".", "--config", "aws:region=eu-central-1", FAST);
        assert.match(frankfurt.stdout, /hello-endpoint of PrivateEndpoint "hello" \(eu-central-1\): 2 AZs × 730 h × USD 0\.012 = USD 17\.52/);
    });

    it("refuses a region without App Runner, naming the component (exit 1)", () => {
        const { code, stdout } = run("plan", ".", "--config", "aws:region=sa-east-1", FAST);
        assert.equal(code, 1);
        const regions = "us-east-1, us-east-2, us-west-2, ap-south-1, ap-southeast-1, ap-southeast-2, ap-northeast-1, eu-central-1, eu-west-1, eu-west-2, eu-west-3";
        assert.ok(
            stdout.includes(
                `\n2 errors:\n  Service "hello": creating App Runner Service (private-hello): operation error AppRunner: CreateService, exceeded maximum number of attempts, 25, ` +
                    `https response error StatusCode: 0, RequestID: , request send failed, Post "https://apprunner.sa-east-1.amazonaws.com/": dial tcp: lookup apprunner.sa-east-1.amazonaws.com: no such host\n` +
                    `  PrivateEndpoint "hello": The AWS provider's region must be one where App Runner exists (${regions}), got: sa-east-1. Set \`aws:region\` to one of them, or give this component a provider for one (the \`provider\` option).\n`,
            ),
            stdout,
        );
        assert.doesNotMatch(stdout, /VpcEndpoint|SecurityGroup/, "nothing registered for the component");
    });

    it("--json prints the same plan for machines, with the availability notice and each endpoint's price", () => {
        const { code, stdout } = run("plan", ".", "--json", "--price-per-az-hour", "0.02", FAST);
        assert.equal(code, 0);
        const p = JSON.parse(stdout);
        assert.equal(p.availability, AVAILABILITY.slice("Note: ".length, -1));
        assert.equal(p.project, "apprunner-private");
        assert.equal(p.resources.length, 8);
        assert.deepEqual([p.errors, p.findings, p.exitCode], [[], [], 0]);
        assert.deepEqual(p.cost.endpoints, [{ name: "hello-endpoint", owner: 'PrivateEndpoint "hello"', region: "us-east-1", azs: 2, pricePerAzHour: 0.02, monthly: 29.2 }]);
        assert.deepEqual(p.cost.notes, ["USD 0.02 per endpoint-AZ-hour, as given (--price-per-az-hour)"]);
    });

    it("type-checks by default, as Pulumi's Node.js host does: a type error fails the plan (exit 1); --no-typecheck skips it", () => {
        const checked = run("plan", programs("typeerror"));
        assert.equal(checked.code, 1);
        assert.match(checked.stdout, /\n1 error:\n {2}index\.ts\(5,7\): Type 'string' is not assignable to type 'number'\.\n/);
        assert.match(checked.stdout, /\nResources \(0\)|Result: FAILED/);
        const unchecked = run("plan", programs("typeerror"), FAST);
        assert.equal(unchecked.code, 0, unchecked.stdout);
    });

    it("runs a program that exports an async function, and resolves Outputs nested in arrays and objects", () => {
        const { code, stdout } = run("plan", programs("async"), FAST, "--json");
        assert.equal(code, 0, stdout);
        const { outputs } = JSON.parse(stdout);
        assert.match(outputs.url, /^https:\/\/[a-z0-9]{10}\.us-east-1\.awsapprunner\.com$/);
        assert.deepEqual(outputs.nested, { endpoints: [T.existingEndpointId], literal: 7 });
    });

    it("passes resources it does not model through, with a one-line note each", () => {
        const { code, stdout } = run("plan", programs("unmodelled"), FAST);
        assert.equal(code, 0, stdout);
        assert.match(stdout, /\n {2}roleName = "access-[0-9a-f]{7}"\n/);
        assert.match(
            stdout,
            /\n2 notes:\n {2}aws:(ecr\/repository:Repository "images"|iam\/role:Role "access") is not modelled by the plan: passed through with a generated id\n {2}aws:(ecr\/repository:Repository "images"|iam\/role:Role "access") is not modelled by the plan: passed through with a generated id\n/,
        );
    });

    it("takes a stack reference's outputs from --stack-reference, and otherwise names that option (exit 2)", () => {
        const ok = run("plan", programs("stackref"), FAST, "--stack-reference", `acme/network/prod=${NETWORK}`);
        assert.equal(ok.code, 0, ok.stdout);
        const missing = run("plan", programs("stackref"), FAST);
        assert.equal(missing.code, 2);
        assert.equal(missing.stderr, 'error: stack reference "acme/network/prod" has no outputs here: pass --stack-reference acme/network/prod=FILE (a JSON object of its outputs)\n');
    });

    it("masks secret outputs in text and JSON, nested ones included", () => {
        const text = run("plan", programs("secrets"), FAST, "--config", "dbPassword=hunter2");
        assert.equal(text.code, 0, text.stdout);
        assert.doesNotMatch(text.stdout + text.stderr, /hunter2/);
        assert.match(text.stdout, /\n {2}password = "\[secret\]"\n {2}connection = "\[secret\]"\n {2}user = "app"\n/);
        const json = run("plan", programs("secrets"), FAST, "--config", "dbPassword=hunter2", "--json");
        assert.doesNotMatch(json.stdout, /hunter2/);
        assert.deepEqual(JSON.parse(json.stdout).outputs, { password: "[secret]", connection: "[secret]", user: "app" });
    });

    it("plans a program that uses an existing VPC described by --topology; a lookup that misses lists the ids it knows", () => {
        const ok = run("plan", programs("existing"), FAST, ...EXISTING_CONFIG, "--topology", TOPOLOGY);
        assert.equal(ok.code, 0, ok.stdout);
        assert.match(ok.stdout, /ingress=tcp 443-443 from 10\.50\.0\.0\/16/);
        const missing = run("plan", programs("existing"), FAST, ...EXISTING_CONFIG);
        assert.equal(missing.code, 1);
        assert.match(missing.stdout, new RegExp(`no matching EC2 VPC found \\(the plan knows ${T.vpcId}, ${T.otherVpcId}, ${T.dualVpcId} in us-east-1; describe others with --topology\\)`));
    });

    it("--diagram writes a Mermaid diagram (subnets and zones, security group, private services) and says where", () => {
        const { code, stderr } = run("plan", "examples/typescript", "--diagram", DIAGRAM, FAST, ...EXAMPLE_CONFIG);
        assert.equal(code, 0);
        assert.equal(stderr, `wrote the Mermaid diagram to ${DIAGRAM}\n`);
        const diagram = fs.readFileSync(DIAGRAM, "utf8");
        const nb = (s: string) => s.replace(/-/g, "\u2011");
        assert.match(diagram, /^flowchart LR\n/);
        assert.ok(
            diagram.includes(
                `interface endpoint ${nb("shared-endpoint")} (shared, InterfaceEndpoint #quot;shared#quot;)<br/>${nb("com.amazonaws.us-east-1.apprunner.requests")}<br/>ipv4, subnets: ${nb(`${T.subnetA} (us-east-1a), ${T.subnetB} (us-east-1b)`)}`,
            ),
            diagram,
        );
        assert.ok(diagram.includes(`{{"security group ${nb("shared-endpoint-sg")}<br/>tcp 443 from 10.0.0.0/16, 10.1.0.0/16"}}`), diagram);
        for (const name of ["api-connection", "admin-connection"]) assert.ok(diagram.includes(`-- "VPC ingress connection ${nb(name)}<br/>https://`), name);
        for (const service of ["private-api", "private-admin"]) assert.ok(diagram.includes(`App Runner service ${nb(service)}"])<br/>private`) || diagram.includes(`App Runner service ${nb(service)}<br/>private`), service);
    });

    it("shows the saving of sharing one endpoint", () => {
        const { stdout } = run("plan", "examples/typescript", FAST, ...EXAMPLE_CONFIG);
        assert.match(stdout, /\n {2}shared-endpoint of InterfaceEndpoint "shared" \(us-east-1\): 2 AZs × 730 h × USD 0\.01 = USD 14\.60\n/);
        assert.match(stdout, /total: USD 14\.60 for 2 services; one endpoint per service instead: USD 29\.20; sharing saves USD 14\.60/);
    });

    it("exits 1 with the component's message, naming the component, on invalid arguments", () => {
        const { code, stdout } = run("plan", programs("invalid"), FAST);
        assert.equal(code, 1);
        assert.match(stdout, /\n1 error:\n {2}PrivateEndpoint "api": Only one of `subnetIds` or `vpcEndpointId` can be provided\. Pass `subnetIds` to create a new App Runner interface endpoint, or `vpcEndpointId` to reuse an existing one\.\n/);
        assert.match(stdout, /\nResult: FAILED/);
    });

    it("exits 1 on mandatory policy violations, and reports the public service and the one-zone warning once each, naming the component", () => {
        const { code, stdout } = run("plan", programs("public"), FAST);
        assert.equal(code, 1);
        assert.match(stdout, /\[mandatory\] apprunner-service-not-public \(svc\): Service "svc" is connected privately by VpcIngressConnection "api-connection" but is not private/);
        assert.match(stdout, /\[advisory\] apprunner-endpoint-multi-az \(api-endpoint\): VpcEndpoint "api-endpoint" is in 1 subnet/);
        assert.match(
            stdout,
            /\n2 warnings:\n {2}PrivateEndpoint "api": The App Runner service "arn:aws:apprunner:us-east-1:123456789012:service\/public-api\/[0-9a-f]{32}" is publicly accessible: a VPC ingress connection does not make it private\. Set its `networkConfiguration\.ingressConfiguration\.isPubliclyAccessible` to false \(the policy pack requires it\)\.\n {2}PrivateEndpoint "api": `subnetIds` places the endpoint in one Availability Zone \(us-east-1a\)/,
        );
    });

    it("plans components nested in the program's own components as the engine parents them, same names apart", () => {
        const { code, stdout } = run("plan", programs("teams"), FAST);
        assert.equal(code, 0, stdout);
        const tree = stdout.split("\n").filter((l) => /^ {2,}(acme|apprunner-private|aws):/.test(l)).map((l) => l.replace(/^( +\S+ +\S+).*$/, "$1"));
        assert.deepEqual(tree, [
            "  acme:index:Payments  payments",
            "    apprunner-private:index:PrivateEndpoint  api",
            "      aws:ec2/securityGroup:SecurityGroup  api-endpoint-sg",
            "      aws:ec2/vpcEndpoint:VpcEndpoint  api-endpoint",
            "      aws:apprunner/vpcIngressConnection:VpcIngressConnection  api-connection",
            "  acme:index:Search  search",
            "    apprunner-private:index:PrivateEndpoint  api",
            "      aws:ec2/securityGroup:SecurityGroup  api-endpoint-sg",
            "      aws:ec2/vpcEndpoint:VpcEndpoint  api-endpoint",
            "      aws:apprunner/vpcIngressConnection:VpcIngressConnection  api-connection",
        ]);
        assert.match(stdout, /\n  api-endpoint \(us-east-1\): 1 AZ × 730 h × USD 0\.01 = USD 7\.30\n  api-endpoint \(us-east-1\): 2 AZs × 730 h × USD 0\.01 = USD 14\.60\n/);
    });

    it("exits 2 with a clear error, not a stack trace, for a program that does not load; --json says so in JSON", () => {
        const { code, stdout, stderr } = run("plan", programs("broken"), FAST);
        assert.equal(code, 2);
        assert.equal(stdout, "");
        assert.match(stderr, /^error: the program failed to load: /);
        assert.doesNotMatch(stderr, /\n\s+at /);
        const missing = run("plan", "no-such-dir");
        assert.equal(missing.code, 2);
        assert.match(missing.stderr, /^error: no Pulumi\.yaml in .*no-such-dir: give the directory of a Pulumi project\n$/);
        const json = run("plan", "no-such-dir", "--json");
        assert.equal(json.code, 2);
        assert.match(JSON.parse(json.stdout).error, /^no Pulumi\.yaml in .*no-such-dir/);
    });

    it("shows progress on long programs", () => {
        const { code, stderr, stdout } = run("plan", programs("many"), FAST);
        assert.equal(code, 0, stdout);
        assert.match(stderr, /planning: \d+ resources registered\.\.\./);
        assert.match(stdout, /total: USD 14\.60 for 150 services; one endpoint per service instead: USD 2190\.00; sharing saves USD 2175\.40/);
    });

    it("colours only a terminal, and never with NO_COLOR", () => {
        assert.equal(wantsColor(true, {}), true);
        assert.equal(wantsColor(true, { NO_COLOR: "1" }), false);
        assert.equal(wantsColor(false, {}), false);
        assert.equal(wantsColor(undefined, {}), false);
        const result: PlanResult = {
            project: "p",
            dir: "/p",
            region: "us-east-1",
            resources: [],
            outputs: {},
            warnings: [],
            errors: ['PrivateEndpoint "api": Only one of'],
            notes: [],
            findings: [],
            cost: estimateCost([]),
            exitCode: 1,
            registrations: [],
            zoneOf: () => undefined,
        };
        assert.match(formatText(result, true), /\u001b\[31m {2}PrivateEndpoint "api": Only one of/);
        assert.doesNotMatch(formatText(result, false), /\u001b\[/);
    });
});
