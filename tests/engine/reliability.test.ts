// What a user meets when AWS fails, loses an answer, or changes behind Pulumi's back, and when an update is
// interrupted: through the real engine, from TypeScript (the component in the program) and from YAML (through the
// component provider). Each time the update fails cleanly, the stack's state matches the account, and the next update
// converges, after the recovery step README.md documents ("Recovering from a failed or interrupted update") where one
// is needed, with nothing duplicated, orphaned or lost. AWS's faults come from the stand-in (APPRUNNER_STANDIN_FAULTS),
// drift from its console.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { TOPOLOGY as T, startingAccount } from "../../plan/aws";
import { CONNECTION, SECURITY_GROUP, VPC_ENDPOINT } from "../../plan/provider";
import { REPO, Request, Workspace, addProvider, edit, urnName } from "./harness";

const STACK = "test";
const CHILDREN = [SECURITY_GROUP, VPC_ENDPOINT, CONNECTION];
const COMPONENT = "apprunner-private:index:PrivateEndpoint";
const faults = (...list: object[]) => ({ APPRUNNER_STANDIN_FAULTS: JSON.stringify(list) });
const changesIn = (requests: Request[]) =>
    requests.filter((r) => ["Create", "Update", "Delete"].includes(r.method)).map((r) => `${r.method} ${urnName(r.urn!)}`);

interface Consumer {
    language: string;
    /** Copies the program and readies it (links the library, or adds the component provider); returns its directory. */
    prepare(ws: Workspace): string;
    /** The program file to edit. */
    file: string;
}

const CONSUMERS: Consumer[] = [
    {
        language: "TypeScript",
        file: "index.ts",
        prepare(ws) {
            const dir = ws.copyProject(path.join(REPO, "tests", "engine", "programs", "reliability-ts"), "ts", [
                "node_modules",
                "tsconfig.json",
            ]);
            fs.symlinkSync(path.join(REPO, "sdk"), path.join(dir, "sdk"));
            return dir;
        },
    },
    {
        language: "YAML, through the component provider",
        file: "Pulumi.yaml",
        prepare(ws) {
            const dir = ws.copyProject(path.join(REPO, "tests", "engine", "programs", "reliability-yaml"), "yaml");
            addProvider(ws, dir);
            return dir;
        },
    },
];

