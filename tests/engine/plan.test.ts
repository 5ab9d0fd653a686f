// `apprunner-private plan` on the real engine, run as users run it: a process, with their `pulumi` on PATH, their own
// Pulumi home and backend (which it must not touch), in their project (which it must leave byte-for-byte as it was:
// every run here hashes it before and after, .git included). What it prints and its exit code are asserted verbatim
// where they are text. The plan's stops before the engine: tests/plan-cli.test.ts.
import * as assert from "node:assert/strict";
import { joined } from "../regex";
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { TOPOLOGY as T } from "../../plan/aws";
import { REPO, Workspace, addProvider, edit, enginePath, rootCopy } from "./harness";

const CLI = path.join(REPO, "bin", "plan", "cli.js");
const PROGRAMS = path.join(REPO, "tests", "engine", "programs", "plan");
const AVAILABILITY =
    "AWS App Runner is closed to new customers since 2026; existing customers keep full use, " +
    "AWS plans no new features and points new users to Amazon ECS Express Mode " +
    "(https://docs.aws.amazon.com/apprunner/latest/dg/apprunner-availability-change.html).";
const DATA =
    "  Partial hours bill as full hours. Data processed is extra: USD 0.01/GB for the first PB, 0.006 for the next 4 PB, 0.004 above.\n";
/**
 * What the plan's `Sealed:` line says of the network, by this machine's own probe of what the plan tries (an unprivileged
 * network namespace with loopback up): the tests hold the plan to saying which held, wherever they run.
 */
const NAMESPACE = spawnSync("unshare", ["-rn", "sh", "-c", "ip link set lo up && exec true"], { stdio: "ignore" }).status === 0;
const SEALED =
    "no provider ran but the stand-in AWS; " +
    (NAMESPACE
        ? "the engine ran in a network namespace with loopback only (no network)"
        : "the engine ran with the network reachable (this system lets no unprivileged process make a network namespace); " +
          "AWS credentials, config and the instance metadata service were pointed away from it");
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const URL = (region: string) => new RegExp(`^https://[a-z0-9]{10}\\.${region}\\.awsapprunner\\.com$`);

/** Every entry under `dir` (not following links): a file's size, mtime and sha256, a link's target, a directory. */
function snapshot(dir: string): Record<string, string> {
    const out: Record<string, string> = {};
    const walk = (d: string) => {
        for (const e of fs.readdirSync(d, { withFileTypes: true })) {
            const p = path.join(d, e.name);
            const rel = path.relative(dir, p);
            if (e.isSymbolicLink()) out[rel] = `link ${fs.readlinkSync(p)}`;
            else if (e.isDirectory()) {
                out[rel] = `dir ${fs.statSync(p).mtimeMs}`;
                walk(p);
            } else {
                const s = fs.statSync(p);
                out[rel] = `${s.size} ${s.mtimeMs} ${createHash("sha256").update(fs.readFileSync(p)).digest("hex")}`;
            }
        }
    };
    walk(dir);
    return out;
}

interface PlanRun {
    code: number | null;
    stdout: string;
    stderr: string;
}

/**
 * Runs the plan as a user would, in `dir`: their PATH (with the `pulumi` engine.sh provides), their Pulumi home and
 * backend, no passphrase unless given, and Python free to write bytecode. Asserts that the project, the home and the
 * backend are unchanged afterwards, and that the plan's scratch directory is gone.
 */
