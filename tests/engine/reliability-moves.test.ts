// Reliability on the real engine (see reliability.test.ts), continued: drift made in the console, a move to another
// endpoint (an update in place), and interrupted updates, each followed by the recovery README.md documents.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { TOPOLOGY as T } from "../../plan/aws";
import { SECURITY_GROUP, VPC_ENDPOINT } from "../../plan/provider";
import { Workspace, edit, urnName } from "./harness";
import { CONSUMERS, STACK, awsActions, changesIn, faults, reliabilityHarness } from "./reliability-fixtures";

for (const consumer of CONSUMERS) {
    describe(`real engine: failures, drift and interruptions (${consumer.language})`, function () {
        this.timeout(20 * 60_000);
        const h = reliabilityHarness(consumer);
        const { ws, pulumi, up, upFails, noChanges, inState, assertStateMatchesAccount, liveConnections } = h;

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
                const file = path.join(h.dir, consumer.file);
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
                const run = ws.pulumiStart(
                    { APPRUNNER_STANDIN_TIME_SCALE: "0.1" },
                    h.dir,
                    "up",
                    "--stack",
                    STACK,
                    "--yes",
                    "--skip-preview",
                );
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
                const run = ws.pulumiStart(slowAws, h.dir, "up", "--stack", STACK, "--yes", "--skip-preview");
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
                    const run = ws.pulumiStart(slowAws, h.dir, "up", "--stack", STACK, "--yes", "--skip-preview");
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
                        `api=${h.componentUrn}`,
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
    });
}