for (const consumer of CONSUMERS) {
    describe(`real engine: failures, drift and interruptions (${consumer.language})`, function () {
        this.timeout(20 * 60_000);
        const ws = new Workspace("reliability");
        let dir: string;
        let componentUrn: string;
        const pulumi = (...args: string[]) => ws.pulumi(dir, ...args, "--stack", STACK);
        const up = (env: NodeJS.ProcessEnv = {}) => ws.pulumiWith(env, dir, "up", "--stack", STACK, "--yes", "--skip-preview");
        const upFails = (env: NodeJS.ProcessEnv = {}) => {
            const r = ws.exec(dir, "pulumi", ["up", "--stack", STACK, "--yes", "--skip-preview", "--non-interactive"], env);
            assert.notEqual(r.code, 0, `pulumi up succeeded, expected a failure:\n${r.output}`);
            return r;
        };
        const noChanges = () => pulumi("preview", "--expect-no-changes");
        /** The stack's children of one type, from `pulumi stack export`. */
        const inState = (type: string) => ws.state(dir, STACK).filter((r) => r.type === type);
        /** What the stack holds against what the account holds (resources made by this stack, not the topology). */
        const stateAndAccount = () => {
            const state = ws
                .state(dir, STACK)
                .filter((r) => CHILDREN.includes(r.type))
                .map((r) => r.id)
                .sort();
            const account = ws
                .leftovers()
                .map((r) => r.id)
                .sort();
            return { state, account };
        };
        const assertStateMatchesAccount = () => {
            const { state, account } = stateAndAccount();
            assert.deepEqual(state, account);
        };
        const liveConnections = () => ws.connections();

        before(() => {
            dir = consumer.prepare(ws);
            ws.pulumi(dir, "stack", "init", STACK);
            ws.pulumi(dir, "config", "set", "--stack", STACK, "aws:region", "us-east-1");
            ws.pulumi(dir, "config", "set", "--stack", STACK, "serviceArn", T.apiServiceArn);
            ws.pulumi(dir, "config", "set", "--stack", STACK, "vpcId", T.vpcId);
            ws.pulumi(dir, "config", "set", "--stack", STACK, "--path", "subnetIds[0]", T.subnetA);
            ws.pulumi(dir, "config", "set", "--stack", STACK, "--path", "subnetIds[1]", T.subnetB);
        });
        beforeEach(() => {
            // Each case starts from an empty stack and the starting account.
            ws.seed(startingAccount());
            componentUrn = `urn:pulumi:${STACK}::reliability::${COMPONENT}::api`;
        });
        afterEach(function () {
            if (this.currentTest?.state !== "passed") return;
            pulumi("destroy", "--yes", "--skip-preview");
            assert.deepEqual(ws.leftovers(), [], "destroy leaves nothing in the account");
        });
        after(() => ws.dispose());

        describe("nothing billed for a service that cannot be connected", () => {
            it("an ARN AWS does not have is refused, naming the service, before any create", () => {
                const missing = T.apiServiceArn.replace("api-service", "gone-service");
                ws.pulumi(dir, "config", "set", "--stack", STACK, "serviceArn", missing);
                try {
                    const mark = ws.mark();
                    const failed = upFails();
                    assert.ok(
                        failed.output.includes(
                            `\`serviceArn\` must be an App Runner service that exists in the AWS provider's account and region, got: "${missing}", which Cloud ` +
                                "Control could not find. Check the ARN, or create the service first (pass `service.arn`).",
                        ),
                        failed.output,
                    );
                    assert.deepEqual(changesIn(ws.requests(mark)), []);
                    assert.deepEqual(ws.leftovers(), []);
                } finally {
                    ws.pulumi(dir, "config", "set", "--stack", STACK, "serviceArn", T.apiServiceArn);
                }
            });
        });

        describe("partial failures", () => {
            it("AWS refuses the connection: up fails, the endpoint and its group are kept; the next up adds the connection alone", () => {
                const mark = ws.mark();
                const failed = upFails(faults({ method: "Create", type: "VpcIngressConnection", mode: "refuse" }));
                assert.match(
                    failed.output,
                    /Create of api-connection refused: api error InternalFailure: the stand-in refused this request \(APPRUNNER_STANDIN_FAULTS\)/,
                );
                assert.deepEqual(changesIn(ws.requests(mark)), ["Create api-endpoint-sg", "Create api-endpoint"]);
                assert.deepEqual(inState(CONNECTION), []);
                assertStateMatchesAccount();
                const again = ws.mark();
                up();
                assert.deepEqual(changesIn(ws.requests(again)), ["Create api-connection"]);
                assert.equal(liveConnections().length, 1);
                assertStateMatchesAccount();
                noChanges();
            });

            it("AWS makes the connection but its answer is lost: the orphan is refused as a second connection until imported", () => {
                upFails(faults({ method: "Create", type: "VpcIngressConnection", mode: "lost-response" }));
                const [orphan] = liveConnections();
                assert.ok(orphan, "AWS holds the connection");
                assert.deepEqual(inState(CONNECTION), [], "Pulumi never heard of it");
                const again = upFails();
                assert.match(
                    again.output,
                    new RegExp(
                        `api error InvalidRequestException: Service ${T.apiServiceArn.replace(/[/.]/g, "\\$&")} already has a VPC ingress connection: ${orphan.arn.replace(/[/.]/g, "\\$&")}`,
                    ),
                );
                // The documented recovery: import the orphan under the component (with --parent, or an import file), and
                // name it in the program.
                if (consumer.file === "index.ts") {
                    pulumi(
                        "import",
                        CONNECTION,
                        "api-connection",
                        orphan.arn,
                        "--parent",
                        `api=${componentUrn}`,
                        "--yes",
                        "--generate-code=false",
                    );
                } else {
                    const file = path.join(ws.dir, "import.json");
                    fs.writeFileSync(
                        file,
                        JSON.stringify({
                            nameTable: { api: componentUrn },
                            resources: [{ type: CONNECTION, name: "api-connection", id: orphan.arn, parent: "api" }],
                        }),
                    );
                    pulumi("import", "--file", file, "--yes", "--generate-code=false");
                }
                nameConnection(orphan.name);
                const mark = ws.mark();
                up();
                assert.deepEqual(changesIn(ws.requests(mark)), []);
                assert.deepEqual(liveConnections(), [orphan], "the same connection, its domain name kept");
                assertStateMatchesAccount();
                noChanges();
                unnameConnection(orphan.name);
            });

            it("the connection never becomes AVAILABLE: Pulumi keeps it with the error; --target-replace makes a new one", () => {
                const failed = upFails(faults({ method: "Create", type: "VpcIngressConnection", mode: "init-failed" }));
                const [broken] = liveConnections();
                assert.equal(broken.status, "FAILED_CREATION");
                assert.ok(
                    failed.output.includes(
                        `waiting for App Runner VPC Ingress Connection (${broken.arn}) create: unexpected state 'FAILED_CREATION', wanted target 'AVAILABLE'. last error: %!s(<nil>)`,
                    ),
                    failed.output,
                );
                assert.deepEqual(
                    inState(CONNECTION).map((r) => r.id),
                    [broken.arn],
                    "kept in the state, with its error",
                );
                assertStateMatchesAccount();
                const urn = inState(CONNECTION)[0].urn;
                const mark = ws.mark();
                pulumi("up", "--yes", "--skip-preview", "--target-replace", urn);
                assert.deepEqual(changesIn(ws.requests(mark)), ["Delete api-connection", "Create api-connection"]);
                assert.deepEqual(
                    liveConnections().map((c) => c.status),
                    ["AVAILABLE"],
                );
                assertStateMatchesAccount();
                noChanges();
            });

            it("AWS answers late: the update waits for it, and nothing else changes", () => {
                const mark = ws.mark();
                const started = Date.now();
                up(faults({ method: "Create", type: "VpcEndpoint", mode: "slow", ms: 3000 }));
                assert.ok(Date.now() - started >= 3000, "the update waited for the late answer");
                assert.deepEqual(
                    ws
                        .requests(mark)
                        .filter((q) => q.method === "Fault")
                        .map((q) => q.fault),
                    ["slow"],
                );
                assertStateMatchesAccount();
                noChanges();
            });

            it("AWS refuses an endpoint update: up fails with nothing changed; the next up makes it", () => {
                up();
                setSubnets([T.subnetA, T.subnetB, T.subnetC]);
                const endpointId = inState(VPC_ENDPOINT)[0].id!;
                const failed = upFails(faults({ method: "Update", type: "VpcEndpoint", mode: "refuse" }));
                assert.match(failed.output, /Update of api-endpoint refused: api error InternalFailure/);
                const described = () => ws.account().vpcEndpoints.find((e) => e.VpcEndpointId === endpointId)!.SubnetIds;
                assert.deepEqual(described(), [T.subnetA, T.subnetB]);
                assert.deepEqual(inState(VPC_ENDPOINT)[0].outputs!.subnetIds, [T.subnetA, T.subnetB]);
                up();
                assert.deepEqual(described(), [T.subnetA, T.subnetB, T.subnetC]);
                noChanges();
                setSubnets([T.subnetA, T.subnetB]);
                up();
            });

            it("AWS refuses a delete during destroy: destroy fails with the rest gone; the next destroy finishes", () => {
                up();
                const failed = ws.exec(
                    dir,
                    "pulumi",
                    ["destroy", "--stack", STACK, "--yes", "--skip-preview", "--non-interactive"],
                    faults({ method: "Delete", type: "SecurityGroup", mode: "refuse" }),
                );
                assert.notEqual(failed.code, 0);
                assert.match(failed.output, /Delete of api-endpoint-sg refused/);
                assert.deepEqual(
                    ws
                        .state(dir, STACK)
                        .filter((r) => CHILDREN.includes(r.type))
                        .map((r) => urnName(r.urn)),
                    ["api-endpoint-sg"],
                );
                assertStateMatchesAccount();
                // afterEach's destroy is the next one.
            });
        });

        describe("drift made in the console: refresh shows it, up repairs it", () => {
            it("the connection deleted", () => {
                up();
                const [connection] = liveConnections();
                ws.console("delete", connection.arn);
                const refresh = pulumi("refresh", "--yes", "--skip-preview");
                assert.match(refresh.output, /- +aws:apprunner:VpcIngressConnection api-connection deleted/);
                up();
                assert.equal(liveConnections().length, 1);
                assertStateMatchesAccount();
                noChanges();
            });

            it("the endpoint deleted", () => {
                up();
                const endpointId = inState(VPC_ENDPOINT)[0].id!;
                ws.console("delete", endpointId);
                const refresh = pulumi("refresh", "--yes", "--skip-preview");
                assert.match(refresh.output, /- +aws:ec2:VpcEndpoint api-endpoint deleted/);
                const mark = ws.mark();
                up();
                // A new endpoint, and the connection moved to it (its endpoint replaces it, deleted first).
                assert.deepEqual(changesIn(ws.requests(mark)), ["Create api-endpoint", "Delete api-connection", "Create api-connection"]);
                const [connection] = liveConnections();
                assert.equal(connection.endpointId, inState(VPC_ENDPOINT)[0].id);
                assertStateMatchesAccount();
                noChanges();
            });

            it("the security group opened to 0.0.0.0/0", () => {
                up();
                const groupId = inState(SECURITY_GROUP)[0].id!;
                ws.console("authorize-ingress", groupId, "0.0.0.0/0");
                const refresh = pulumi("refresh", "--yes", "--skip-preview");
                assert.match(refresh.output, /~ +aws:ec2:SecurityGroup api-endpoint-sg updated/);
                assert.ok(
                    inState(SECURITY_GROUP)[0].outputs!.ingress.some((r: { cidrBlocks: string[] }) => r.cidrBlocks.includes("0.0.0.0/0")),
                    "the state shows the open rule",
                );
                const mark = ws.mark();
                up();
                assert.deepEqual(changesIn(ws.requests(mark)), ["Update api-endpoint-sg"]);
                const group = ws.account().securityGroups.find((g) => g.GroupId === groupId)!;
                assert.deepEqual(
                    group.IpPermissions.flatMap((p) => p.IpRanges.map((r) => r.CidrIp)),
                    T.vpcCidrBlocks,
                );
                noChanges();
            });

            it("tags changed", () => {
                up();
                const endpointId = inState(VPC_ENDPOINT)[0].id!;
                ws.console("tag", endpointId, "team=someone-else");
                pulumi("refresh", "--yes", "--skip-preview");
                assert.deepEqual(inState(VPC_ENDPOINT)[0].outputs!.tags, { team: "someone-else" });
                const mark = ws.mark();
                up();
                assert.deepEqual(changesIn(ws.requests(mark)), ["Update api-endpoint"]);
                assert.deepEqual(ws.account().vpcEndpoints.find((e) => e.VpcEndpointId === endpointId)!.Tags, [
                    { Key: "team", Value: "payments" },
                ]);
                noChanges();
            });
        });

        describe("interrupted updates", () => {
            // AWS takes a while to make an endpoint available: a tenth of its modelled minute, so there is time to interrupt.
            const slowAws = { APPRUNNER_STANDIN_TIME_SCALE: "0.1" };

            it("one SIGINT while an endpoint is being created: the update stops once it is done; the next up finishes", async () => {
                const mark = ws.mark();
                const run = ws.pulumiStart(slowAws, dir, "up", "--stack", STACK, "--yes", "--skip-preview");
                await ws.waitForRequest((r) => r.method === "Create:start" && r.urn!.endsWith("::api-endpoint"), mark);
                run.child.kill("SIGINT");
                const result = await run.done;
                assert.notEqual(result.code, 0);
                assert.match(result.output, /\^C received; cancelling\. If you would like to terminate immediately, press \^C again\./);
                assert.deepEqual(
                    changesIn(ws.requests(mark)),
                    ["Create api-endpoint-sg", "Create api-endpoint"],
                    "the endpoint under way was finished, nothing after it started",
                );
                assertStateMatchesAccount();
                const again = ws.mark();
                up();
                assert.deepEqual(changesIn(ws.requests(again)), ["Create api-connection"]);
                assertStateMatchesAccount();
                noChanges();
            });

            it("a forced cancel after AWS made the endpoint: the pending create is cleared and the endpoint imported; nothing billed is left over", async () => {
                const mark = ws.mark();
                const run = ws.pulumiStart(slowAws, dir, "up", "--stack", STACK, "--yes", "--skip-preview");
                await ws.waitForRequest((r) => r.method === "AWS" && r.action === "ec2:CreateVpcEndpoint", mark);
                run.child.kill("SIGINT");
                await new Promise((r) => setTimeout(r, 500));
                run.child.kill("SIGINT");
                const result = await run.done;
                assert.notEqual(result.code, 0);
                assert.match(result.output, /\^C received; terminating/);
                const orphan = ws.leftovers().find((r) => r.type === "vpc-endpoint")!;
                assert.ok(orphan, "AWS made the endpoint");
                assert.deepEqual(inState(VPC_ENDPOINT), [], "the state has only a pending create");
                const exported = JSON.parse(pulumi("stack", "export").stdout);
                const pending = exported.deployment.pending_operations.map(
                    (p: { resource: { urn: string }; type: string }) => `${p.type} ${urnName(p.resource.urn)}`,
                );
                assert.deepEqual(pending, ["creating api-endpoint"]);
                // The documented recovery: drop the pending create, and import what AWS made under the component. (The
                // CLI's own --import-pending-creates marks it "importing" and then drops it: nothing is imported, 3.276.)
                pulumi("refresh", "--yes", "--skip-preview", "--clear-pending-creates");
                pulumi(
                    "import",
                    VPC_ENDPOINT,
                    "api-endpoint",
                    orphan.id,
                    "--parent",
                    `api=${componentUrn}`,
                    "--yes",
                    "--generate-code=false",
                );
                assert.deepEqual(
                    inState(VPC_ENDPOINT).map((r) => r.id),
                    [orphan.id],
                );
                const mark2 = ws.mark();
                up();
                assert.deepEqual(changesIn(ws.requests(mark2)), ["Create api-connection"], "the imported endpoint is kept as it is");
                assert.deepEqual(
                    ws
                        .leftovers()
                        .filter((r) => r.type === "vpc-endpoint")
                        .map((r) => r.id),
                    [orphan.id],
                    "one endpoint, the one AWS made",
                );
                assertStateMatchesAccount();
                noChanges();
            });
        });

        /** Edits the program so the component names its connection (the orphan's name), or no longer does. */
        function nameConnection(name: string) {
            const file = path.join(dir, consumer.file);
            if (consumer.file === "index.ts")
                edit(file, `    tags: { team: "payments" },`, `    tags: { team: "payments" },\n    connectionName: "${name}",`);
            else edit(file, "      tags:\n        team: payments", `      connectionName: ${name}\n      tags:\n        team: payments`);
        }
        function unnameConnection(name: string) {
            const file = path.join(dir, consumer.file);
            if (consumer.file === "index.ts") edit(file, `\n    connectionName: "${name}",`, "");
            else edit(file, `      connectionName: ${name}\n`, "");
        }
        function setSubnets(ids: string[]) {
            ws.pulumi(dir, "config", "rm", "--stack", STACK, "subnetIds");
            ids.forEach((id, i) => ws.pulumi(dir, "config", "set", "--stack", STACK, "--path", `subnetIds[${i}]`, id));
        }
    });
}
