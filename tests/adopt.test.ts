// Adoption under mocks: existing endpoints and security groups brought under the components through Pulumi's `import`
// option on their children (adoptVpcEndpointId, adoptSecurityGroupId), and connections (adoptConnectionArn) checked and
// reported, but not registered: a Cloud Control resource cannot be imported by that option, and under mocks every run is
// a component's first deployment (`apprunner-private import-connections` imports it; the real-engine tests run it). What
// the monitor received for each child (import id, inputs, ignoreChanges), what is refused before anything is registered,
// what is refused once the lookups answer, and what is only warned about. The accounts are made as the stand-in's
// console makes them (a console endpoint, AWS Copilot's environment and services), in the mocks' own AWS.
import * as pulumi from "@pulumi/pulumi";
import * as assert from "node:assert/strict";
import { Call, createCopilotEnvironment, createCopilotService, createEndpoint } from "../plan/standin/changes";
import { InterfaceEndpoint, InterfaceEndpointArgs, PrivateEndpoint, PrivateEndpointArgs } from "../sdk/index";
import { AwsMocks, AwsMocksOptions, Registration, TOPOLOGY as T, valueOf } from "./mocks";
import { CHILD_TYPES, refusedLater } from "./refusals";

const SG_TYPE = "aws:ec2/securityGroup:SecurityGroup";
/** The warning an adopted connection gets until `apprunner-private import-connections` has brought it into the stack. */
const notImportedYet = (arn: string) =>
    `The VPC ingress connection ${arn} is adopted, and stays as it is, but this stack does not manage it yet: Pulumi's \`import\` ` +
    "cannot bring a Cloud Control resource in. Run `apprunner-private import-connections` (the @apprunner-private/plan package) for " +
    'this stack, then `pulumi up` (README, "Adopting existing resources").';
const SECTION = 'README.md, "Adopting existing resources"';
/** A well-formed connection ARN that AWS does not have. */
const MISSING_CONNECTION = "arn:aws:apprunner:us-east-1:123456789012:vpcingressconnection/gone-connection/0123456789abcdef0123456789abcdef";

/** Mocks with an account as the console leaves it: an endpoint (private DNS on) with its group, and a connection of api-service. */
function consoleAccount(options: AwsMocksOptions = {}) {
    const mocks = new AwsMocks(options).install();
    const call: Call = (service, action, params) => mocks.aws.call(service, action, params, "us-east-1");
    const made = createEndpoint(call, "us-east-1", T.vpcId, [T.subnetA, T.subnetB], {
        groupName: "made-in-console",
        privateDns: true,
        tags: [{ Key: "Name", Value: "console" }],
    });
    const { VpcIngressConnection: c } = call("apprunner", "CreateVpcIngressConnection", {
        ServiceArn: T.apiServiceArn,
        VpcIngressConnectionName: "console-api",
        IngressVpcConfiguration: { VpcId: T.vpcId, VpcEndpointId: made.vpcEndpointId },
        Tags: [{ Key: "owner", Value: "console" }],
    });
    return {
        mocks,
        call,
        endpointId: made.vpcEndpointId,
        groupId: made.securityGroupId,
        connectionArn: c.VpcIngressConnectionArn as string,
        domainName: c.DomainName as string,
    };
}

/** The warnings logged while `run` runs. */
async function capturingWarnings(run: () => Promise<void>): Promise<string[]> {
    const warnings: string[] = [];
    const warn = pulumi.log.warn;
    (pulumi.log as any).warn = (msg: string) => void warnings.push(msg);
    try {
        await run();
    } finally {
        (pulumi.log as any).warn = warn;
    }
    return warnings;
}

/** Constructing throws a ResourceError with exactly this message, and no child is registered. */
async function refusedNow(make: () => unknown, message: string, mocks = new AwsMocks().install()) {
    assert.throws(make, (e: any) => {
        assert.ok(pulumi.ResourceError.isInstance(e), "a ResourceError, so the CLI points at the component");
        assert.equal(e.message, message);
        return true;
    });
    await mocks.settle();
    assert.deepEqual(mocks.custom(), [], "no child registered");
}

/** The output rejects with exactly this message once the lookups answer, and nothing is registered, nor imported. */
/** The options and inputs a child was registered with, as the engine got them. */
const seen = (r: Registration) => ({ importId: r.importId, ignoreChanges: r.ignoreChanges, inputs: r.inputs });

