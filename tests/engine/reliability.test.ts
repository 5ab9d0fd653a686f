// What a user meets when AWS fails, loses an answer, or changes behind Pulumi's back, and when an update is
// interrupted: through the real engine, from TypeScript (the component in the program) and from YAML (through the
// component provider). Each time the update fails cleanly, the stack's state matches the account, and the next update
// converges, after the recovery step README.md documents ("Recovering from a failed or interrupted update") where one
// is needed, with nothing duplicated, orphaned or lost. AWS's faults come from the stand-in (APPRUNNER_STANDIN_FAULTS),
// drift from its console.
import * as assert from "node:assert/strict";
import { joined } from "../regex";
import * as fs from "node:fs";
import * as path from "node:path";
import { TOPOLOGY as T, startingAccount } from "../../plan/aws";
import { CLOUDCONTROL_RESOURCE, SECURITY_GROUP, VPC_ENDPOINT } from "../../plan/provider";
import { REPO, Request, Workspace, addProvider, edit, planOnPath, urnName } from "./harness";

const STACK = "test";
const CONNECTION = CLOUDCONTROL_RESOURCE;
const CHILDREN = [SECURITY_GROUP, VPC_ENDPOINT, CONNECTION];
const COMPONENT = "apprunner-private:index:PrivateEndpoint";
const faults = (...list: object[]) => ({ APPRUNNER_STANDIN_FAULTS: JSON.stringify(list) });
const awsActions = (requests: Request[]) => requests.filter((r) => r.method === "AWS").map((r) => r.action!);
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
            if (this.currentTest?.state !== "passed") {
                // A failed case leaves its stack as it was: start the next one from an empty stack, as from a fresh account.
                ws.pulumi(dir, "stack", "rm", "--stack", STACK, "--force", "--yes", "--preserve-config");
                ws.pulumi(dir, "stack", "init", STACK);
                return;
            }
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
                            `\`serviceArn\` must be an App Runner service that exists in the AWS provider's account and ` +
                                `region, got: "${missing}", which Cloud ` +
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
            it("an account App Runner does not serve: the preview fails with one error on the component, and nothing is created", () => {
                ws.console("app-runner-subscription", "off");
                try {
                    const mark = ws.mark();
                    const failed = ws.exec(dir, "pulumi", ["preview", "--stack", STACK, "--non-interactive"]);
                    assert.notEqual(failed.code, 0, failed.output);
                    // The diagnostics, where the CLI says each error once (the progress above repeats it).
                    const text = failed.output.slice(failed.output.indexOf("Diagnostics:")).replace(/\s+/g, " ");
                    const message =
                        "The AWS account cannot use App Runner in us-east-1: AWS answers its App Runner calls with " +
                        "SubscriptionRequiredException " +
                        '("The AWS Access Key Id needs a subscription for the service"). App Runner is closed to ' +
                        "new customers since 30 April 2026, and " +
                        "existing customers keep access: check that the AWS provider uses the credentials of the " +
                        "account your App Runner services are " +
                        "in, and its region. AWS points new users to Amazon ECS Express Mode.";
                    assert.ok(text.includes(message), failed.output);
                    assert.equal(text.split(message).length - 1, 1, `said once: ${failed.output}`);
                    // On the component: TypeScript's SDK logs it against the component, with the prefix it writes into
                    // every error that fails an output (DESIGN-NOTES.md, "A refusal answers its own Construct only"); the
                    // YAML host reports the component's Construct.
                    assert.match(
                        text,
                        joined(
                            /apprunner-private:index:PrivateEndpoint /,
                            /(\(api\): error: (error serializing property "outputs": )?|resource 'api' has a problem: )The /,
                            /AWS account/,
                        ),
                    );
                    assert.deepEqual(changesIn(ws.requests(mark)), []);
                    assert.deepEqual(ws.leftovers(), []);
                } finally {
                    ws.console("app-runner-subscription", "on");
                }
            });
        });

        describe("partial failures", () => {
            it("AWS refuses the connection: up fails, the endpoint and its group are kept; the next up adds the connection alone", () => {
                const mark = ws.mark();
                const failed = upFails(faults({ method: "Create", type: "cloudcontrol", mode: "refuse" }));
                assert.match(
                    failed.output,
                    joined(
                        /Create of api-connection refused: api error InternalFailure: the stand-in /,
                        /refused this request \(APPRUNNER_STANDIN_FAULTS\)/,
                    ),
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
                upFails(faults({ method: "Create", type: "cloudcontrol", mode: "lost-response" }));
                const [orphan] = liveConnections();
                assert.ok(orphan, "AWS holds the connection");
                assert.deepEqual(inState(CONNECTION), [], "Pulumi never heard of it");
                const again = upFails();
                assert.ok(
                    again.output.includes(
                        "waiting for Cloud Control API (AWS::AppRunner::VpcIngressConnection) Resource () create: " +
                            "unexpected state 'FAILED', wanted " +
                            `target 'SUCCESS'. last error: InvalidRequest: Invalid request provided: Service ${T.apiServiceArn} ` +
                            `already has a VPC ingress ` +
                            `connection: ${orphan.arn}`,
                    ),
                    again.output,
                );
                // The documented recovery: import the orphan as the component's connection, as the program has it.
                const imported = ws.exec(
                    dir,
                    "apprunner-private",
                    ["import-connections", "--stack", STACK, "--connection", `api=${orphan.arn}`],
                    planOnPath(ws),
                );
                assert.equal(imported.code, 0, imported.output);
                assert.deepEqual(
                    inState(CONNECTION).map((r) => r.id),
                    [orphan.arn],
                );
                const mark = ws.mark();
                up();
                assert.deepEqual(changesIn(ws.requests(mark)), []);
                assert.deepEqual(liveConnections(), [orphan], "the same connection, its domain name kept");
                assertStateMatchesAccount();
                noChanges();
            });

            it("the connection never becomes AVAILABLE: Pulumi keeps it with the error; --target-replace makes a new one", () => {
                const failed = upFails(faults({ method: "Create", type: "cloudcontrol", mode: "init-failed" }));
                const [broken] = liveConnections();
                assert.equal(broken.status, "FAILED_CREATION");
                assert.ok(
                    failed.output.includes(
                        `waiting for Cloud Control API (AWS::AppRunner::VpcIngressConnection) Resource ` +
                            `(${broken.arn}) create: unexpected state 'FAILED', ` +
                            `wanted target 'SUCCESS'. last error: NotStabilized: Resource of type ` +
                            `'AWS::AppRunner::VpcIngressConnection' with identifier ` +
                            `'${broken.arn}' did not stabilize: its status is FAILED_CREATION.`,
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

            it("AWS refuses an endpoint update: up fails; the provider records it as made, so refresh, then up makes it", () => {
                up();
                setSubnets([T.subnetA, T.subnetB, T.subnetC]);
                const endpointId = inState(VPC_ENDPOINT)[0].id!;
                const failed = upFails(faults({ method: "Update", type: "VpcEndpoint", mode: "refuse" }));
                assert.match(failed.output, /Update of api-endpoint refused: api error InternalFailure/);
                const described = () => ws.account().vpcEndpoints.find((e) => e.VpcEndpointId === endpointId)!.SubnetIds;
                assert.deepEqual(described(), [T.subnetA, T.subnetB], "AWS changed nothing");
                // The Terraform plugin SDK keeps the planned values of a failed update (terraform-plugin-sdk#476), and the
                // bridge answers them as a partial result: the state says the update was made, and the next up, an empty
                // update that clears the error, asks AWS for nothing.
                assert.deepEqual(inState(VPC_ENDPOINT)[0].outputs!.subnetIds, [T.subnetA, T.subnetB, T.subnetC]);
                const retry = ws.mark();
                up();
                assert.deepEqual(changesIn(ws.requests(retry)), ["Update api-endpoint"]);
                assert.deepEqual(
                    ws
                        .requests(retry)
                        .filter((r) => r.method === "AWS" && r.action === "ec2:ModifyVpcEndpoint")
                        .map((r) => r.action),
                    [],
                );
                assert.deepEqual(described(), [T.subnetA, T.subnetB]);
                // README's recovery: refresh reads what AWS has, and the next up makes the change.
                pulumi("refresh", "--yes", "--skip-preview");
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
                assert.match(refresh.output, /- +aws:cloudcontrol:Resource api-connection deleted/);
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
                // A new endpoint, and the connection moved to it in place.
                assert.deepEqual(changesIn(ws.requests(mark)), ["Create api-endpoint", "Update api-connection"]);
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

        describe("a move to another endpoint (an update in place)", () => {
            /** The program's connection moved to the account's existing endpoint, or back to the component's own. */
            const moveTo = (endpointId: string | undefined) => {
                const file = path.join(dir, consumer.file);
                const own =
                    consumer.file === "index.ts" ? 'subnetIds: config.requireObject<string[]>("subnetIds"),' : "subnetIds: ${subnetIds}";
                const shared =
                    consumer.file === "index.ts" ? `vpcEndpointId: "${T.existingEndpointId}",` : `vpcEndpointId: ${T.existingEndpointId}`;
                if (endpointId) edit(file, own, shared);
                else if (fs.readFileSync(file, "utf8").includes(shared)) edit(file, shared, own);
            };
            const moved = ["Update api-connection", "Delete api-endpoint", "Delete api-endpoint-sg"];
            let start: ReturnType<Workspace["connections"]>[number];
            beforeEach(() => {
                up();
                [start] = liveConnections();
                moveTo(T.existingEndpointId);
            });
            afterEach(() => moveTo(undefined));

            it(
                "AWS refuses it: up fails with the connection where it was; the next up says so; back and " + "forth again, each in place",
                () => {
                    const failed = upFails(faults({ method: "Update", type: "cloudcontrol", mode: "refuse" }));
                    assert.match(failed.output, /Update of api-connection refused: api error InternalFailure/);
                    assert.deepEqual(liveConnections(), [start], "AWS changed nothing");
                    // The provider kept the planned state (terraform-plugin-sdk#476): the next up has no change to make, but clears
                    // the error with an empty update, which reads the connection; the component then says where AWS has it.
                    const next = upFails();
                    assert.ok(
                        next.output
                            .replace(/\s+/g, " ")
                            .includes(
                                `The VPC ingress connection ${start.arn} is AVAILABLE in VPC ${T.vpcId} through endpoint ` +
                                    `${start.endpointId}, and the program ` +
                                    `puts it in VPC ${T.vpcId} through endpoint ${T.existingEndpointId}: a change Pulumi ` +
                                    `recorded did not happen`,
                            ),
                        next.output,
                    );
                    recoverByMovingBackAndForth();
                },
            );

            it(
                "its answer is lost: AWS moved it; the next up finishes, nothing asked of Cloud Control, " +
                    "nothing deleted but the old endpoint",
                () => {
                    upFails(faults({ method: "Update", type: "cloudcontrol", mode: "lost-response" }));
                    assert.deepEqual(liveConnections(), [{ ...start, endpointId: T.existingEndpointId }], "AWS moved it");
                    const mark = ws.mark();
                    up();
                    assert.deepEqual(changesIn(ws.requests(mark)), [
                        "Update api-connection",
                        "Delete api-endpoint",
                        "Delete api-endpoint-sg",
                    ]);
                    assert.deepEqual(
                        awsActions(ws.requests(mark)).filter((a) => a === "cloudcontrol:UpdateResource"),
                        [],
                        "the update only clears the error",
                    );
                    assert.deepEqual(liveConnections(), [{ ...start, endpointId: T.existingEndpointId }]);
                    assertStateMatchesAccount();
                    noChanges();
                },
            );

            it("AWS fails it (FAILED_UPDATE): up fails; the next up says so; back and forth again, each in place, ends AVAILABLE", () => {
                const failed = upFails(faults({ method: "Update", type: "cloudcontrol", mode: "init-failed" }));
                const [broken] = liveConnections();
                assert.equal(broken.arn, start.arn);
                assert.equal(broken.status, "FAILED_UPDATE");
                assert.ok(
                    failed.output.includes(
                        `waiting for Cloud Control API (AWS::AppRunner::VpcIngressConnection) Resource ` +
                            `(${start.arn}) update: unexpected state ` +
                            `'FAILED', wanted target 'SUCCESS'. last error: NotStabilized: Resource of type ` +
                            `'AWS::AppRunner::VpcIngressConnection' with ` +
                            `identifier '${start.arn}' did not stabilize: its status is FAILED_UPDATE.`,
                    ),
                    failed.output,
                );
                const next = upFails();
                assert.ok(
                    next.output
                        .replace(/\s+/g, " ")
                        .includes(
                            `The VPC ingress connection ${start.arn} is FAILED_UPDATE in VPC ${T.vpcId} through ` +
                                `endpoint ${broken.endpointId}, and the ` +
                                `program puts it in VPC ${T.vpcId} through endpoint ${T.existingEndpointId}: AWS did not ` +
                                `complete the last change Pulumi ` +
                                "recorded for it. To make AWS try again without deleting it, undo the program's change that moved it",
                        ),
                    next.output,
                );
                recoverByMovingBackAndForth();
            });

            it("one SIGINT while it moves: the move finishes and the old endpoint stays; the next up deletes it", async () => {
                const mark = ws.mark();
                const run = ws.pulumiStart({ APPRUNNER_STANDIN_TIME_SCALE: "0.1" }, dir, "up", "--stack", STACK, "--yes", "--skip-preview");
                await ws.waitForRequest((r) => r.method === "AWS" && r.action === "cloudcontrol:UpdateResource", mark);
                run.child.kill("SIGINT");
                const result = await run.done;
                assert.notEqual(result.code, 0);
                assert.deepEqual(changesIn(ws.requests(mark)), ["Update api-connection"], "the move under way finished, nothing after it");
                assert.deepEqual(liveConnections(), [{ ...start, endpointId: T.existingEndpointId }]);
                const again = ws.mark();
                up();
                assert.deepEqual(changesIn(ws.requests(again)), ["Delete api-endpoint", "Delete api-endpoint-sg"]);
                assertStateMatchesAccount();
                noChanges();
            });

            /** README's recovery: the program back where the connection was (an update in place), then forward again. */
            function recoverByMovingBackAndForth() {
                moveTo(undefined);
                const back = ws.mark();
                up();
                assert.deepEqual(changesIn(ws.requests(back)), ["Update api-connection"]);
                assert.deepEqual(liveConnections(), [start], "AVAILABLE where it started, the same connection");
                moveTo(T.existingEndpointId);
                const forth = ws.mark();
                up();
                assert.deepEqual(changesIn(ws.requests(forth)), moved);
                assert.deepEqual(liveConnections(), [{ ...start, endpointId: T.existingEndpointId }]);
                assertStateMatchesAccount();
                noChanges();
            }
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

            it(
                "a forced cancel after AWS made the endpoint: the pending create is cleared and the " +
                    "endpoint imported; nothing billed is left over",
                async () => {
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
                },
            );
        });

        function setSubnets(ids: string[]) {
            ws.pulumi(dir, "config", "rm", "--stack", STACK, "subnetIds");
            ids.forEach((id, i) => ws.pulumi(dir, "config", "set", "--stack", STACK, "--path", `subnetIds[${i}]`, id));
        }
    });
}