function planIn(ws: Workspace, dir: string, args: string[], env: NodeJS.ProcessEnv = {}, input?: string): PlanRun {
    const home = path.join(ws.dir, "user-home");
    const backend = path.join(ws.dir, "user-backend");
    const tmp = path.join(ws.dir, "tmp");
    for (const d of [home, backend, tmp]) fs.mkdirSync(d, { recursive: true });
    fs.writeFileSync(path.join(home, "credentials.json"), "{}");
    const inherited = Object.fromEntries(
        Object.entries(process.env).filter(
            ([k]) => !/^(PULUMI_|APPRUNNER_STANDIN_)/.test(k) && k !== "PYTHONDONTWRITEBYTECODE" && k !== "NO_COLOR",
        ),
    );
    const before = [snapshot(dir), snapshot(home), snapshot(backend)];
    const r = spawnSync(process.execPath, [CLI, "plan", ...args], {
        cwd: dir,
        encoding: "utf8",
        input,
        env: {
            ...inherited,
            PATH: `${enginePath()}${path.delimiter}${process.env.PATH}`,
            PULUMI_HOME: home,
            PULUMI_BACKEND_URL: `file://${backend}`,
            TMPDIR: tmp,
            ...env,
        },
    });
    assert.deepEqual(
        [snapshot(dir), snapshot(home), snapshot(backend)],
        before,
        "the project, the Pulumi home and the backend are unchanged",
    );
    // (Pulumi's Node.js runtime keeps its ts-node cache there, as it does for any `pulumi up`.)
    assert.deepEqual(
        fs.readdirSync(tmp).filter((f) => f.startsWith("apprunner-plan-")),
        [],
        "the scratch directory is removed",
    );
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The resource tree's lines, type and name only. */
const tree = (stdout: string) =>
    stdout
        .split("\n")
        .filter((l) => /^ {2,}[\w-]+:[\w/-]*:\w+ {2}\S/.test(l))
        .map((l) => l.replace(/^( +\S+ {2}\S+).*$/, "$1"));

describe("real engine: apprunner-private plan", function () {
    this.timeout(20 * 60_000);
    const ws = new Workspace("plan");
    after(() => ws.dispose());

    describe("the root project", () => {
        let root: string;
        before(() => (root = rootCopy(ws)));

        it("is planned: the availability notice first, then resources, outputs, findings and cost; exit 0", () => {
            const { code, stdout, stderr } = planIn(ws, root, []);
            assert.equal(code, 0, stdout + stderr);
            assert.equal(stderr, "");
            assert.ok(stdout.startsWith(`Note: ${AVAILABILITY}\n\n`), stdout.slice(0, 300));
            assert.match(
                stdout,
                new RegExp(
                    `\\nPlan of apprunner-private \\(${root}\\), stack plan, in us-east-1: run by pulumi ` +
                        `v\\d+\\.\\d+\\.\\d+ against a simulated AWS, no AWS account used; ` +
                        "ids, ARNs and domain names are invented\\.\\n" +
                        `Sealed: ${escape(SEALED)}\\.\\n`,
                ),
            );
            assert.deepEqual(tree(stdout), [
                "  apprunner-private:index:PrivateEndpoint  hello",
                "    aws:cloudcontrol/resource:Resource  hello-connection",
                "    aws:ec2/securityGroup:SecurityGroup  hello-endpoint-sg",
                "    aws:ec2/vpcEndpoint:VpcEndpoint  hello-endpoint",
                "  aws:apprunner/service:Service  hello",
                "  aws:ec2/subnet:Subnet  private-0",
                "  aws:ec2/subnet:Subnet  private-1",
                "  aws:ec2/vpc:Vpc  vpc",
            ]);
            assert.match(stdout, /\nResources \(8\):\n/);
            assert.match(
                stdout,
                joined(
                    /\n/,
                    / {4}aws:cloudcontrol\/resource:Resource {2}hello-connection {2}typeName=AWS::AppRunner::VpcIngressConnection /,
                    /name=\(named by AWS\) vpcEndpointId=vpce-[0-9a-f]{17}\n/,
                ),
            );
            assert.match(
                stdout,
                /\n {4}aws:ec2\/securityGroup:SecurityGroup {2}hello-endpoint-sg {2}ingress=tcp 443-443 from 10\.0\.0\.0\/16 egress=none\n/,
            );
            assert.match(stdout, /\n {2}aws:apprunner\/service:Service {2}hello {2}serviceName=private-hello isPubliclyAccessible=false\n/);
            assert.match(
                stdout,
                joined(
                    /\nOutputs:\n {2}url = "https:\/\/[a-z0-9]{10}\.us-east-1\.awsapprunner\.com"\n/,
                    / {2}vpcEndpointId = "vpce-[0-9a-f]{17}"\n {2}vpcId = "vpc-[0-9a-f]{17}"\n/,
                ),
            );
            assert.match(stdout, /\nPolicy pack apprunner-private: 0 mandatory violations, 0 advisory findings\n/);
            assert.ok(
                stdout.endsWith(
                    "\nCost of interface endpoints, per month:\n" +
                        '  hello-endpoint of PrivateEndpoint "hello" (us-east-1): 2 AZs × 730 h × USD 0.01 = USD 14.60\n' +
                        "  total: USD 14.60 for 1 service; one endpoint per service instead: USD 14.60; sharing saves USD 0.00\n" +
                        DATA +
                        "\nResult: OK\n",
                ),
                stdout,
            );
            assert.doesNotMatch(stdout, /\n\d+ (warning|error|note)s?:/, "no warnings (the stand-in's own included), errors or notes");
        });

        it("--json prints the same plan for machines, with the availability notice and each endpoint's price", () => {
            const { code, stdout } = planIn(ws, root, ["--json", "--price-per-az-hour", "0.02"]);
            assert.equal(code, 0, stdout);
            const p = JSON.parse(stdout);
            assert.deepEqual(Object.keys(p), [
                "availability",
                "project",
                "dir",
                "stack",
                "region",
                "pulumi",
                "resources",
                "outputs",
                "warnings",
                "errors",
                "notes",
                "policyPacks",
                "findings",
                "cost",
                "exitCode",
                "sealed",
            ]);
            assert.equal(p.sealed, SEALED);
            assert.deepEqual(p.policyPacks, [{ name: "apprunner-private", version: "0.1.0", path: path.join(REPO, "policy") }]);
            assert.deepEqual(
                [p.availability, p.project, p.dir, p.stack, p.region],
                [AVAILABILITY, "apprunner-private", root, "plan", "us-east-1"],
            );
            assert.match(p.pulumi, /^v3\.\d+\.\d+$/);
            assert.deepEqual([p.warnings, p.errors, p.notes, p.findings, p.exitCode], [[], [], [], [], 0]);
            assert.equal(p.resources.length, 8);
            const endpoint = p.resources.find((r: any) => r.name === "hello-endpoint");
            assert.deepEqual(Object.keys(endpoint), ["urn", "type", "name", "parent", "custom", "id", "inputs", "outputs"]);
            assert.deepEqual(
                [endpoint.urn, endpoint.type, endpoint.parent, endpoint.custom],
                [
                    "urn:pulumi:plan::apprunner-private::apprunner-private:index:PrivateEndpoint" +
                        "$aws:ec2/vpcEndpoint:VpcEndpoint::hello-endpoint",
                    "aws:ec2/vpcEndpoint:VpcEndpoint",
                    "urn:pulumi:plan::apprunner-private::apprunner-private:index:PrivateEndpoint::hello",
                    true,
                ],
            );
            assert.equal(endpoint.id, endpoint.outputs.id ?? endpoint.id);
            assert.match(endpoint.id, /^vpce-[0-9a-f]{17}$/);
            assert.equal(endpoint.inputs.serviceName, "com.amazonaws.us-east-1.apprunner.requests");
            assert.match(p.outputs.url, URL("us-east-1"));
            assert.deepEqual(p.cost.endpoints, [
                {
                    name: "hello-endpoint",
                    owner: 'PrivateEndpoint "hello"',
                    region: "us-east-1",
                    azs: 2,
                    pricePerAzHour: 0.02,
                    monthly: 29.2,
                },
            ]);
            assert.deepEqual(p.cost.notes, ["USD 0.02 per endpoint-AZ-hour, as given (--price-per-az-hour)"]);
        });

        it("takes aws:region from --config, and says when a region's price is assumed", () => {
            const { code, stdout } = planIn(ws, root, ["--config", "aws:region=eu-west-1"]);
            assert.equal(code, 0, stdout);
            assert.match(stdout, /\), stack plan, in eu-west-1: run by pulumi/);
            assert.match(stdout, /serviceName=com\.amazonaws\.eu-west-1\.apprunner\.requests/);
            assert.match(stdout, /url = "https:\/\/[a-z0-9]{10}\.eu-west-1\.awsapprunner\.com"/);
            assert.ok(
                stdout.includes(
                    '  hello-endpoint of PrivateEndpoint "hello" (eu-west-1): 2 AZs × 730 h × USD 0.01 = USD 14.60\n' +
                        "  total: USD 14.60 for 1 service; one endpoint per service instead: USD 14.60; sharing saves USD 0.00\n" +
                        "  no confirmed price for eu-west-1: USD 0.01 (us-east-1's) assumed; pass --price-per-az-hour for the real one\n",
                ),
                stdout,
            );
        });

        it("refuses a region without App Runner, naming the component; AWS refuses the service (exit 1)", () => {
            const { code, stdout } = planIn(ws, root, ["--config", "aws:region=sa-east-1"]);
            assert.equal(code, 1);
            const regions =
                "us-east-1, us-east-2, us-west-2, ap-south-1, ap-southeast-1, ap-southeast-2, " +
                "ap-northeast-1, eu-central-1, eu-west-1, eu-west-2, eu-west-3";
            assert.match(stdout, /\n2 errors:\n/);
            assert.ok(
                stdout.includes(
                    '\n  Service "hello": creating App Runner Service (private-hello): operation error ' +
                        "AppRunner: CreateService, exceeded maximum number of attempts, 25, " +
                        "https response error StatusCode: 0, RequestID: , request send failed, Post " +
                        '"https://apprunner.sa-east-1.amazonaws.com/": dial tcp: lookup ' +
                        "apprunner.sa-east-1.amazonaws.com: no such host\n",
                ),
                stdout,
            );
            assert.ok(
                stdout.includes(
                    `\n  PrivateEndpoint "hello": The AWS provider's region must be one where App Runner exists ` +
                        `(${regions}), got: sa-east-1. ` +
                        "Set `aws:region` to one of them, or give this component a provider for one (the `provider` option).\n",
                ),
                stdout,
            );
            assert.doesNotMatch(stdout, /VpcEndpoint|SecurityGroup/, "nothing registered for the component");
            assert.match(stdout, /\nResult: FAILED \(errors or mandatory policy violations above\)\n$/);
        });
    });

    describe("stack configuration and secrets", () => {
        const dir = path.join(PROGRAMS, "configured");
        const PASSPHRASE = { PULUMI_CONFIG_PASSPHRASE: "plan-tests" };

        it("--stack dev takes Pulumi.dev.yaml's region and price, and its secret, which appears nowhere in the text", () => {
            const { code, stdout, stderr } = planIn(ws, dir, ["--stack", "dev"], PASSPHRASE);
            assert.equal(code, 0, stdout + stderr);
            assert.doesNotMatch(stdout + stderr, /hunter2/);
            assert.match(stdout, new RegExp(`\\nPlan of plan-configured \\(${dir}\\), stack dev, in eu-central-1: run by pulumi`));
            assert.match(stdout, /\n {2}aws:ec2\/subnet:Subnet {2}private-0 {2}cidrBlock=10\.0\.0\.0\/24 availabilityZone=eu-central-1a\n/);
            assert.ok(stdout.includes("\n1 warning:\n  connecting to the database with [secret]\n"), stdout);
            assert.match(
                stdout,
                joined(
                    /\nOutputs:\n {2}connection = \{"password":"\[secret\]","user":"app"\}\n/,
                    / {2}password = "\[secret\]"\n {2}url = /,
                    /"https:\/\/[a-z0-9]{10}\.eu-central-1\.awsapprunner\.com"\n/,
                ),
            );
            assert.ok(
                stdout.includes('\n  api-endpoint of PrivateEndpoint "api" (eu-central-1): 2 AZs × 730 h × USD 0.012 = USD 17.52\n'),
                stdout,
            );
        });

        it('--json has no secret either: secret outputs and inputs are "[secret]"', () => {
            const { code, stdout } = planIn(ws, dir, ["--stack", "dev", "--json"], PASSPHRASE);
            assert.equal(code, 0, stdout);
            assert.doesNotMatch(stdout, /hunter2/);
            const p = JSON.parse(stdout);
            assert.deepEqual(
                [p.region, p.outputs.password, p.outputs.connection],
                ["eu-central-1", "[secret]", { password: "[secret]", user: "app" }],
            );
            const service = p.resources.find((r: any) => r.type === "aws:apprunner/service:Service");
            assert.deepEqual(
                [service.inputs.tags, service.outputs.tags],
                [
                    { db: "[secret]", team: "payments" },
                    { db: "[secret]", team: "payments" },
                ],
            );
        });

        it("takes a secure value it cannot decrypt from --config, and keeps it secret", () => {
            const { code, stdout } = planIn(ws, dir, ["--stack", "dev", "--json", "--config", "dbPassword=hunter3"]);
            assert.equal(code, 0, stdout);
            assert.doesNotMatch(stdout, /hunter3/);
            assert.deepEqual(
                [JSON.parse(stdout).outputs.password, JSON.parse(stdout).warnings],
                ["[secret]", ["connecting to the database with [secret]"]],
            );
        });

        it("says which stack files there are when --stack names none of them; a key Pulumi.yaml declares secret stays secret", () => {
            const { code, stdout } = planIn(ws, dir, ["--config", "team=payments", "--config", "dbPassword=hunter3"]);
            assert.equal(code, 0, stdout);
            assert.doesNotMatch(stdout, /hunter3/);
            assert.ok(
                stdout.includes(
                    "\n1 note:\n  no Pulumi.plan.yaml: the program gets Pulumi.yaml's defaults and --config " +
                        "only (Pulumi.dev.yaml is there: --stack names one)\n",
                ),
                stdout,
            );
            assert.match(stdout, /\), stack plan, in us-east-1: run by pulumi/);
        });

        it("says when the passphrase given is not the stack's (exit 2)", () => {
            const r = planIn(ws, dir, ["--stack", "dev"], { PULUMI_CONFIG_PASSPHRASE: "not-the-passphrase" });
            assert.deepEqual(r, {
                code: 2,
                stdout: "",
                stderr:
                    `error: the passphrase in PULUMI_CONFIG_PASSPHRASE does not decrypt ${dir}/Pulumi.dev.yaml: ` +
                    `give the stack's passphrase, ` +
                    "or unset it and pass the secure values with --config (`plan-configured:dbPassword`)\n",
            });
        });
    });

    it("fails a stack transform that makes the service public with the mandatory violation (exit 1)", () => {
        const { code, stdout } = planIn(ws, path.join(PROGRAMS, "transform"), []);
        assert.equal(code, 1, stdout);
        assert.match(stdout, /\n {4}aws:apprunner\/service:Service {2}web {2}serviceName=private-web isPubliclyAccessible=true\n/);
        assert.ok(
            stdout.includes(
                "\nPolicy pack apprunner-private: 1 mandatory violation, 0 advisory findings\n" +
                    '  [mandatory] apprunner-service-not-public (web): Service "web" is connected privately by ' +
                    'VpcIngressConnection "web-connection" but is not private ' +
                    "(isPubliclyAccessible: true): set " +
                    "networkConfiguration.ingressConfiguration.isPubliclyAccessible to false, as AWS's " +
                    "procedure for a private service does.\n",
            ),
            stdout,
        );
        assert.match(stdout, /\nResult: FAILED \(errors or mandatory policy violations above\)\n$/);
    });

    it("plans components nested in the program's own components, same names apart", () => {
        const { code, stdout } = planIn(ws, path.join(PROGRAMS, "teams"), []);
        assert.equal(code, 0, stdout);
        assert.deepEqual(tree(stdout), [
            "  acme:index:Payments  payments",
            "    apprunner-private:index:PrivateEndpoint  api",
            "      aws:cloudcontrol/resource:Resource  api-connection",
            "      aws:ec2/securityGroup:SecurityGroup  api-endpoint-sg",
            "      aws:ec2/vpcEndpoint:VpcEndpoint  api-endpoint",
            "  acme:index:Search  search",
            "    apprunner-private:index:PrivateEndpoint  api",
            "      aws:cloudcontrol/resource:Resource  api-connection",
            "      aws:ec2/securityGroup:SecurityGroup  api-endpoint-sg",
            "      aws:ec2/vpcEndpoint:VpcEndpoint  api-endpoint",
        ]);
        assert.ok(
            stdout.includes(
                '\n  api-endpoint of PrivateEndpoint "api" (us-east-1): 2 AZs × 730 h × USD 0.01 = USD 14.60\n' +
                    '  api-endpoint of PrivateEndpoint "api" (us-east-1): 1 AZ × 730 h × USD 0.01 = USD 7.30\n' +
                    "  total: USD 21.90 for 2 services; one endpoint per service instead: USD 21.90; sharing saves USD 0.00\n",
            ),
            stdout,
        );
    });

    it("answers getVpc({ default: true }) and getSubnets by filter from the account's default VPC", () => {
        const { code, stdout } = planIn(ws, path.join(PROGRAMS, "default-vpc"), ["--json"]);
        assert.equal(code, 0, stdout);
        const p = JSON.parse(stdout);
        assert.equal(p.outputs.vpcId, T.defaultVpcId);
        const endpoint = p.resources.find((r: any) => r.name === "api-endpoint");
        assert.equal(endpoint.inputs.vpcId, T.defaultVpcId);
        assert.equal(endpoint.inputs.subnetIds.length, 3);
        assert.deepEqual(
            p.cost.endpoints.map((e: any) => e.azs),
            [3],
        );
    });

    describe("existing infrastructure", () => {
        const dir = path.join(PROGRAMS, "existing");
        const vpcId = "vpc-0a1b2c3d4e5f60718";
        const groupId = "sg-0a1b2c3d4e5f60719";
        const serviceArn = "arn:aws:apprunner:us-east-1:123456789012:service/orders/0123456789abcdef0123456789abcdef";
        const config = ["--config", `vpcId=${vpcId}`, "--config", `clientGroupId=${groupId}`, "--config", `serviceArn=${serviceArn}`];
        const topology = {
            vpcs: [{ id: vpcId, cidrBlocks: ["10.50.0.0/16"] }],
            subnets: [
                { id: "subnet-0a1b2c3d4e5f60711", vpcId, availabilityZone: "us-east-1a", cidrBlock: "10.50.0.0/24" },
                { id: "subnet-0a1b2c3d4e5f60712", vpcId, availabilityZone: "us-east-1b", cidrBlock: "10.50.1.0/24" },
            ],
            securityGroups: [{ id: groupId, vpcId, name: "clients" }],
            services: [serviceArn],
        };

        it("comes from --topology: VPCs, subnets, security groups and services", () => {
            const file = path.join(ws.dir, "topology.json");
            fs.writeFileSync(file, JSON.stringify(topology));
            const diagram = path.join(ws.dir, "existing.mmd");
            const { code, stdout, stderr } = planIn(ws, dir, [...config, "--topology", file, "--diagram", diagram]);
            assert.equal(code, 0, stdout);
            assert.equal(stderr, `wrote the Mermaid diagram to ${diagram}\n`);
            assert.match(
                stdout,
                joined(
                    /\n {4}aws:ec2\/securityGroup:SecurityGroup {2}api-endpoint-sg {2}ingress=tcp /,
                    /443-443 from sg-0a1b2c3d4e5f60719 egress=none\n/,
                ),
            );
            const nb = (s: string) => s.replace(/-/g, "\u2011");
            const text = fs.readFileSync(diagram, "utf8");
            assert.ok(text.includes(`subgraph vpc0["VPC ${nb(vpcId)}"]`), text);
            assert.ok(
                text.includes(`subnets: ${nb("subnet-0a1b2c3d4e5f60711 (us-east-1a), subnet-0a1b2c3d4e5f60712 (us-east-1b)")}`),
                text,
            );
            assert.ok(text.includes(`(["service ${nb(serviceArn)}"])`), text);
        });

        it("or from lookups; a lookup the plan cannot answer exits 2, naming it and what the account has", () => {
            // The VPC, its subnets and the group exist, the service does not: one lookup fails.
            const { services: _none, ...rest } = topology;
            fs.writeFileSync(path.join(ws.dir, "no-service.json"), JSON.stringify(rest));
            const service = planIn(ws, dir, [...config, "--topology", path.join(ws.dir, "no-service.json")]);
            assert.deepEqual(service, {
                code: 2,
                stdout: "",
                stderr:
                    "error: the plan cannot answer a lookup the program makes:\n" +
                    `  aws:cloudcontrol/getResource:getResource ` +
                    `{"identifier":"${serviceArn}","typeName":"AWS::AppRunner::Service"}: reading Cloud Control ` +
                    `API (AWS::AppRunner::Service) ` +
                    `Resource (${serviceArn}): couldn't find resource; the simulated account has the App Runner ` +
                    `services ${T.apiServiceArn}, ${T.adminServiceArn} in us-east-1\n` +
                    "Describe what exists in your account (VPCs, subnets, security groups, App Runner services) " +
                    'in a --topology file: see the README, "See before you deploy".\n',
            });
            // Nothing given: the VPC lookup fails (and others may, as the program runs on).
            const { code, stdout, stderr } = planIn(ws, dir, config);
            assert.equal(code, 2);
            assert.equal(stdout, "");
            const vpcs = [T.vpcId, T.otherVpcId, T.dualVpcId, T.defaultVpcId].join(", ");
            assert.match(stderr, /^error: the plan cannot answer (a lookup|\d lookups) the program makes:\n/);
            assert.ok(
                stderr.includes(
                    `\n  aws:ec2/getVpc:getVpc {"id":"${vpcId}"}: no matching EC2 VPC found; the simulated ` +
                        `account has the VPCs ${vpcs} in us-east-1\n`,
                ),
                stderr,
            );
            assert.doesNotMatch(stderr, /\n\s+at /, "no stack trace");
        });
    });

    it("exits 1 with the component's message, naming the component, on invalid arguments", () => {
        const { code, stdout } = planIn(ws, path.join(PROGRAMS, "invalid"), []);
        assert.equal(code, 1);
        assert.ok(
            stdout.includes(
                '\n1 error:\n  PrivateEndpoint "api": Only one of `subnetIds` or `vpcEndpointId` can be provided. ' +
                    "Pass `subnetIds` to create a new App Runner interface endpoint, or `vpcEndpointId` to reuse an existing one.\n",
            ),
            stdout,
        );
    });

    it(
        "creates AWS types the stand-in does not model generically and lists them; from YAML it " +
            "refuses them, naming the type (exit 2)",
        () => {
            const ts = planIn(ws, path.join(PROGRAMS, "unmodelled"), []);
            assert.equal(ts.code, 0, ts.stdout);
            assert.match(ts.stdout, /\n {2}roleArn = "arn:aws:iam:us-east-1:123456789012:role\/role-[0-9a-f]{17}"\n/);
            assert.ok(
                ts.stdout.includes(
                    "\n2 notes:\n" +
                        '  aws:ecr/repository:Repository "images" is not modelled by the plan: created with a ' +
                        "generated id and ARN, its inputs unchecked\n" +
                        '  aws:iam/role:Role "access" is not modelled by the plan: created with a generated id and ' +
                        "ARN, its inputs unchecked\n",
                ),
                ts.stdout,
            );
            const yaml = planIn(ws, path.join(PROGRAMS, "yaml-unmodelled"), []);
            assert.deepEqual(yaml, {
                code: 2,
                stdout: "",
                stderr:
                    "error: the stand-in AWS does not model aws:s3:Bucket, and Pulumi YAML needs a type's " +
                    "schema before it runs anything: the plan cannot plan this program " +
                    "(from TypeScript, Python or Go, such a resource is created generically and listed as not modelled)\n",
            });
        },
    );

    it("stops, naming it, at what it cannot run: a StackReference, a provider other than AWS (exit 2)", () => {
        assert.deepEqual(planIn(ws, path.join(PROGRAMS, "yaml-stackref"), []), {
            code: 2,
            stdout: "",
            stderr:
                "error: the program reads the stack organization/network/prod through a StackReference, and " +
                "the plan runs in a throwaway backend that has no other stack: " +
                "it cannot plan this program\n",
        });
        assert.deepEqual(planIn(ws, path.join(PROGRAMS, "yaml-random"), []), {
            code: 2,
            stdout: "",
            stderr:
                "error: the program uses the random provider, which the plan does not run: a plan runs no " +
                "provider but the stand-in AWS, so that nothing real happens\n",
        });
    });

    /** An example that gets the component from provider/, set up as its README says, with a dev stack's file. */
    function example(language: string, config: Record<string, string> = {}): string {
        const dir = ws.copyProject(path.join(REPO, "examples", language), language);
        if (language === "yaml") edit(path.join(dir, "Pulumi.yaml"), "packages:\n  apprunner-private: ../../provider\n", "");
        addProvider(ws, dir);
        const name = fs.readFileSync(path.join(dir, "Pulumi.yaml"), "utf8").match(/^name: (.*)$/m)![1];
        const values = Object.entries({ vpcId: T.vpcId, ...config }).map(([k, v]) => `  ${name}:${k}: ${v}\n`);
        fs.writeFileSync(
            path.join(dir, "Pulumi.dev.yaml"),
            `config:\n${values.join("")}  ${name}:subnetIds:\n    - ${T.subnetA}\n    - ${T.subnetB}\n`,
        );
        return dir;
    }

    const SHARED_COST =
        "\nCost of interface endpoints, per month:\n" +
        '  shared-endpoint of InterfaceEndpoint "shared" (us-east-1): 2 AZs × 730 h × USD 0.01 = USD 14.60\n' +
        "  total: USD 14.60 for 2 services; one endpoint per service instead: USD 29.20; sharing saves USD 14.60\n";

    it("plans a Python program, in a git repository with a stale index, writing no bytecode; --diagram draws the shared endpoint", () => {
        const dir = example("python");
        fs.writeFileSync(path.join(dir, ".gitignore"), "venv/\nsdks/\n");
        const git = (...args: string[]) =>
            execFileSync("git", ["-c", "user.name=plan", "-c", "user.email=plan@example.com", ...args], { cwd: dir, stdio: "pipe" });
        git("init", "-q");
        git("add", "-A");
        git("commit", "-qm", "a user's project");
        // A changed mtime makes git's index stale: a `git status` that may write would rewrite it.
        fs.utimesSync(path.join(dir, "__main__.py"), new Date(), new Date(Date.now() + 5000));
        const diagram = path.join(ws.dir, "python.mmd");
        const { code, stdout, stderr } = planIn(ws, dir, ["--stack", "dev", "--diagram", diagram]);
        assert.equal(code, 0, stdout + stderr);
        assert.deepEqual(tree(stdout), [
            "  apprunner-private:index:InterfaceEndpoint  shared",
            "    aws:ec2/securityGroup:SecurityGroup  shared-endpoint-sg",
            "    aws:ec2/vpcEndpoint:VpcEndpoint  shared-endpoint",
            "  apprunner-private:index:PrivateEndpoint  admin",
            "    aws:cloudcontrol/resource:Resource  admin-connection",
            "  apprunner-private:index:PrivateEndpoint  api",
            "    aws:cloudcontrol/resource:Resource  api-connection",
            "  aws:apprunner/service:Service  admin",
            "  aws:apprunner/service:Service  api",
        ]);
        assert.ok(stdout.includes(SHARED_COST), stdout);
        const nb = (s: string) => s.replace(/-/g, "\u2011");
        const text = fs.readFileSync(diagram, "utf8");
        assert.match(text, /^flowchart LR\n/);
        assert.ok(
            text.includes(
                `interface endpoint ${nb("shared-endpoint")} (shared, InterfaceEndpoint ` +
                    `#quot;shared#quot;)<br/>${nb("com.amazonaws.us-east-1.apprunner.requests")}<br/>ipv4, ` +
                    `subnets: ${nb(`${T.subnetA} (us-east-1a), ${T.subnetB} (us-east-1b)`)}`,
            ),
            text,
        );
        assert.ok(text.includes(`{{"security group ${nb("shared-endpoint-sg")}<br/>tcp 443 from 10.0.0.0/16, 10.1.0.0/16"}}`), text);
        for (const name of ["api-connection", "admin-connection"])
            assert.ok(text.includes(`-- "VPC ingress connection ${nb(name)}<br/>https://`), name);
        for (const service of ["private-api", "private-admin"])
            assert.ok(text.includes(`App Runner service ${nb(service)}<br/>private`), service);
    });

    it("plans a YAML program", () => {
        const dir = example("yaml");
        const { code, stdout, stderr } = planIn(ws, dir, ["--stack", "dev", "--json"]);
        assert.equal(code, 0, stdout + stderr);
        const p = JSON.parse(stdout);
        assert.deepEqual(
            p.resources.map((r: any) => `${r.type} ${r.name}`),
            [
                "apprunner-private:index:InterfaceEndpoint shared",
                "apprunner-private:index:PrivateEndpoint admin",
                "apprunner-private:index:PrivateEndpoint api",
                "aws:apprunner/service:Service adminService",
                "aws:apprunner/service:Service apiService",
                "aws:cloudcontrol/resource:Resource admin-connection",
                "aws:cloudcontrol/resource:Resource api-connection",
                "aws:ec2/securityGroup:SecurityGroup shared-endpoint-sg",
                "aws:ec2/vpcEndpoint:VpcEndpoint shared-endpoint",
            ],
        );
        assert.match(p.outputs.apiUrl, URL("us-east-1"));
        assert.deepEqual([p.cost.monthly, p.cost.saving, p.findings, p.errors], [14.6, 14.6, [], []]);
    });
    it("plans a Go program, leaving go.mod and go.sum as they are", () => {
        const dir = example("go", { apiServiceArn: T.apiServiceArn, adminServiceArn: T.adminServiceArn });
        const { code, stdout, stderr } = planIn(ws, dir, ["--stack", "dev"]);
        assert.equal(code, 0, stdout + stderr);
        assert.deepEqual(tree(stdout), [
            "  apprunner-private:index:InterfaceEndpoint  shared",
            "    aws:ec2/securityGroup:SecurityGroup  shared-endpoint-sg",
            "    aws:ec2/vpcEndpoint:VpcEndpoint  shared-endpoint",
            "  apprunner-private:index:PrivateEndpoint  admin",
            "    aws:cloudcontrol/resource:Resource  admin-connection",
            "  apprunner-private:index:PrivateEndpoint  api",
            "    aws:cloudcontrol/resource:Resource  api-connection",
        ]);
        assert.ok(stdout.includes(SHARED_COST), stdout);
    });

    it("works installed from its tarballs (npm pack --workspace policy --workspace plan) into a user's TypeScript project", () => {
        const packs = path.join(ws.dir, "packs");
        fs.mkdirSync(packs);
        execFileSync(
            "npm",
            ["pack", "--workspace", "sdk", "--workspace", "policy", "--workspace", "plan", "--silent", "--pack-destination", packs],
            { cwd: REPO, stdio: "pipe" },
        );
        const tarball = (name: string) => `file:${path.join(packs, `apprunner-private-${name}-0.1.0.tgz`)}`;
        const dir = ws.copyProject(path.join(REPO, "examples", "typescript"), "installed");
        const pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
        pkg.dependencies["@apprunner-private/apprunner-private"] = tarball("apprunner-private");
        Object.assign(pkg.devDependencies, { "@apprunner-private/plan": tarball("plan"), "@apprunner-private/policy": tarball("policy") });
        fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify(pkg, null, 2));
        execFileSync("npm", ["install", "--no-audit", "--no-fund"], { cwd: dir, stdio: "pipe" });
        const name = fs.readFileSync(path.join(dir, "Pulumi.yaml"), "utf8").match(/^name: (.*)$/m)![1];
        fs.writeFileSync(
            path.join(dir, "Pulumi.dev.yaml"),
            `config:\n  ${name}:vpcId: ${T.vpcId}\n  ${name}:subnetIds:\n    - ${T.subnetA}\n    - ${T.subnetB}\n`,
        );
        const env = {
            ...process.env,
            PATH: `${enginePath()}${path.delimiter}${process.env.PATH}`,
            PULUMI_HOME: path.join(ws.dir, "user-home"),
        };
        const r = spawnSync(path.join(dir, "node_modules", ".bin", "apprunner-private"), ["plan", "--stack", "dev", "--json"], {
            cwd: dir,
            encoding: "utf8",
            env,
        });
        assert.equal(r.status, 0, r.stdout + r.stderr);
        const p = JSON.parse(r.stdout);
        assert.deepEqual(p.policyPacks, [
            { name: "apprunner-private", version: "0.1.0", path: path.join(dir, "node_modules", "@apprunner-private", "policy") },
        ]);
        assert.equal(p.resources.length, 9);
        assert.deepEqual([p.cost.monthly, p.cost.saving, p.errors, p.findings], [14.6, 14.6, [], []]);
        // The same values as paths, as the example's README gives them (a list config key takes no JSON string).
        fs.rmSync(path.join(dir, "Pulumi.dev.yaml"));
        const paths = [
            "--config-path",
            "--config",
            `vpcId=${T.vpcId}`,
            "--config",
            `subnetIds[0]=${T.subnetA}`,
            "--config",
            `subnetIds[1]=${T.subnetB}`,
        ];
        const text = spawnSync(path.join(dir, "node_modules", ".bin", "apprunner-private"), ["plan", ".", ...paths], {
            cwd: dir,
            encoding: "utf8",
            env,
        });
        assert.equal(text.status, 0, text.stdout + text.stderr);
        assert.ok(text.stdout.includes(SHARED_COST), text.stdout);
    });
});

