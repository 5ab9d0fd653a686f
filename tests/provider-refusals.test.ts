// The component provider over the Pulumi wire protocol, refusing: bad input, services AWS does not have or already
// connects, secrets and oversized arguments, each answered in its own Construct.
import * as pulumi from "@pulumi/pulumi";
import * as assert from "node:assert/strict";
import { AwsMocks, TOPOLOGY as T } from "./mocks";
import { unknownOutput } from "./wire";
import { COMPONENT_URN, ERROR, connectedOutside, refusedByAws, rpc, startedProvider } from "./provider-fixtures";

describe("component provider over gRPC", function () {
    this.timeout(60_000);
    const wire = startedProvider();

    it(
        "a child that AWS refuses fails Construct within 1 s and 300 MB, naming the child and AWS's " +
            "reason; the next Construct is served",
        async () => {
            // A service connected outside the stack: nothing the component can see before AWS answers (no lookup reads a
            // service's connections), so AWS refuses the connection.
            const { mocks, existing } = connectedOutside(T.apiServiceArn);
            wire.engine.reset(mocks);
            const started = performance.now();
            await assert.rejects(
                wire.provider.construct({
                    engine: wire.engine,
                    name: "taken",
                    stack: "refused",
                    inputs: { serviceArn: T.apiServiceArn, vpcId: T.vpcId, vpcEndpointId: T.existingEndpointId },
                }),
                (e: any) => {
                    assert.equal(e.details, refusedByAws(existing));
                    return true;
                },
            );
            const ms = performance.now() - started;
            const peakRssMb = wire.provider.peakRssMb();
            if (process.env.SHOW_FIGURES)
                console.log(`      child failure answered in ${ms.toFixed(0)} ms, provider peak RSS ${peakRssMb} MB`);
            assert.ok(ms < 1000, `answered in ${ms.toFixed(0)} ms`);
            assert.ok(peakRssMb < 300, `peak RSS ${peakRssMb} MB`);
            wire.engine.reset(new AwsMocks());
            const { state } = await wire.provider.construct({
                engine: wire.engine,
                name: "next",
                stack: "refused",
                inputs: { serviceArn: T.adminServiceArn, vpcId: T.vpcId, vpcEndpointId: T.existingEndpointId },
            });
            assert.equal(state.status, "AVAILABLE");
        },
    );

    it("a service AWS does not have is refused before any child, from Cloud Control's answer", async () => {
        const missing = T.apiServiceArn.replace("api-service", "gone-service");
        await assert.rejects(
            wire.provider.construct({
                engine: wire.engine,
                name: "gone",
                stack: "missing",
                inputs: { serviceArn: missing, vpcId: T.vpcId, subnetIds: [T.subnetA, T.subnetB] },
            }),
            (e: any) => {
                assert.equal(
                    e.details,
                    `\`serviceArn\` must be an App Runner service that exists in the AWS provider's account and ` +
                        `region, got: "${missing}", which Cloud Control ` +
                        "could not find. Check the ARN, or create the service first (pass `service.arn`).",
                );
                return true;
            },
        );
        assert.deepEqual(
            wire.engine.registrations.filter((r) => r.custom),
            [],
            "no endpoint, no security group, no connection",
        );
    });

    it("bad input found only by a lookup fails Construct too, with the message", async () => {
        await assert.rejects(
            wire.provider.construct({
                engine: wire.engine,
                name: "same-zone",
                stack: "lookup",
                inputs: { serviceArn: T.apiServiceArn, vpcId: T.vpcId, subnetIds: [T.subnetA, T.subnetA2] },
            }),
            (e: any) => {
                assert.equal(
                    e.details,
                    `\`subnetIds\` must have at most one subnet per Availability Zone (an interface endpoint ` +
                        `takes one subnet per zone), got: ${T.subnetA} and ${T.subnetA2} in us-east-1a. Keep one ` +
                        `subnet per zone.`,
                );
                return true;
            },
        );
        assert.deepEqual(
            wire.engine.registrations.filter((r) => r.custom),
            [],
            "nothing billable",
        );
    });

    it(
        "two concurrent Constructs, one refused: the refusal answers its own Construct alone; the " +
            "other succeeds, and nothing else is logged",
        async () => {
            const SHARED = "apprunner-private:index:InterfaceEndpoint";
            const shared = wire.provider.construct({
                engine: wire.engine,
                type: SHARED,
                name: "shared",
                stack: "concurrent",
                inputs: { vpcId: T.vpcId, subnetIds: [T.subnetA, T.subnetA2] },
            });
            // `audit` stays in flight (its connection unanswered) until `shared` has been answered.
            wire.engine.hold("audit-connection", shared);
            const audit = wire.provider.construct({
                engine: wire.engine,
                name: "audit",
                stack: "concurrent",
                inputs: { serviceArn: T.apiServiceArn, vpcId: T.vpcId, subnetIds: [T.subnetA, T.subnetB] },
            });
            const [refused, served] = await Promise.allSettled([shared, audit]);

            assert.equal(refused.status, "rejected");
            assert.equal(
                (refused as PromiseRejectedResult).reason.details,
                `\`subnetIds\` must have at most one subnet per Availability Zone (an interface endpoint ` +
                    `takes one subnet per zone), got: ${T.subnetA} and ${T.subnetA2} in us-east-1a. Keep one ` +
                    `subnet per zone.`,
            );
            assert.equal(served.status, "fulfilled", served.status === "rejected" ? served.reason.details : "");
            const connection = wire.engine.mocks.custom("aws:cloudcontrol/resource:Resource")[0];
            const domainName = JSON.parse(connection.state!.properties).DomainName;
            assert.deepEqual((served as PromiseFulfilledResult<{ state: Record<string, any> }>).value.state, {
                domainName,
                url: `https://${domainName}`,
                vpcEndpointId: wire.engine.mocks.custom("aws:ec2/vpcEndpoint:VpcEndpoint")[0].id,
                vpcIngressConnectionArn: connection.id,
                status: "AVAILABLE",
                securityGroupId: wire.engine.mocks.custom("aws:ec2/securityGroup:SecurityGroup")[0].id,
            });
            assert.deepEqual(
                wire.engine.registrations
                    .filter((r) => r.custom)
                    .map((r) => r.name)
                    .sort(),
                ["audit-connection", "audit-endpoint", "audit-endpoint-sg"],
                "nothing of shared's",
            );
            // The engine shows every error logged by the provider too: the refusal is the Construct's answer, and only that.
            assert.deepEqual(
                wire.engine.logs.filter((l) => l.severity >= ERROR),
                [],
            );
        },
    );

    it(
        "two concurrent Constructs, one whose child AWS refuses: AWS's reason answers that " + "Construct alone; the other succeeds",
        async () => {
            const { mocks, existing } = connectedOutside(T.apiServiceArn);
            wire.engine.reset(mocks);
            const taken = wire.provider.construct({
                engine: wire.engine,
                name: "taken",
                stack: "concurrent-aws",
                inputs: { serviceArn: T.apiServiceArn, vpcId: T.vpcId, vpcEndpointId: T.existingEndpointId },
            });
            // `audit` stays in flight (its connection unanswered) until `taken` has been answered.
            wire.engine.hold("audit-connection", taken);
            const audit = wire.provider.construct({
                engine: wire.engine,
                name: "audit",
                stack: "concurrent-aws",
                inputs: { serviceArn: T.adminServiceArn, vpcId: T.vpcId, vpcEndpointId: T.existingEndpointId },
            });
            const [refused, served] = await Promise.allSettled([taken, audit]);

            assert.equal(refused.status, "rejected");
            assert.equal((refused as PromiseRejectedResult).reason.details, refusedByAws(existing));
            assert.equal(served.status, "fulfilled", served.status === "rejected" ? served.reason.details : "");
            assert.equal((served as PromiseFulfilledResult<{ state: Record<string, any> }>).value.state.status, "AVAILABLE");
            assert.deepEqual(
                wire.engine.logs.filter((l) => l.severity >= ERROR),
                [],
            );
        },
    );

    it("a service connected by two components of one deployment is refused in the second's Construct, before any child", async () => {
        const inputs = { serviceArn: T.apiServiceArn, vpcId: T.vpcId, vpcEndpointId: T.existingEndpointId };
        await wire.provider.construct({ engine: wire.engine, name: "api", stack: "duplicates", inputs });
        const before = wire.engine.registrations.length;
        await assert.rejects(wire.provider.construct({ engine: wire.engine, name: "api-again", stack: "duplicates", inputs }), (e: any) => {
            assert.equal(
                e.details,
                `\`serviceArn\` is already connected by PrivateEndpoint "api" in this program, got: ` +
                    `"${T.apiServiceArn}" again. An App Runner service can have only one VPC ingress ` +
                    `connection: keep one PrivateEndpoint for it and share its \`domainName\`.`,
            );
            return true;
        });
        assert.deepEqual(
            wire.engine.registrations.slice(before).filter((r) => r.custom),
            [],
            "no child of api-again",
        );
        // Another stack is another deployment: the provider does not refuse it (AWS would, while "api" exists).
        wire.engine.reset(new AwsMocks());
        const { state } = await wire.provider.construct({ engine: wire.engine, name: "api", stack: "duplicates-elsewhere", inputs });
        assert.equal(state.status, "AVAILABLE");
    });

    it("a dry run whose serviceArn is the plain unknown sentinel registers the children with it unknown", async () => {
        wire.engine.reset(new AwsMocks({ preview: true }));
        const { state } = await wire.provider.construct({
            engine: wire.engine,
            name: "api",
            stack: "sentinel",
            dryRun: true,
            inputs: { serviceArn: rpc.unknownValue, vpcId: T.vpcId, vpcEndpointId: T.existingEndpointId },
        });
        const connection = wire.engine.registrations.find((r) => r.name === "api-connection")!;
        assert.ok(pulumi.isUnknown(connection.inputs.desiredState));
        assert.ok(pulumi.isUnknown(state.domainName));
    });

    it("a secret input keeps its output secret over the wire", async () => {
        const { state } = await wire.provider.construct({
            engine: wire.engine,
            name: "api",
            stack: "secrets",
            inputs: {
                serviceArn: T.apiServiceArn,
                vpcId: T.vpcId,
                vpcEndpointId: { [rpc.specialSigKey]: rpc.specialSecretSig, value: T.existingEndpointId },
            },
        });
        assert.deepEqual(state.vpcEndpointId, { [rpc.specialSigKey]: rpc.specialSecretSig, value: T.existingEndpointId });
    });

    it("a 1 MB argument over the wire: Construct fails with one message of a few hundred characters", async () => {
        await assert.rejects(
            wire.provider.construct({
                engine: wire.engine,
                name: "huge",
                stack: "bounded",
                inputs: { serviceArn: "a".repeat(1 << 20), vpcId: T.vpcId, vpcEndpointId: T.existingEndpointId },
            }),
            (e: any) => {
                assert.equal(
                    e.details,
                    `\`serviceArn\` must be an App Runner service ARN ` +
                        `(arn:aws:apprunner:<region>:<account>:service/<name>/<id>), got: "${"a".repeat(200)}…" ` +
                        "(1048576 characters, 1048376 not shown). Pass the service's `arn` output, e.g. " +
                        "`service.arn`, not its name, id or URL.",
                );
                return true;
            },
        );
        assert.ok(
            wire.engine.logs.every((l) => l.message.length < 1000),
            "no log line carries the value either",
        );
        assert.deepEqual(
            wire.engine.registrations.filter((r) => r.custom),
            [],
        );
    });

    it("a null tag value over the wire (as Python sends None) is refused, naming the key", async () => {
        await assert.rejects(
            wire.provider.construct({
                engine: wire.engine,
                name: "nulltag",
                stack: "null-tags",
                inputs: {
                    serviceArn: T.apiServiceArn,
                    vpcId: T.vpcId,
                    vpcEndpointId: T.existingEndpointId,
                    tags: { team: "payments", owner: null },
                },
            }),
            (e: any) => {
                assert.equal(
                    e.details,
                    '`tags` values must be strings, got: null for key "owner". Give the tag a value ("" for an ' +
                        "empty one), or remove the key.",
                );
                return true;
            },
        );
        assert.deepEqual(
            wire.engine.registrations.filter((r) => r.custom),
            [],
        );
    });

    it("a secret connectionName over the wire is refused before any child, in a preview where its value is unknown too", async () => {
        const message =
            "`connectionName` must not be a secret, got: [secret]. The name is part of the connection's " +
            "id and ARN, which Pulumi keeps in the stack's " +
            "state in clear text (an id cannot be secret). Pass the name as a plain value, or omit " +
            "`connectionName` to let AWS name the connection.";
        const inputs = { serviceArn: T.apiServiceArn, vpcId: T.vpcId, vpcEndpointId: T.existingEndpointId };
        const secret = { [rpc.specialSigKey]: rpc.specialSecretSig, value: "payments-api" };
        const unknownSecret = { ...unknownOutput(), secret: true };
        for (const [dryRun, connectionName] of [
            [false, secret],
            [true, unknownSecret],
        ] as const) {
            wire.engine.reset(new AwsMocks({ preview: dryRun }));
            await assert.rejects(
                wire.provider.construct({
                    engine: wire.engine,
                    name: "api",
                    stack: `secret-name-${dryRun}`,
                    dryRun,
                    inputs: { ...inputs, connectionName },
                }),
                (e: any) => {
                    assert.equal(e.details, message);
                    return true;
                },
            );
            assert.deepEqual(
                wire.engine.registrations.filter((r) => r.custom),
                [],
                `no child (dryRun: ${dryRun})`,
            );
        }
    });

    it(
        "options in the ConstructRequest reach the children: ignoreChanges, replaceOnChanges, " +
            "customTimeouts (delete included); deleteBeforeReplace does not arrive",
        async () => {
            await wire.provider.construct({
                engine: wire.engine,
                name: "api",
                stack: "options",
                inputs: { serviceArn: T.apiServiceArn, vpcId: T.vpcId, subnetIds: [T.subnetA, T.subnetB], tags: { team: "payments" } },
                options: {
                    ignoreChanges: ["tags"],
                    replaceOnChanges: ["subnetIds"],
                    customTimeouts: { update: "15m", delete: "20m" },
                    deleteBeforeReplace: true,
                },
            });
            const children = wire.engine.registrations.filter((r) => r.custom);
            assert.deepEqual(
                children.map((r) => [r.name, r.ignoreChanges, r.replaceOnChanges, r.customTimeouts, r.deleteBeforeReplace]).sort(),
                [
                    ["api-connection", [], [], { create: "", update: "15m", delete: "20m" }, true],
                    ["api-endpoint", ["tags", "tagsAll"], ["subnetIds"], { create: "", update: "15m", delete: "20m" }, false],
                    ["api-endpoint-sg", ["tags", "tagsAll"], [], { create: "", update: "15m", delete: "20m" }, false],
                ],
            );
            // @pulumi/pulumi 3.276's provider server builds the component's options without the request's
            // deleteBeforeReplace, so the component never sees it (the connection is delete-first anyway).
            const warnings = wire.engine.logs.filter((l) => l.severity === 2 && l.urn === COMPONENT_URN("api")).map((l) => l.message);
            assert.deepEqual(warnings, []);
        },
    );
});
