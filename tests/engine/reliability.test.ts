// What a user meets when AWS fails, loses an answer, or changes behind Pulumi's back, and when an update is
// interrupted: through the real engine, from TypeScript (the component in the program) and from YAML (through the
// component provider). Each time the update fails cleanly, the stack's state matches the account, and the next update
// converges, after the recovery step README.md documents ("Recovering from a failed or interrupted update") where one
// is needed, with nothing duplicated, orphaned or lost. AWS's faults come from the stand-in (APPRUNNER_STANDIN_FAULTS),
// drift from its console.
import * as assert from "node:assert/strict";
import { joined } from "../regex";
import { TOPOLOGY as T } from "../../plan/aws";
import { VPC_ENDPOINT } from "../../plan/provider";
import { planOnPath, urnName } from "./harness";
import { CHILDREN, CONNECTION, CONSUMERS, STACK, changesIn, faults, reliabilityHarness } from "./reliability-fixtures";

for (const consumer of CONSUMERS) {
    describe(`real engine: failures, drift and interruptions (${consumer.language})`, function () {
        this.timeout(20 * 60_000);
        const h = reliabilityHarness(consumer);
        const { ws, pulumi, up, upFails, noChanges, inState, assertStateMatchesAccount, liveConnections, setSubnets } = h;

        describe("nothing billed for a service that cannot be connected", () => {
            it("an ARN AWS does not have is refused, naming the service, before any create", () => {
                const missing = T.apiServiceArn.replace("api-service", "gone-service");
                ws.pulumi(h.dir, "config", "set", "--stack", STACK, "serviceArn", missing);
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
                    ws.pulumi(h.dir, "config", "set", "--stack", STACK, "serviceArn", T.apiServiceArn);
                }
            });
            it("an account App Runner does not serve: the preview fails with one error on the component, and nothing is created", () => {
                ws.console("app-runner-subscription", "off");
                try {
                    const mark = ws.mark();
                    const failed = ws.exec(h.dir, "pulumi", ["preview", "--stack", STACK, "--non-interactive"]);
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
                    h.dir,
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
                    h.dir,
                    "pulumi",
                    ["destroy", "--stack", STACK, "--yes", "--skip-preview", "--non-interactive"],
                    faults({ method: "Delete", type: "SecurityGroup", mode: "refuse" }),
                );
                assert.notEqual(failed.code, 0);
                assert.match(failed.output, /Delete of api-endpoint-sg refused/);
                assert.deepEqual(
                    ws
                        .state(h.dir, STACK)
                        .filter((r) => CHILDREN.includes(r.type))
                        .map((r) => urnName(r.urn)),
                    ["api-endpoint-sg"],
                );
                assertStateMatchesAccount();
                // afterEach's destroy is the next one.
            });
        });
    });
}