// Issue #24, item 1: a plan runs no provider code but the stand-in's, and nothing the program runs reaches the user's AWS
// account. Each case first shows, with a plain `pulumi up` on the same machine, that the thing would happen; then that the
// plan refuses it (exit 2, naming it) with nothing written outside its scratch directory (planIn checks the project, the
// Pulumi home and the backend; the marker file here is outside all of them).
describe("real engine: apprunner-private plan is sealed", function () {
    this.timeout(20 * 60_000);
    const ws = new Workspace("plan-sealed");
    after(() => ws.dispose());

    /**
     * A Pulumi install as Pulumi ships it: `pulumi` with its language hosts and its dynamic providers' plugins beside it
     * (the engine finds those next to its own executable, even with ambient plugins ignored). Pulumi's own scripts.
     */
    let install: string;
    before(() => {
        install = path.join(ws.dir, "install", "bin");
        fs.mkdirSync(install, { recursive: true });
        const engine = enginePath().split(path.delimiter)[0];
        for (const f of fs.readdirSync(engine)) {
            if (f === "pulumi") fs.linkSync(fs.realpathSync(path.join(engine, f)), path.join(install, f));
            else fs.symlinkSync(path.join(engine, f), path.join(install, f));
        }
        // sdk/nodejs/dist/pulumi-resource-pulumi-nodejs and sdk/python/dist/pulumi-resource-pulumi-python, v3.276.0.
        fs.writeFileSync(
            path.join(install, "pulumi-resource-pulumi-nodejs"),
            "#!/bin/sh\nnode ./node_modules/@pulumi/pulumi/cmd/dynamic-provider $@\n",
            {
                mode: 0o755,
            },
        );
        fs.writeFileSync(path.join(install, "pulumi-resource-pulumi-python"), "#!/bin/sh\npython3 -u -m pulumi.dynamic $@\n", {
            mode: 0o755,
        });
    });
    const userPath = (...dirs: string[]) => [...dirs, install, path.join(REPO, "plan", "standin"), process.env.PATH].join(path.delimiter);

    /** A plain `pulumi up` of `dir` on a new stack, as the user would run it, with the install's `pulumi`. */
    function upForReal(dir: string, env: NodeJS.ProcessEnv, config: string[] = []): void {
        const stack = `real-${path.basename(dir)}`;
        ws.pulumiWith(env, dir, "stack", "init", stack);
        for (const kv of config) ws.pulumiWith(env, dir, "config", "set", "--stack", stack, ...kv.split(/=(.*)/s, 2));
        ws.exec(dir, "pulumi", ["up", "--stack", stack, "--yes", "--skip-preview", "--non-interactive"], env);
    }

    function jsProgram(name: string, as = name): string {
        const dir = ws.copyProject(path.join(PROGRAMS, name), as);
        fs.symlinkSync(path.join(REPO, "node_modules"), path.join(dir, "node_modules"));
        return dir;
    }

    /**
     * A plain `pulumi up` of `dir` writes `marker` (its content `done`); the plan, given the same environment, refuses
     * the program with `stderr` (exit 2, nothing on stdout) and the marker never appears.
     */
    function upDoesPlanRefuses(
        dir: string,
        run: { env: NodeJS.ProcessEnv; marker: string; done: string; config?: string[] },
        stderr: string,
    ) {
        upForReal(dir, run.env, run.config);
        assert.equal(fs.readFileSync(run.marker, "utf8"), run.done, "a plain `pulumi up` does it");
        fs.rmSync(run.marker);
        const args = (run.config ?? []).flatMap((c) => ["--config", c]);
        assert.deepEqual(planIn(ws, dir, args, run.env), { code: 2, stdout: "", stderr });
        assert.equal(fs.existsSync(run.marker), false, "the plan never does it");
    }

    it("a dynamic resource's create would write a file: the plan refuses it, naming it, and runs none of its code", () => {
        const marker = path.join(ws.dir, "dynamic-marker");
        upDoesPlanRefuses(
            jsProgram("sealed-dynamic"),
            { env: { PATH: userPath() }, marker, done: "created\n", config: [`marker=${marker}`] },
            'error: the program has a dynamic resource (pulumi-nodejs:dynamic:Resource "webhook"), ' +
                "whose provider is the program's own code and could " +
                "do anything real (call a webhook, write a DNS record or a file): a plan runs no provider " +
                "but the stand-in AWS, so it cannot plan this " +
                "program. Plan it with the dynamic resource left out (behind a config value, for example).\n",
        );
    });

    it("a provider plugin on PATH would write a file when started: the plan does not start it, and says which provider", () => {
        const dir = jsProgram("sealed-plugin");
        const marker = path.join(ws.dir, "path-marker");
        upDoesPlanRefuses(
            dir,
            { env: { PATH: userPath(path.join(dir, "evil")), SEALED_MARKER: marker }, marker, done: "pulumi-resource-evil started\n" },
            "error: the program uses the evil provider, which the plan does not run: a plan runs no " +
                "provider but the stand-in AWS, so that nothing " +
                "real happens\n",
        );
    });

    it("a plugin named by path in Pulumi.yaml: the plan refuses the project before running anything", () => {
        const dir = jsProgram("sealed-plugin", "sealed-plugins-path");
        fs.appendFileSync(path.join(dir, "Pulumi.yaml"), "plugins:\n  providers:\n    - name: evil\n      path: ./evil\n");
        const marker = path.join(ws.dir, "plugins-marker");
        upDoesPlanRefuses(
            dir,
            { env: { PATH: userPath(), SEALED_MARKER: marker }, marker, done: "pulumi-resource-evil started\n" },
            "error: Pulumi.yaml names the plugin provider evil (./evil), which the plan does not run: a " +
                "plan runs no provider but the stand-in AWS " +
                "(and apprunner-private's component provider), so that nothing real happens. Plan a copy of the project without it.\n",
        );
    });

    it("the AWS SDK's default chain, asked in an apply, finds no credentials: not ~/.aws/credentials, not the metadata service", () => {
        const dir = ws.copyProject(path.join(PROGRAMS, "sealed-credentials"), "sealed-credentials");
        const home = path.join(ws.dir, "aws-user");
        fs.mkdirSync(path.join(home, ".aws"), { recursive: true });
        fs.writeFileSync(
            path.join(home, ".aws", "credentials"),
            "[default]\naws_access_key_id = AKIAUSERSREALKEY0001\naws_secret_access_key = users/real/secret/key/0000000000000000000\n",
        );
        const env = { PATH: userPath(), HOME: home };
        ws.pulumiWith(env, dir, "install");
        const stack = "real-credentials";
        ws.pulumiWith(env, dir, "stack", "init", stack);
        const up = ws.exec(dir, "pulumi", ["up", "--stack", stack, "--yes", "--skip-preview", "--non-interactive"], env);
        assert.equal(up.code, 0, up.output);
        const real = JSON.parse(ws.pulumiWith(env, dir, "stack", "output", "--stack", stack, "--json").stdout);
        assert.equal(real.credentials, "found AKIAUSERSREALKEY0001", "a plain `pulumi up` finds the user's credentials");

        const run = planIn(ws, dir, ["--json"], env);
        assert.equal(run.code, 0, run.stdout + run.stderr);
        const planned = JSON.parse(run.stdout);
        assert.equal(planned.outputs.credentials, "none");
        assert.ok(!(run.stdout + run.stderr).includes("AKIAUSERSREALKEY0001"));
        assert.equal(planned.sealed, SEALED);
    });
});

