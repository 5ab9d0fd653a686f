// `apprunner-private plan` on the real engine, against existing infrastructure: topology files, console-made endpoints,
// adoption, and what the plan cannot model.
import * as assert from "node:assert/strict";
import { joined } from "../regex";
import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { TOPOLOGY as T } from "../../plan/aws";
import { REPO, Workspace, addProvider, edit, enginePath } from "./harness";
import { PROGRAMS, URL, planIn, tree } from "./plan-fixtures";

describe("real engine: apprunner-private plan", function () {
    this.timeout(20 * 60_000);
    const ws = new Workspace("plan");
    after(() => ws.dispose());
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