async function settled(mocks: AwsMocks, ...outputs: pulumi.Output<unknown>[]) {
    await Promise.all(outputs.map((o) => valueOf(o)));
    await mocks.settle();
}

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

        it("imports the endpoint and group by their ids, keeps what would replace them (names, description), and leaves their tags, rules and private DNS as they are", () => {
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
        });

        it("outputs the adopted connection's domain name and the adopted ids", async () => {
            assert.equal(await valueOf(pe.domainName), account.domainName);
            assert.equal(await valueOf(pe.vpcEndpointId), account.endpointId);
            assert.equal(await valueOf(pe.securityGroupId), account.groupId);
            assert.equal(await valueOf(pe.vpcIngressConnectionArn), account.connectionArn);
        });

        it("looks up the endpoint, the group and the connection before anything is imported, and warns that the connection waits for its import", () => {
            const { mocks } = account;
            const tokens = mocks.invokes.map((i) => `${i.token} ${JSON.stringify(i.inputs)}`);
            for (const t of [
                `aws:ec2/getVpcEndpoint:getVpcEndpoint {"id":"${account.endpointId}"}`,
                `aws:ec2/getSecurityGroup:getSecurityGroup {"id":"${account.groupId}"}`,
                `aws:cloudcontrol/getResource:getResource {"identifier":"${account.connectionArn}","typeName":"AWS::AppRunner::VpcIngressConnection"}`,
            ]) {
                assert.ok(tokens.includes(t), `${t} in ${tokens.join("\n")}`);
            }
            assert.deepEqual(warnings, [notImportedYet(account.connectionArn)]);
            assert.deepEqual(mocks.unhandled, []);
        });
    });

    describe("AWS Copilot's environment: an InterfaceEndpoint adopting the endpoint and its group, a PrivateEndpoint per service its connection", () => {
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

        it("manages the adopted group's rules when asked (TCP 443 from the environment's group, no egress), and its tags when given", () => {
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
        });

        it("reports each service's connection as AWS has it (CloudFormation's name, the adopted endpoint), its Copilot tags untouched", async () => {
            for (const [i] of ["frontend", "orders"].entries()) {
                assert.match(services[i].name, /^AppRunnerVpcIngressConnecti-[A-Za-z0-9]{12}$/);
                assert.equal(await valueOf(connected[i].domainName), services[i].domainName);
                assert.equal(await valueOf(connected[i].vpcIngressConnectionArn), services[i].vpcIngressConnectionArn);
                assert.equal(await valueOf(connected[i].status), "AVAILABLE");
            }
            assert.deepEqual(mocks.custom("aws:cloudcontrol/resource:Resource"), [], "not registered in their first deployment");
        });

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
    });

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
            `The adopted endpoint ${endpointId} has ${groupId}; without \`adoptSecurityGroupId\` or \`securityGroupIds\` the component creates a security group and the ` +
                "endpoint switches to it (an update in place, shown by the preview). To keep its group, pass `adoptSecurityGroupId` (managed by the component) or " +
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
            `Could not check the adopted connection "${connectionArn}" (Cloud Control: ${denied}). The check needs cloudformation:GetResource and ` +
                "apprunner:DescribeVpcIngressConnection; without them the adoption goes on, and AWS judges the connection when it is imported.",
            notImportedYet(connectionArn),
        ]);
    });

    it("in a preview: the endpoint and group are imported (read from AWS), the connection reported as AWS has it, nothing crashes or hangs", async () => {
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
    });

    describe("refused at construction, before anything is registered", () => {
        const pe = (args: Partial<PrivateEndpointArgs>, opts?: pulumi.ComponentResourceOptions) => () =>
            new PrivateEndpoint("api", { serviceArn: T.apiServiceArn, vpcId: T.vpcId, ...args } as PrivateEndpointArgs, opts);
        const ie = (args: Partial<InterfaceEndpointArgs>, opts?: pulumi.ComponentResourceOptions) => () =>
            new InterfaceEndpoint("shared", { vpcId: T.vpcId, subnetIds: [T.subnetA, T.subnetB], ...args } as InterfaceEndpointArgs, opts);
        const subnets = { subnetIds: [T.subnetA, T.subnetB] };
        const cases: [string, () => unknown, string][] = [
            [
                "Pulumi's import option on a PrivateEndpoint",
                pe(subnets, { import: "vpce-0123456789abcdef0" } as pulumi.CustomResourceOptions),
                'The `import` option cannot bring existing resources under this PrivateEndpoint, got: "vpce-0123456789abcdef0". Pulumi ignores `import` on a component, so its ' +
                    "children would be created anew beside the existing ones. Remove the option and pass `adoptVpcEndpointId`, `adoptSecurityGroupId` or " +
                    `\`adoptConnectionArn\` (${SECTION}).`,
            ],
            [
                "Pulumi's import option on an InterfaceEndpoint",
                ie({}, { import: "vpce-0123456789abcdef0" } as pulumi.CustomResourceOptions),
                'The `import` option cannot bring existing resources under this InterfaceEndpoint, got: "vpce-0123456789abcdef0". Pulumi ignores `import` on a component, so its ' +
                    `children would be created anew beside the existing ones. Remove the option and pass \`adoptVpcEndpointId\` or \`adoptSecurityGroupId\` (${SECTION}).`,
            ],
            [
                "an endpoint id of the wrong shape",
                ie({ adoptVpcEndpointId: "vpc-0123456789abcdef0" }),
                '`adoptVpcEndpointId` must be a VPC endpoint id (vpce- and 8 or 17 hexadecimal characters), got: "vpc-0123456789abcdef0". Pass the id of the ' +
                    "endpoint to adopt, e.g. from `aws ec2 describe-vpc-endpoints`.",
            ],
            [
                "a group id known only later",
                ie({ adoptSecurityGroupId: pulumi.output("sg-0123456789abcdef0") }),
                "`adoptSecurityGroupId` must be a plain string known when the program runs, got: an Output (a value known only later, or a secret). It becomes " +
                    "Pulumi's `import` option on the component's security group, which takes an id, not an Output. Pass the id as text, e.g. from stack " +
                    "configuration (not as a secret).",
            ],
            [
                "a service ARN given as the connection's",
                pe({ vpcEndpointId: T.existingEndpointId, adoptConnectionArn: T.apiServiceArn }),
                "`adoptConnectionArn` must be a VPC ingress connection ARN (arn:aws:apprunner:<region>:<account>:vpcingressconnection/<name>/<id>), got: " +
                    `"${T.apiServiceArn}". Pass the connection's ARN, e.g. from \`aws apprunner list-vpc-ingress-connections\`.`,
            ],
            [
                "adoptSecurityGroupId with securityGroupIds",
                ie({ adoptSecurityGroupId: "sg-0123456789abcdef0", securityGroupIds: [T.existingSecurityGroupId] }),
                "Only one of `securityGroupIds` or `adoptSecurityGroupId` can be provided. `securityGroupIds` uses groups without managing them; " +
                    "`adoptSecurityGroupId` brings the one group the component manages under it. Keep the one you mean.",
            ],
            [
                "adoptVpcEndpointId with vpcEndpointId",
                pe({ vpcEndpointId: T.existingEndpointId, adoptVpcEndpointId: T.existingEndpointId }),
                "`adoptVpcEndpointId` adopts an endpoint for this component to manage (with `subnetIds`) and cannot be combined with `vpcEndpointId`, which " +
                    "reuses an endpoint managed elsewhere. Adopt it where that endpoint is managed (e.g. an InterfaceEndpoint's `adoptVpcEndpointId`), or pass " +
                    "`subnetIds` instead of `vpcEndpointId`.",
            ],
            [
                "adoptSecurityGroupId with vpcEndpointId",
                pe({ vpcEndpointId: T.existingEndpointId, adoptSecurityGroupId: T.existingSecurityGroupId }),
                "`adoptSecurityGroupId` adopts the security group of an endpoint this component manages (with `subnetIds`) and cannot be combined with " +
                    "`vpcEndpointId`, which reuses an endpoint managed elsewhere. Adopt it where that endpoint is managed (e.g. an InterfaceEndpoint's " +
                    "`adoptSecurityGroupId`), or pass `subnetIds` instead of `vpcEndpointId`.",
            ],
            [
                "a connection adopted with a new endpoint",
                pe({ ...subnets, adoptConnectionArn: MISSING_CONNECTION }),
                "`adoptConnectionArn` with `subnetIds` needs `adoptVpcEndpointId`: a connection is adopted as it is, through the endpoint it has. Pass " +
                    "`adoptVpcEndpointId` with the connection's endpoint, or `vpcEndpointId` instead of `subnetIds` to connect through that endpoint without " +
                    "managing it; once adopted, the connection moves to another endpoint in place.",
            ],
            [
                "another connectionName than the adopted connection's",
                pe({ vpcEndpointId: T.existingEndpointId, adoptConnectionArn: MISSING_CONNECTION, connectionName: "api-private" }),
                '`connectionName` must be the adopted connection\'s name, "gone-connection" (the name in `adoptConnectionArn`), got: "api-private". A ' +
                    'connection\'s name cannot change without replacing it. Omit `connectionName`, or set it to "gone-connection".',
            ],
            [
                "adoptFrom with adoptVpcEndpointId",
                ie({ adoptFrom: "api", adoptVpcEndpointId: T.existingEndpointId }),
                "Only one of `adoptFrom` or `adoptVpcEndpointId` can be provided. `adoptFrom` takes over the endpoint of a PrivateEndpoint in this stack; " +
                    "`adoptVpcEndpointId` imports one made outside Pulumi. Keep the one that matches where the endpoint comes from.",
            ],
        ];
        for (const [what, make, message] of cases) it(what, () => refusedNow(make, message));
    });

    describe("refused once the lookups answer, before anything is imported", () => {
        it("an endpoint the provider cannot find", async () => {
            const mocks = new AwsMocks().install();
            const shared = new InterfaceEndpoint("shared", {
                vpcId: T.vpcId,
                subnetIds: [T.subnetA, T.subnetB],
                adoptVpcEndpointId: "vpce-0123456789abcdef0",
            });
            await refusedLater(
                mocks,
                shared.vpcEndpointId,
                '`adoptVpcEndpointId` must be an endpoint the AWS provider can see in us-east-1, got: "vpce-0123456789abcdef0" (lookup failed: no matching ' +
                    "EC2 VPC Endpoint found). Check the id and the provider's region and account.",
            );
        });

        it("an endpoint of another VPC, with another group than the one adopted", async () => {
            const { mocks, call } = consoleAccount();
            const other = createEndpoint(call, "us-east-1", T.otherVpcId, [T.otherSubnet]);
            const shared = new InterfaceEndpoint("shared", {
                vpcId: T.vpcId,
                subnetIds: [T.subnetA, T.subnetB],
                adoptVpcEndpointId: other.vpcEndpointId,
                adoptSecurityGroupId: T.existingSecurityGroupId,
            });
            await refusedLater(
                mocks,
                shared.vpcEndpointId,
                [
                    `\`adoptVpcEndpointId\` must be an endpoint of \`vpcId\` (${T.vpcId}), got: ${other.vpcEndpointId} in ${T.otherVpcId}. Set \`vpcId\` to ` +
                        `${T.otherVpcId}: an endpoint cannot move to another VPC without being replaced.`,
                    `\`adoptSecurityGroupId\` must be the security group of the endpoint \`adoptVpcEndpointId\` names, got: ${T.existingSecurityGroupId}, while ` +
                        `${other.vpcEndpointId} has ${other.securityGroupId}. Adopt its group, or pass \`securityGroupIds: ["${other.securityGroupId}"]\` to keep ` +
                        "its groups without managing them.",
                ].join("\n"),
            );
        });

        it("a VPC's default security group, and a group of another VPC", async () => {
            const mocks = new AwsMocks().install();
            const groupOf = (vpc: string) =>
                mocks.aws.account.state.securityGroups.find((g) => g.VpcId === vpc && g.GroupName === "default")!.GroupId;
            const own = new InterfaceEndpoint("own", {
                vpcId: T.vpcId,
                subnetIds: [T.subnetA, T.subnetB],
                adoptSecurityGroupId: groupOf(T.vpcId),
            });
            await refusedLater(
                mocks,
                own.vpcEndpointId,
                `\`adoptSecurityGroupId\` must not be a VPC's default security group, got: ${groupOf(T.vpcId)} (default). AWS never deletes it, and the ` +
                    "component would try to on `pulumi destroy`. Pass it in `securityGroupIds` to keep using it without managing it.",
            );
            const other = new InterfaceEndpoint("other", {
                vpcId: T.vpcId,
                subnetIds: [T.subnetA, T.subnetB],
                adoptSecurityGroupId: groupOf(T.otherVpcId),
            });
            await refusedLater(
                mocks,
                other.vpcEndpointId,
                [
                    `\`adoptSecurityGroupId\` must be a security group of \`vpcId\` (${T.vpcId}), got: ${groupOf(T.otherVpcId)} in ${T.otherVpcId}. Adopt the ` +
                        `group of the endpoint in ${T.vpcId}: a security group cannot move to another VPC.`,
                    `\`adoptSecurityGroupId\` must not be a VPC's default security group, got: ${groupOf(T.otherVpcId)} (default). AWS never deletes it, and the ` +
                        "component would try to on `pulumi destroy`. Pass it in `securityGroupIds` to keep using it without managing it.",
                ].join("\n"),
            );
        });

        it("a connection Cloud Control cannot find", async () => {
            const mocks = new AwsMocks().install();
            const pe = new PrivateEndpoint("api", {
                serviceArn: T.apiServiceArn,
                vpcId: T.vpcId,
                vpcEndpointId: T.existingEndpointId,
                adoptConnectionArn: MISSING_CONNECTION,
            });
            await refusedLater(
                mocks,
                pe.domainName,
                `\`adoptConnectionArn\` must be a VPC ingress connection that exists in the AWS provider's account and region, got: "${MISSING_CONNECTION}", ` +
                    "which Cloud Control could not find. Check the ARN, and the provider's region and account.",
            );
        });

        it("a connection of another service, through another endpoint", async () => {
            const { mocks, connectionArn, endpointId } = consoleAccount();
            const pe = new PrivateEndpoint("admin", {
                serviceArn: T.adminServiceArn,
                vpcId: T.vpcId,
                vpcEndpointId: T.existingEndpointId,
                adoptConnectionArn: connectionArn,
            });
            await refusedLater(
                mocks,
                pe.domainName,
                [
                    `\`adoptConnectionArn\` must connect \`serviceArn\` (${T.adminServiceArn}), got: a connection of ${T.apiServiceArn}. Adopt the connection of ` +
                        "this service (`aws apprunner list-vpc-ingress-connections --filter ServiceArn=<service ARN>`), or set `serviceArn` to the service it connects.",
                    `\`adoptConnectionArn\` must be a connection through the endpoint \`vpcEndpointId\` names (${T.existingEndpointId}), got: a connection through ` +
                        `${endpointId}. Set \`vpcEndpointId\` to ${endpointId}: a connection is adopted as it is, and moved to another endpoint afterwards, in place.`,
                ].join("\n"),
            );
        });

        it("a connection through another endpoint than the one adopted with it", async () => {
            const { mocks, connectionArn, endpointId } = consoleAccount();
            const pe = new PrivateEndpoint("api", {
                serviceArn: T.apiServiceArn,
                vpcId: T.vpcId,
                subnetIds: [T.subnetA, T.subnetB],
                adoptVpcEndpointId: T.existingEndpointId,
                adoptSecurityGroupId: T.existingSecurityGroupId,
                adoptConnectionArn: connectionArn,
            });
            await refusedLater(
                mocks,
                pe.domainName,
                `\`adoptConnectionArn\` must be a connection through the endpoint \`adoptVpcEndpointId\` names (${T.existingEndpointId}), got: a connection ` +
                    `through ${endpointId}. Set \`adoptVpcEndpointId\` to ${endpointId}: a connection is adopted as it is, and moved to another endpoint ` +
                    "afterwards, in place.",
            );
        });

        it("a connection in another region than the provider's", async () => {
            const mocks = new AwsMocks().install();
            const arn = MISSING_CONNECTION.replace("us-east-1", "eu-west-1");
            const pe = new PrivateEndpoint("api", {
                serviceArn: T.apiServiceArn,
                vpcId: T.vpcId,
                vpcEndpointId: T.existingEndpointId,
                adoptConnectionArn: arn,
            });
            await refusedLater(
                mocks,
                pe.domainName,
                `\`adoptConnectionArn\` must be in the AWS provider's region (us-east-1), got: "${arn}" in eu-west-1. Give this component a provider for ` +
                    "eu-west-1 (the `provider` option), or adopt a connection in us-east-1.",
            );
        });
    });
});