// Issue #24, item 2: no secret in clear anywhere the plan writes, and none on pulumi's command line.
describe("real engine: apprunner-private plan shows no secret", function () {
    this.timeout(20 * 60_000);
    const ws = new Workspace("plan-secrets");
    after(() => ws.dispose());
    let dir: string;
    let argvLog: string;
    let shim: string;
    before(() => {
        dir = ws.copyProject(path.join(PROGRAMS, "secrets"), "secrets");
        fs.symlinkSync(path.join(REPO, "node_modules"), path.join(dir, "node_modules"));
        // A `pulumi` that records its command lines, then runs the real one: what other users' `ps` would see.
        argvLog = path.join(ws.dir, "argv.log");
        shim = path.join(ws.dir, "shim");
        fs.mkdirSync(shim);
        const real = path.join(enginePath().split(path.delimiter)[0], "pulumi");
        fs.writeFileSync(path.join(shim, "pulumi"), `#!/bin/sh\necho "$@" >> "${argvLog}"\nexec "${real}" "$@"\n`, { mode: 0o755 });
    });
    const PATH = () => `${shim}${path.delimiter}${enginePath()}${path.delimiter}${process.env.PATH}`;
    const both = (args: string[], env: NodeJS.ProcessEnv, input?: string) => [
        planIn(ws, dir, args, { PATH: PATH(), ...env }, input),
        planIn(ws, dir, [...args, "--json"], { PATH: PATH(), ...env }, input),
    ];
    const nowhere = (secret: string, runs: PlanRun[]) => {
        for (const r of runs) assert.ok(!(r.stdout + r.stderr).includes(secret), r.stdout + r.stderr);
        assert.ok(!fs.readFileSync(argvLog, "utf8").includes(secret), "never on pulumi's command line");
    };

    it("a secret in a lookup AWS cannot answer: the lookup is named, its argument masked (--secret-config, standard input)", () => {
        const secret = "subnet-0feedfacecafe0001";
        const [text, json] = both(["--config", "mode=lookup", "--secret-config", "token"], {}, `${secret}\n`);
        assert.equal(text.code, 2, text.stdout + text.stderr);
        assert.match(
            text.stderr,
            /^error: the plan cannot answer a lookup the program makes:\n {2}aws:ec2\/getSubnet:getSubnet \{"id":"\[secret\]"\}: /,
        );
        assert.equal(json.code, 2);
        assert.match(JSON.parse(json.stdout).error, /aws:ec2\/getSubnet:getSubnet \{"id":"\[secret\]"\}/);
        nowhere(secret, [text, json]);
    });

    it("a secret in an update AWS refuses: masked in the errors (--secret-config-env)", () => {
        const secret = "10.200.0.0/24";
        const [text, json] = both(["--config", "mode=refused", "--secret-config-env", "token=PLAN_TOKEN"], { PLAN_TOKEN: secret });
        assert.equal(text.code, 1, text.stdout + text.stderr);
        assert.ok(text.stdout.includes("The CIDR '[secret]' is invalid."), text.stdout);
        assert.ok(
            JSON.parse(json.stdout).errors.some((e: string) => e.includes("The CIDR '[secret]' is invalid.")),
            json.stdout,
        );
        nowhere(secret, [text, json]);
    });

    it("a secret tag: masked in the tags and in tagsAll, which the provider copies from them", () => {
        const secret = "alice-the-owner";
        const [text, json] = both(["--config", "mode=tags", "--secret-config", "token"], {}, `${secret}\n`);
        assert.equal(text.code, 0, text.stdout + text.stderr);
        const vpc = JSON.parse(json.stdout).resources.find((r: { name: string }) => r.name === "tagged");
        assert.deepEqual(
            [vpc.inputs.tags, vpc.outputs.tags, vpc.outputs.tagsAll],
            [
                { owner: "[secret]", team: "payments" },
                { owner: "[secret]", team: "payments" },
                { owner: "[secret]", team: "payments" },
            ],
        );
        nowhere(secret, [text, json]);
    });
});

