// Adoption under mocks: existing endpoints and security groups brought under the components through Pulumi's `import`
// option on their children (adoptVpcEndpointId, adoptSecurityGroupId), and connections (adoptConnectionArn) checked and
// reported, but not registered: a Cloud Control resource cannot be imported by that option, and under mocks every run is
// a component's first deployment (`apprunner-private import-connections` imports it; the real-engine tests run it). What
// the monitor received for each child (import id, inputs, ignoreChanges). The accounts are made as the stand-in's
// console makes them (a console endpoint, AWS Copilot's environment and services), in the mocks' own AWS.
import * as assert from "node:assert/strict";
import { Call, createCopilotEnvironment, createCopilotService } from "../plan/standin/changes";
import { InterfaceEndpoint, PrivateEndpoint } from "../sdk/index";
import { AwsMocks, TOPOLOGY as T, valueOf } from "./mocks";
import { CHILD_TYPES } from "./refusals";
import { SG_TYPE, capturingWarnings, consoleAccount, notImportedYet, seen, settled } from "./adopt-fixtures";

describe("adoption (import on the children)", () => {
    describe("a PrivateEndpoint adopting its own endpoint, security group and connection (made in the console)", () => {
        let account: ReturnType<typeof consoleAccount>;
        let pe: PrivateEndpoint;
        let warnings: string[];
        before(async () => {
            account = consoleAccount();
            warnings = await capturingWarnings(async () => {
                pe = new PrivateEndpoint("api", {
                    serviceArn: T.apiServiceArn,
                    vpcId: T.vpcId,
                    subnetIds: [T.subnetA, T.subnetB],
                    adoptVpcEndpointId: account.endpointId,
                    adoptSecurityGroupId: account.groupId,
                    adoptConnectionArn: account.connectionArn,
                });
                await settled(account.mocks, pe.domainName, pe.securityGroupId);
            });
        });

        it(
            "imports the endpoint and group by their ids, keeps what would replace them (names, " +
                "description), and leaves their tags, rules and private DNS as they are",
            () => {
                const { mocks } = account;
                assert.deepEqual(seen(mocks.byName("api-endpoint-sg")), {
                    importId: account.groupId,
                    ignoreChanges: ["tags"],
                    inputs: { name: "made-in-console", description: "App Runner VPC endpoint", vpcId: T.vpcId },
                });
                assert.deepEqual(seen(mocks.byName("api-endpoint")), {
                    importId: account.endpointId,
                    ignoreChanges: ["tags"],
                    inputs: {
                        vpcId: T.vpcId,
                        serviceName: "com.amazonaws.us-east-1.apprunner.requests",
                        vpcEndpointType: "Interface",
                        subnetIds: [T.subnetA, T.subnetB],
                        securityGroupIds: [account.groupId],
                    },
                });
                assert.deepEqual(
                    mocks.custom("aws:cloudcontrol/resource:Resource"),
                    [],
                    "the connection is not registered in its first deployment",
                );
            },
        );

        it("outputs the adopted connection's domain name and the adopted ids", async () => {
            assert.equal(await valueOf(pe.domainName), account.domainName);
            assert.equal(await valueOf(pe.vpcEndpointId), account.endpointId);
            assert.equal(await valueOf(pe.securityGroupId), account.groupId);
            assert.equal(await valueOf(pe.vpcIngressConnectionArn), account.connectionArn);
        });

        it(
            "looks up the endpoint, the group and the connection before anything is imported, and warns " +
                "that the connection waits for its import",
            () => {
                const { mocks } = account;
                const tokens = mocks.invokes.map((i) => `${i.token} ${JSON.stringify(i.inputs)}`);
                for (const t of [
                    `aws:ec2/getVpcEndpoint:getVpcEndpoint {"id":"${account.endpointId}"}`,
                    `aws:ec2/getSecurityGroup:getSecurityGroup {"id":"${account.groupId}"}`,
                    `aws:cloudcontrol/getResource:getResource ` +
                        `{"identifier":"${account.connectionArn}","typeName":"AWS::AppRunner::VpcIngressConnection"}`,
                ]) {
                    assert.ok(tokens.includes(t), `${t} in ${tokens.join("\n")}`);
                }
                assert.deepEqual(warnings, [notImportedYet(account.connectionArn)]);
                assert.deepEqual(mocks.unhandled, []);
            },
        );
    });

    describe(
        "AWS Copilot's environment: an InterfaceEndpoint adopting the endpoint and its group, a " +
            "PrivateEndpoint per service its connection",
        () => {
            let mocks: AwsMocks;
            let env: ReturnType<typeof createCopilotEnvironment>;
            let services: ReturnType<typeof createCopilotService>[];
            let shared: InterfaceEndpoint;
            let connected: PrivateEndpoint[];
            before(async () => {
                mocks = new AwsMocks().install();
                const call: Call = (service, action, params) => mocks.aws.call(service, action, params, "us-east-1");
                env = createCopilotEnvironment(call, "us-east-1", "shop", "prod", T.vpcId, [T.subnetA, T.subnetB]);
                services = ["frontend", "orders"].map((svc) => createCopilotService(call, "shop", "prod", svc, T.vpcId, env.vpcEndpointId));
                shared = new InterfaceEndpoint("environment", {
                    vpcId: T.vpcId,
                    subnetIds: [T.subnetA, T.subnetB],
                    adoptVpcEndpointId: env.vpcEndpointId,
                    adoptSecurityGroupId: env.securityGroupId,
                    allowedSecurityGroupIds: [env.environmentSecurityGroupId],
                    tags: { team: "shop" },
                });
                connected = services.map(
                    (s, i) =>
                        new PrivateEndpoint(["frontend", "orders"][i], {
                            serviceArn: s.serviceArn,
                            vpcId: T.vpcId,
                            vpcEndpointId: shared.vpcEndpointId,
                            adoptConnectionArn: s.vpcIngressConnectionArn,
                        }),
                );
                await settled(mocks, ...connected.map((c) => c.domainName));
            });

            it(
                "manages the adopted group's rules when asked (TCP 443 from the environment's group, no " +
                    "egress), and its tags when given",
                () => {
                    assert.deepEqual(seen(mocks.byName("environment-endpoint-sg")), {
                        importId: env.securityGroupId,
                        ignoreChanges: [],
                        inputs: {
                            name: mocks.aws.account.state.securityGroups.find((g) => g.GroupId === env.securityGroupId)!.GroupName,
                            description: "shop-prod-AppRunnerVpcEndpointSecurityGroup",
                            vpcId: T.vpcId,
                            ingress: [
                                {
                                    description: "HTTPS from the allowed security groups",
                                    protocol: "tcp",
                                    fromPort: 443,
                                    toPort: 443,
                                    securityGroups: [env.environmentSecurityGroupId],
                                },
                            ],
                            egress: [],
                            tags: { team: "shop" },
                        },
                    });
                    assert.deepEqual(seen(mocks.byName("environment-endpoint")).ignoreChanges, []);
                    assert.deepEqual(mocks.byName("environment-endpoint").inputs.tags, { team: "shop" });
                },
            );

            it(
                "reports each service's connection as AWS has it (CloudFormation's name, the adopted " +
                    "endpoint), its Copilot tags untouched",
                async () => {
                    for (const [i] of ["frontend", "orders"].entries()) {
                        assert.match(services[i].name, /^AppRunnerVpcIngressConnecti-[A-Za-z0-9]{12}$/);
                        assert.equal(await valueOf(connected[i].domainName), services[i].domainName);
                        assert.equal(await valueOf(connected[i].vpcIngressConnectionArn), services[i].vpcIngressConnectionArn);
                        assert.equal(await valueOf(connected[i].status), "AVAILABLE");
                    }
                    assert.deepEqual(mocks.custom("aws:cloudcontrol/resource:Resource"), [], "not registered in their first deployment");
                },
            );

            it("registers nothing new: every AWS resource registered is imported", () => {
                assert.deepEqual(
                    mocks
                        .custom()
                        .filter((r) => CHILD_TYPES.includes(r.type))
                        .map((r) => `${r.name} ${r.importId}`)
                        .sort(),
                    [`environment-endpoint ${env.vpcEndpointId}`, `environment-endpoint-sg ${env.securityGroupId}`],
                );
                assert.deepEqual(mocks.unhandled, []);
            });
        },
    );

    it("a connection alone, through an endpoint managed elsewhere (vpcEndpointId)", async () => {
        const { mocks, connectionArn, endpointId } = consoleAccount();
        const pe = new PrivateEndpoint("api", {
            serviceArn: T.apiServiceArn,
            vpcId: T.vpcId,
            vpcEndpointId: endpointId,
            adoptConnectionArn: connectionArn,
            connectionName: "console-api",
        });
        await settled(mocks, pe.domainName);
        assert.deepEqual(mocks.custom(), [], "nothing registered: the connection waits for its import");
        assert.equal(await valueOf(pe.vpcIngressConnectionArn), connectionArn);
        assert.equal(await valueOf(pe.vpcEndpointId), endpointId);
    });

    it("an endpoint adopted without its group: the component creates one and the endpoint moves to it, with a warning", async () => {
        const { mocks, endpointId, groupId } = consoleAccount();
        let pe: PrivateEndpoint;
        const warnings = await capturingWarnings(async () => {
            pe = new PrivateEndpoint("api", {
                serviceArn: T.adminServiceArn,
                vpcId: T.vpcId,
                subnetIds: [T.subnetA, T.subnetB],
                adoptVpcEndpointId: endpointId,
            });
            await settled(mocks, pe.domainName);
        });
        assert.deepEqual(warnings, [
            `The adopted endpoint ${endpointId} has ${groupId}; without \`adoptSecurityGroupId\` or ` +
                `\`securityGroupIds\` the component creates a security group and the ` +
                "endpoint switches to it (an update in place, shown by the preview). To keep its group, " +
                "pass `adoptSecurityGroupId` (managed by the component) or " +
                `\`securityGroupIds: ["${groupId}"]\` (not managed).`,
        ]);
        const created = mocks.byName("api-endpoint-sg");
        assert.equal(created.importId, "");
        assert.deepEqual(mocks.byName("api-endpoint").inputs.securityGroupIds, [created.id]);
    });

    it("an endpoint adopted with securityGroupIds keeps those groups, unmanaged, and warns of nothing", async () => {
        const { mocks, endpointId, groupId } = consoleAccount();
        const warnings = await capturingWarnings(async () => {
            const pe = new PrivateEndpoint("api", {
                serviceArn: T.adminServiceArn,
                vpcId: T.vpcId,
                subnetIds: [T.subnetA, T.subnetB],
                adoptVpcEndpointId: endpointId,
                securityGroupIds: [groupId],
            });
            await settled(mocks, pe.domainName);
        });
        assert.deepEqual(warnings, []);
        assert.deepEqual(mocks.custom(SG_TYPE), []);
        assert.deepEqual(seen(mocks.byName("api-endpoint")).inputs.securityGroupIds, [groupId]);
    });

    it("a connection Cloud Control may not read: a warning, and the adoption goes on", async () => {
        const { mocks, connectionArn, endpointId } = consoleAccount();
        const call = mocks.call.bind(mocks);
        const denied = "AccessDeniedException: User is not authorized to perform: cloudformation:GetResource";
        mocks.call = async (args) => {
            if (args.inputs?.typeName !== "AWS::AppRunner::VpcIngressConnection") return call(args);
            const message = `invocation of ${args.token} returned an error: invoking ${args.token}: 1 error occurred:\n\t* ${denied}`;
            throw Object.assign(new Error(message), { details: message });
        };
        const warnings = await capturingWarnings(async () => {
            const pe = new PrivateEndpoint("api", {
                serviceArn: T.apiServiceArn,
                vpcId: T.vpcId,
                vpcEndpointId: endpointId,
                adoptConnectionArn: connectionArn,
            });
            await settled(mocks, pe.domainName);
        });
        assert.deepEqual(warnings.sort(), [
            `Could not check the adopted connection "${connectionArn}" (Cloud Control: ${denied}). The ` +
                `check needs cloudformation:GetResource and ` +
                "apprunner:DescribeVpcIngressConnection; without them the adoption goes on, and AWS judges " +
                "the connection when it is imported.",
            notImportedYet(connectionArn),
        ]);
    });

    it(
        "in a preview: the endpoint and group are imported (read from AWS), the connection reported " +
            "as AWS has it, nothing crashes or hangs",
        async () => {
            const account = consoleAccount({ preview: true });
            const { mocks } = account;
            const pe = new PrivateEndpoint("api", {
                serviceArn: T.apiServiceArn,
                vpcId: T.vpcId,
                subnetIds: [T.subnetA, T.subnetB],
                adoptVpcEndpointId: account.endpointId,
                adoptSecurityGroupId: account.groupId,
                adoptConnectionArn: account.connectionArn,
            });
            await settled(mocks, pe.domainName);
            assert.deepEqual(
                mocks
                    .custom()
                    .map((r) => r.importId)
                    .sort(),
                [account.endpointId, account.groupId].sort(),
            );
            assert.equal(await valueOf(pe.domainName), account.domainName);
        },
    );
});
