// `apprunner-private plan` on the real engine, run as users run it: a process, with their `pulumi` on PATH, their own
// Pulumi home and backend (which it must not touch), in their project (which it must leave byte-for-byte as it was:
// every run here hashes it before and after, .git included). What it prints and its exit code are asserted verbatim
// where they are text. The plan's stops before the engine: tests/plan-cli.test.ts.
import * as assert from "node:assert/strict";
import { joined } from "../regex";
import * as path from "node:path";
import { TOPOLOGY as T } from "../../plan/aws";
import { REPO, Workspace, rootCopy } from "./harness";
import { AVAILABILITY, DATA, PROGRAMS, SEALED, URL, escape, planIn, tree } from "./plan-fixtures";

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
});