// Issue #24, item 3: a program that fails before it registers anything shows its own error, in each language; a
// project that uses the components without their package added is told the command; the region comes from
// Pulumi.yaml's config when nothing nearer sets it.
describe("real engine: apprunner-private plan on programs that stop early", function () {
    this.timeout(20 * 60_000);
    const ws = new Workspace("plan-early");
    after(() => ws.dispose());
    const program = (name: string) => ws.copyProject(path.join(PROGRAMS, name), name);

    for (const [language, name, prepare, error] of [
        [
            "Node.js",
            "crash-js",
            (dir: string) => fs.symlinkSync(path.join(REPO, "node_modules"), path.join(dir, "node_modules")),
            "  Running program '{dir}/index.js' failed with an unhandled exception:\n  Error: the " +
                "program's own error: no network settings given (Node.js)\n",
        ],
        [
            "Python",
            "crash-python",
            (dir: string) => ws.pulumi(dir, "install"),
            "  RuntimeError: the program's own error: no network settings given (Python)\n",
        ],
        [
            "Go",
            "crash-go",
            () => undefined,
            "  an unhandled error occurred: program failed: \n  1 error occurred:\n  \t* the program's " +
                "own error: no network settings given (Go)\n",
        ],
        [
            "YAML",
            "crash-yaml",
            () => undefined,
            '  resource or variable named "network" could not be found\n  \n    on Pulumi.yaml line 5:\n     5:   network: ${network.id}\n',
        ],
    ] as const) {
        it(`${language}: the program's own error, exit 1`, () => {
            const dir = program(name);
            prepare(dir);
            const run = planIn(ws, dir, []);
            assert.equal(run.code, 1, run.stdout + run.stderr);
            assert.ok(run.stdout.includes(error.replace("{dir}", dir)), run.stdout);
            assert.match(run.stdout, /\nResult: FAILED \(errors or mandatory policy violations above\)\n$/);
            if (language === "Go") {
                assert.ok(
                    run.stderr.includes(
                        "planning: building the Go program (`go build`, by the Go language host): the first build " +
                            "of a program on Pulumi's Go SDK " +
                            "takes minutes (about 5 on 2 cores with empty Go caches), later ones seconds\n",
                    ),
                    run.stderr,
                );
            }
        });
    }

    it("a YAML program using the components without `pulumi package add`: the command to run (exit 2)", () => {
        const dir = ws.copyProject(path.join(REPO, "examples", "yaml"), "no-package");
        edit(path.join(dir, "Pulumi.yaml"), "packages:\n  apprunner-private: ../../provider\n", "");
        const config = [
            "--config-path",
            "--config",
            `vpcId=${T.vpcId}`,
            "--config",
            `subnetIds[0]=${T.subnetA}`,
            "--config",
            `subnetIds[1]=${T.subnetB}`,
        ];
        assert.deepEqual(planIn(ws, dir, config), {
            code: 2,
            stdout: "",
            stderr:
                "error: the program uses apprunner-private's components, whose SDK and provider are not added to the project: run " +
                `\`pulumi package add ${path.join(REPO, "provider")}\` in the project (README, "Other languages"), then plan again\n`,
        });
    });

    it("takes the region from Pulumi.yaml's config when neither --config nor the stack file sets it", () => {
        const dir = rootCopy(ws);
        fs.rmSync(path.join(dir, "Pulumi.yaml"));
        fs.writeFileSync(
            path.join(dir, "Pulumi.yaml"),
            fs.readFileSync(path.join(REPO, "Pulumi.yaml"), "utf8").replace("\nconfig:\n", "\nconfig:\n  aws:region: eu-west-1\n"),
        );
        const run = planIn(ws, dir, ["--json"], { AWS_REGION: "ap-northeast-1" });
        assert.equal(run.code, 0, run.stdout + run.stderr);
        const p = JSON.parse(run.stdout);
        assert.equal(p.region, "eu-west-1");
        assert.match(p.outputs.url, URL("eu-west-1"));
    });
});

// Issue #24, item 5: a rehearsal kept between runs (--keep DIR): the first run plans the deployment as it is, the second
// the change against what the first left: README's move from a PrivateEndpoint's own endpoint to a shared InterfaceEndpoint.
describe("real engine: apprunner-private plan --keep rehearses a sequence of changes", function () {
    this.timeout(20 * 60_000);
    const ws = new Workspace("plan-keep");
    after(() => ws.dispose());

    it("the second run shows the move as pulumi up makes it: the connection updated in place, the old endpoint deleted", () => {
        const dir = rootCopy(ws);
        const keep = path.join(ws.dir, "rehearsal");
        const first = planIn(ws, dir, ["--keep", keep]);
        assert.equal(first.code, 0, first.stdout + first.stderr);
        assert.ok(!first.stdout.includes("Changes to the rehearsal"), first.stdout);
        const url = /\n {2}url = "([^"]+)"/.exec(first.stdout)![1];
        assert.deepEqual(fs.readdirSync(keep).sort(), [
            ".apprunner-private-rehearsal.json",
            "aws",
            "aws-requests.jsonl",
            "aws-state.json",
            "backend",
            "home",
            "project",
        ]);

        // README, "Rehearse a sequence of changes": the program's change, as the README shows it.
        const readme = fs.readFileSync(path.join(REPO, "README.md"), "utf8");
        const change = /```ts\n(const shared = new InterfaceEndpoint\("shared"[\s\S]*?)```/.exec(readme)![1];
        const program = path.join(dir, "program", "index.ts");
        fs.rmSync(program); // a copy, not the repository's file
        fs.writeFileSync(
            program,
            fs
                .readFileSync(path.join(REPO, "program", "index.ts"), "utf8")
                .replace(
                    'import { PrivateEndpoint } from "../sdk/index";',
                    'import { InterfaceEndpoint, PrivateEndpoint } from "../sdk/index";',
                )
                .replace(/const endpoint = new PrivateEndpoint\("hello", \{[\s\S]*?\n\}\);\n/, change),
        );
        const second = planIn(ws, dir, ["--keep", keep]);
        assert.equal(second.code, 0, second.stdout + second.stderr);
        assert.ok(
            second.stdout.includes(
                "\nChanges to the rehearsal (7):\n" +
                    "  create  apprunner-private:index:InterfaceEndpoint  shared\n" +
                    "  update  apprunner-private:index:PrivateEndpoint  hello\n" +
                    "  update  aws:cloudcontrol/resource:Resource  hello-connection\n" +
                    "  delete  aws:ec2/securityGroup:SecurityGroup  hello-endpoint-sg\n" +
                    "  create  aws:ec2/securityGroup:SecurityGroup  shared-endpoint-sg\n" +
                    "  delete  aws:ec2/vpcEndpoint:VpcEndpoint  hello-endpoint\n" +
                    "  create  aws:ec2/vpcEndpoint:VpcEndpoint  shared-endpoint\n",
            ),
            second.stdout,
        );
        assert.ok(second.stdout.includes(`\n  url = "${url}"\n`), "the domain name is kept");
        const third = planIn(ws, dir, ["--keep", keep, "--json"]);
        assert.deepEqual(JSON.parse(third.stdout).changes, [], "nothing left to change");
        // A change that interrupts private ingress: the rehearsal shows the replacement and the component's warning.
        fs.writeFileSync(
            program,
            fs
                .readFileSync(program, "utf8")
                .replace(
                    "vpcEndpointId: shared.vpcEndpointId,",
                    'vpcEndpointId: shared.vpcEndpointId,\n    connectionName: "hello-renamed",',
                ),
        );
        const fourth = JSON.parse(planIn(ws, dir, ["--keep", keep, "--json"]).stdout);
        assert.deepEqual(
            fourth.changes.map((c: { op: string; name: string }) => `${c.op} ${c.name}`),
            ["update hello", "replace hello-connection"],
        );
        assert.equal(fourth.warnings.length, 1, fourth.warnings.join("\n"));
        assert.ok(
            fourth.warnings[0].includes(
                '`connectionName` changes from none to "hello-renamed". A service has one connection, so ' +
                    "the old one is deleted first, and " +
                    "private ingress to the service is down until the new one is AVAILABLE.",
            ),
            fourth.warnings[0],
        );
        assert.equal(fs.existsSync(path.join(keep, "bin")), false, "the linked pulumi is not kept");
    });

    it(
        "README's console example: an endpoint made with `apprunner-private console`, then its " +
            "adoption planned: imported, nothing created but the component",
        () => {
            const dir = ws.copyProject(path.join(REPO, "examples", "yaml-adopt"), "yaml-adopt");
            addProvider(ws, dir);
            const keep = path.join(ws.dir, "console-rehearsal");
            const readme = fs.readFileSync(path.join(REPO, "README.md"), "utf8");
            const line = /^apprunner-private console --keep \S+ (create-endpoint .*)$/m.exec(readme)![1].split(" ");
            assert.deepEqual(
                line,
                ["create-endpoint", T.vpcId, T.subnetA, T.subnetB],
                "README names the simulated account's own VPC and subnets",
            );
            const made = spawnSync(process.execPath, [CLI, "console", "--keep", keep, ...line], { encoding: "utf8" });
            assert.equal(made.status, 0, made.stderr);
            const { vpcEndpointId, securityGroupId } = JSON.parse(made.stdout);
            assert.match(vpcEndpointId, /^vpce-[0-9a-f]{17}$/);

            const run = planIn(ws, dir, [
                "--keep",
                keep,
                "--config",
                `endpointId=${vpcEndpointId}`,
                "--config",
                `securityGroupId=${securityGroupId}`,
                "--json",
            ]);
            assert.equal(run.code, 0, run.stdout + run.stderr);
            const p = JSON.parse(run.stdout);
            assert.deepEqual(
                p.changes
                    .filter((c: { op: string }) => c.op !== "import" && c.op !== "update")
                    .map((c: { op: string; name: string }) => `${c.op} ${c.name}`),
                ["create shared"],
            );
            assert.deepEqual(
                p.changes.filter((c: { op: string }) => c.op === "import").map((c: { name: string }) => c.name),
                ["shared-endpoint-sg", "shared-endpoint"],
            );
            assert.deepEqual([p.outputs.vpcEndpointId, p.outputs.securityGroupId], [vpcEndpointId, securityGroupId]);
        },
    );

    it("refuses a directory inside the project, one it did not make, and another project's (exit 2)", () => {
        const dir = rootCopy(ws);
        const inside = planIn(ws, dir, ["--keep", path.join(dir, "rehearsal")]);
        assert.deepEqual(inside, {
            code: 2,
            stdout: "",
            stderr:
                `error: --keep ${path.join(dir, "rehearsal")}: the rehearsal directory must be outside the ` +
                `project ${dir} (the plan writes nothing into your project)\n`,
        });
        const mine = path.join(ws.dir, "mine");
        fs.mkdirSync(mine);
        assert.deepEqual(planIn(ws, dir, ["--keep", mine]), {
            code: 2,
            stdout: "",
            stderr:
                `error: --keep ${mine}: ${mine} exists and was not made by apprunner-private (no ` +
                `.apprunner-private-rehearsal.json in it): name a new directory, which the plan makes\n`,
        });
        const other = path.join(ws.dir, "other");
        fs.mkdirSync(other);
        fs.writeFileSync(
            path.join(other, ".apprunner-private-rehearsal.json"),
            JSON.stringify({ madeBy: "apprunner-private", project: "payments" }),
        );
        assert.deepEqual(planIn(ws, dir, ["--keep", other]), {
            code: 2,
            stdout: "",
            stderr: `error: --keep ${other}: it holds a rehearsal of the project payments, not apprunner-private: name another directory\n`,
        });
    });
});

// Issue #24, item 6: README's Quick start and its offline new projects, run as written (bash, top to bottom), with one
// substitution: the clone's `npm ci && npm pack` is this repository's own `npm pack` of the same workspaces, into a
// folder named as the clone would be (with the provider beside the tarballs, as in a clone).
describe("real engine: README's Quick start and new projects, as written", function () {
    this.timeout(20 * 60_000);
    const ws = new Workspace("quickstart");
    after(() => ws.dispose());
    const readme = fs.readFileSync(path.join(REPO, "README.md"), "utf8");
    const user = () => ({
        ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(PULUMI_|APPRUNNER_STANDIN_)/.test(k))),
        PATH: `${enginePath()}${path.delimiter}${process.env.PATH}`,
        PULUMI_HOME: path.join(ws.dir, "user-home"),
        PULUMI_BACKEND_URL: `file://${path.join(ws.dir, "user-backend")}`,
        PULUMI_CONFIG_PASSPHRASE: "quickstart",
        PULUMI_SKIP_UPDATE_CHECK: "true",
        GOTOOLCHAIN: "local",
    });
    const bash = (cwd: string, script: string, env: NodeJS.ProcessEnv = user()) => {
        const r = spawnSync("bash", ["-e", "-c", script], { cwd, encoding: "utf8", env });
        assert.equal(r.status, 0, `${script}\n${r.stdout}${r.stderr}`);
        return r;
    };
    const block = (after: string, lang: string) => {
        const at = readme.indexOf(after);
        assert.ok(at >= 0, `README has ${after}`);
        return new RegExp("```" + lang + "\\n([\\s\\S]*?)```").exec(readme.slice(at))![1];
    };
    before(() => {
        for (const d of ["user-home", "user-backend"]) fs.mkdirSync(path.join(ws.dir, d));
        const clone = path.join(ws.dir, "apprunner-private");
        fs.mkdirSync(clone);
        execFileSync(
            "npm",
            ["pack", "--workspace", "sdk", "--workspace", "policy", "--workspace", "plan", "--silent", "--pack-destination", clone],
            { cwd: REPO, stdio: "pipe" },
        );
        fs.symlinkSync(path.join(REPO, "provider"), path.join(clone, "provider"));
    });

    it("TypeScript: a new project, no AWS account, ending in a plan of the endpoint, the connection, the cost and the findings", () => {
        const sh = block("## Quick start (TypeScript)", "sh").split("\n");
        assert.deepEqual(sh.slice(0, 2), [
            "git clone <this repository> apprunner-private",
            "(cd apprunner-private && npm ci && npm pack --workspace sdk --workspace policy --workspace plan)",
        ]);
        const write = sh.indexOf("# write index.ts (below), then:");
        bash(ws.dir, sh.slice(2, write).join("\n"));
        const dir = path.join(ws.dir, "quickstart");
        fs.writeFileSync(path.join(dir, "index.ts"), block("## Quick start (TypeScript)", "ts"));
        const plan = spawnSync("bash", ["-e", "-c", sh.slice(write + 1).join("\n")], { cwd: dir, encoding: "utf8", env: user() });
        assert.equal(plan.status, 0, plan.stdout + plan.stderr);
        assert.deepEqual(tree(plan.stdout), [
            "  apprunner-private:index:PrivateEndpoint  api",
            "    aws:cloudcontrol/resource:Resource  api-connection",
            "    aws:ec2/securityGroup:SecurityGroup  api-endpoint-sg",
            "    aws:ec2/vpcEndpoint:VpcEndpoint  api-endpoint",
            "  aws:apprunner/service:Service  api",
            "  aws:ec2/subnet:Subnet  private-0",
            "  aws:ec2/subnet:Subnet  private-1",
            "  aws:ec2/vpc:Vpc  vpc",
        ]);
        for (const line of [
            "\nPolicy pack apprunner-private: 0 mandatory violations, 0 advisory findings\n",
            '  api-endpoint of PrivateEndpoint "api" (us-east-1): 2 AZs × 730 h × USD 0.01 = USD 14.60\n',
            "\nResult: OK\n",
        ])
            assert.ok(plan.stdout.includes(line), plan.stdout);
        assert.match(plan.stdout, /\n {2}url = "https:\/\/[a-z0-9]{10}\.us-east-1\.awsapprunner\.com"\n/);
    });

    for (const language of ["python", "go", "yaml"]) {
        it(`${language}: a new project made as README says, planned`, () => {
            bash(ws.dir, block(`<!-- new-project: ${language} -->`, "sh"));
            const dir = path.join(ws.dir, `quickstart-${language}`);
            // The plan installed as above: the Quick start's project holds it.
            const env = { ...user(), PATH: `${path.join(ws.dir, "quickstart", "node_modules", ".bin")}${path.delimiter}${user().PATH}` };
            const plan = spawnSync("bash", ["-e", "-c", block("<!-- new-project: plan -->", "sh")], { cwd: dir, encoding: "utf8", env });
            assert.equal(plan.status, 0, plan.stdout + plan.stderr);
            assert.deepEqual(tree(plan.stdout), [
                "  apprunner-private:index:PrivateEndpoint  api",
                "    aws:cloudcontrol/resource:Resource  api-connection",
                "    aws:ec2/securityGroup:SecurityGroup  api-endpoint-sg",
                "    aws:ec2/vpcEndpoint:VpcEndpoint  api-endpoint",
            ]);
            assert.match(plan.stdout, /\n {2}url = "https:\/\/[a-z0-9]{10}\.us-east-1\.awsapprunner\.com"\n/);
        });
    }
});
