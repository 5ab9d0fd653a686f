// InterfaceEndpoint: the shared endpoint owned by no service, and access from client security groups (on both
// components). Same rules and messages as PrivateEndpoint's new endpoint, from the same code.
import * as pulumi from "@pulumi/pulumi";
import * as assert from "node:assert/strict";
import { InterfaceEndpoint, InterfaceEndpointArgs, PrivateEndpoint } from "../sdk/index";
import { AwsMocks, TOPOLOGY as T, valueOf } from "./mocks";

const SG = "aws:ec2/securityGroup:SecurityGroup";
const ENDPOINT = "aws:ec2/vpcEndpoint:VpcEndpoint";
const CONNECTION = "aws:cloudcontrol/resource:Resource";
const URN = (type: string, name: string) => `urn:pulumi:stack::project::${type}::${name}`;
const base: InterfaceEndpointArgs = { vpcId: T.vpcId, subnetIds: [T.subnetA, T.subnetB] };
const HTTPS = { protocol: "tcp", fromPort: 443, toPort: 443 };
/** A security group of the main VPC, standing for the clients' group. */
const CLIENTS = T.existingSecurityGroupId;

async function outputsOf(e: InterfaceEndpoint) {
    const [vpcEndpointId, securityGroupId, vpcId] = await Promise.all([
        valueOf(e.vpcEndpointId),
        valueOf(e.securityGroupId),
        valueOf(e.vpcId),
    ]);
    return { vpcEndpointId, securityGroupId, vpcId };
}

function refusedNow(args: Partial<InterfaceEndpointArgs>, message: string) {
    const mocks = new AwsMocks().install();
    assert.throws(
        () => new InterfaceEndpoint("shared", args as InterfaceEndpointArgs),
        (e: any) => {
            assert.ok(pulumi.ResourceError.isInstance(e));
            assert.equal(e.message, message);
            return true;
        },
    );
    return mocks.settle().then(() => assert.deepEqual(mocks.custom(), [], "no child registered"));
}

async function refusedLater(mocks: AwsMocks, output: pulumi.Output<unknown>, message: string) {
    await assert.rejects(valueOf(output), (e: any) => {
        assert.equal(e.message.replace(/^(error serializing property "[^"]+": )+/, ""), message);
        return true;
    });
    await mocks.settle();
    assert.deepEqual(
        mocks.custom().filter((r) => [SG, ENDPOINT].includes(r.type)),
        [],
        "no security group or endpoint",
    );
}

describe("InterfaceEndpoint", () => {
    describe("a shared endpoint for N services", () => {
        let mocks: AwsMocks;
        let shared: InterfaceEndpoint;
        let outputs: Awaited<ReturnType<typeof outputsOf>>;
        const services = Array.from({ length: 5 }, (_, i) => `svc${i}`);
        before(async () => {
            mocks = new AwsMocks().install();
            for (const s of services)
                mocks.addService(`arn:aws:apprunner:us-east-1:123456789012:service/${s}/${"0".repeat(31)}${s.slice(-1)}`);
            shared = new InterfaceEndpoint("shared", base);
            const connected = services.map(
                (s) =>
                    new PrivateEndpoint(s, {
                        serviceArn: `arn:aws:apprunner:us-east-1:123456789012:service/${s}/${"0".repeat(31)}${s.slice(-1)}`,
                        vpcId: shared.vpcId,
                        vpcEndpointId: shared.vpcEndpointId,
                    }),
            );
            outputs = await outputsOf(shared);
            await Promise.all(connected.map((c) => valueOf(c.url)));
        });

        it("registers one security group and one endpoint, named from it and parented to it, and a connection per service", () => {
            assert.deepEqual(
                mocks
                    .custom()
                    .map((r) => `${r.type}::${r.name}::${r.parent.split("::").pop()}`)
                    .sort(),
                [
                    `${SG}::shared-endpoint-sg::shared`,
                    `${ENDPOINT}::shared-endpoint::shared`,
                    ...services.map((s) => `${CONNECTION}::${s}-connection::${s}`),
                ].sort(),
            );
            assert.equal(mocks.byName("shared-endpoint").parent, URN("apprunner-private:index:InterfaceEndpoint", "shared"));
        });

        it(
            "creates the endpoint PrivateEndpoint would: Interface, apprunner.requests of the " +
                "provider's region, no private DNS, its group",
            () => {
                assert.deepEqual(mocks.byName("shared-endpoint").inputs, {
                    vpcId: T.vpcId,
                    serviceName: "com.amazonaws.us-east-1.apprunner.requests",
                    vpcEndpointType: "Interface",
                    subnetIds: [T.subnetA, T.subnetB],
                    securityGroupIds: [outputs.securityGroupId],
                    privateDnsEnabled: false,
                    ipAddressType: "ipv4",
                });
                assert.deepEqual(mocks.byName("shared-endpoint-sg").inputs, {
                    vpcId: T.vpcId,
                    description: "HTTPS to the App Runner interface endpoint",
                    ingress: [{ description: "HTTPS from the allowed CIDR blocks", ...HTTPS, cidrBlocks: T.vpcCidrBlocks }],
                    egress: [],
                });
            },
        );

        it("outputs the endpoint's id, its security group's and the VPC's, in AWS's formats", () => {
            assert.match(outputs.vpcEndpointId!, /^vpce-[0-9a-f]{17}$/);
            assert.match(outputs.securityGroupId!, /^sg-[0-9a-f]{17}$/);
            assert.equal(outputs.vpcId, T.vpcId);
        });

        it("looks the region, the account and the VPC up once, and each subnet once, whatever the number of services", () => {
            const count = (token: string) => mocks.invokesOf(token).length;
            assert.deepEqual(
                [
                    count("aws:index/getRegion:getRegion"),
                    count("aws:index/getCallerIdentity:getCallerIdentity"),
                    count("aws:ec2/getVpc:getVpc"),
                    count("aws:ec2/getSubnet:getSubnet"),
                ],
                [1, 1, 1, 2],
            );
        });
    });

    it("in a preview: the endpoint's id unknown, nothing guessed, nothing crashes", async () => {
        const mocks = new AwsMocks({ preview: true }).install();
        const shared = new InterfaceEndpoint("shared", base);
        assert.deepEqual(await outputsOf(shared), { vpcEndpointId: undefined, securityGroupId: undefined, vpcId: T.vpcId });
        await mocks.settle();
        assert.deepEqual(
            mocks
                .custom()
                .map((r) => r.name)
                .sort(),
            ["shared-endpoint", "shared-endpoint-sg"],
        );
    });

    describe("access from client security groups (allowedSecurityGroupIds)", () => {
        it("admits TCP 443 from the groups only, when no CIDR block is given", async () => {
            const mocks = new AwsMocks().install();
            await outputsOf(new InterfaceEndpoint("shared", { ...base, allowedSecurityGroupIds: [CLIENTS] }));
            assert.deepEqual(mocks.byName("shared-endpoint-sg").inputs.ingress, [
                { description: "HTTPS from the allowed security groups", ...HTTPS, securityGroups: [CLIENTS] },
            ]);
            assert.deepEqual(mocks.invokesOf("aws:ec2/getVpc:getVpc"), [], "the VPC's blocks are not needed");
            assert.deepEqual(
                mocks.invokesOf("aws:ec2/getSecurityGroup:getSecurityGroup").map((i) => i.inputs),
                [{ id: CLIENTS }],
            );
        });

        it("admits the union of the CIDR blocks and the groups", async () => {
            const mocks = new AwsMocks().install();
            await outputsOf(
                new InterfaceEndpoint("shared", { ...base, allowedCidrBlocks: ["10.0.0.0/24"], allowedSecurityGroupIds: [CLIENTS] }),
            );
            assert.deepEqual(mocks.byName("shared-endpoint-sg").inputs.ingress, [
                { description: "HTTPS from the allowed CIDR blocks", ...HTTPS, cidrBlocks: ["10.0.0.0/24"] },
                { description: "HTTPS from the allowed security groups", ...HTTPS, securityGroups: [CLIENTS] },
            ]);
        });

        it("on PrivateEndpoint too", async () => {
            const mocks = new AwsMocks().install();
            await valueOf(new PrivateEndpoint("api", { serviceArn: T.apiServiceArn, ...base, allowedSecurityGroupIds: [CLIENTS] }).url);
            assert.deepEqual(mocks.byName("api-endpoint-sg").inputs.ingress, [
                { description: "HTTPS from the allowed security groups", ...HTTPS, securityGroups: [CLIENTS] },
            ]);
        });

        it("refuses a group of another VPC, once looked up, creating nothing", async () => {
            const mocks = new AwsMocks().install();
            const shared = new InterfaceEndpoint("shared", {
                vpcId: T.otherVpcId,
                subnetIds: [T.otherSubnet],
                allowedSecurityGroupIds: [T.existingSecurityGroupId],
            });
            await refusedLater(
                mocks,
                shared.vpcEndpointId,
                `\`allowedSecurityGroupIds\` must be security groups of \`vpcId\` (${T.otherVpcId}), got: ${T.existingSecurityGroupId} ` +
                    `in ${T.vpcId}. ` +
                    `Use your clients' security groups in ${T.otherVpcId}, or \`allowedCidrBlocks\` for clients elsewhere.`,
            );
        });

        it("refuses a group the provider cannot see, creating nothing", async () => {
            const mocks = new AwsMocks().install();
            const missing = "sg-0123456789abcdef0";
            const pe = new PrivateEndpoint("api", { serviceArn: T.apiServiceArn, ...base, allowedSecurityGroupIds: [missing] });
            await refusedLater(
                mocks,
                pe.vpcEndpointId,
                `\`allowedSecurityGroupIds[0]\` must be a security group the AWS provider can see in the ` +
                    `provider's region, got: "${missing}" ` +
                    "(lookup failed: no matching EC2 Security Group found). Check the id and the provider's region and account.",
            );
        });
    });

    describe("refuses bad input before anything is registered, with PrivateEndpoint's messages", () => {
        const cases: [string, Partial<InterfaceEndpointArgs>, string][] = [
            [
                "a missing subnetIds",
                { vpcId: T.vpcId },
                "`subnetIds` is required, got: undefined. List one subnet in each Availability Zone the " +
                    "endpoint should serve (two or more advised).",
            ],
            [
                "a missing vpcId",
                { subnetIds: [T.subnetA, T.subnetB] },
                "`vpcId` is required, got: undefined. Pass the id of the VPC the endpoint is in, e.g. `vpc.id`.",
            ],
            [
                "securityGroupIds with allowedSecurityGroupIds",
                { ...base, securityGroupIds: [T.existingSecurityGroupId], allowedSecurityGroupIds: [CLIENTS] },
                "Only one of `securityGroupIds` or `allowedSecurityGroupIds` can be provided. " +
                    "`allowedSecurityGroupIds` configures the security group the component creates when " +
                    "`securityGroupIds` is omitted; add the rules to your own groups instead.",
            ],
            [
                "a malformed allowedSecurityGroupIds",
                { ...base, allowedSecurityGroupIds: ["web-clients"] },
                "`allowedSecurityGroupIds[0]` must be a security group id (sg- and 8 or 17 hexadecimal " +
                    'characters), got: "web-clients". Pass security group ids, e.g. `securityGroup.id`, not ' +
                    "names.",
            ],
            [
                "an empty allowedSecurityGroupIds",
                { ...base, allowedSecurityGroupIds: [] },
                "`allowedSecurityGroupIds` must list at least one id, got: []. Omit it to allow the VPC's own CIDR blocks.",
            ],
            [
                "::/0",
                { ...base, ipAddressType: "dualstack", allowedCidrBlocks: ["::/0"] },
                "`allowedCidrBlocks[0]` must not be ::/0 (it admits every address that can route into the " +
                    'VPC, peered VPCs and VPN or Direct Connect sites included), got: "::/0". List your ' +
                    "clients' CIDR blocks, or omit `allowedCidrBlocks` to allow the VPC's.",
            ],
            [
                "adoptFrom known only later",
                { ...base, adoptFrom: pulumi.output("api") },
                "`adoptFrom` must be the name of a PrivateEndpoint, known when the program runs, got: a " +
                    'value known only later. Pass the name as a plain string, e.g. "api".',
            ],
        ];
        for (const [what, args, message] of cases) it(what, () => refusedNow(args, message));

        it("two subnets in one Availability Zone, once looked up: PrivateEndpoint's message, nothing created", async () => {
            const mocks = new AwsMocks().install();
            const shared = new InterfaceEndpoint("shared", { ...base, subnetIds: [T.subnetA, T.subnetA2] });
            await refusedLater(
                mocks,
                shared.vpcEndpointId,
                `\`subnetIds\` must have at most one subnet per Availability Zone (an interface endpoint ` +
                    `takes one subnet per zone), got: ${T.subnetA} and ${T.subnetA2} in us-east-1a. Keep one ` +
                    `subnet per zone.`,
            );
        });
    });

    it("adoptFrom: takes over a PrivateEndpoint's endpoint and security group by aliases (their old names under it)", async () => {
        const mocks = new AwsMocks().install();
        await outputsOf(new InterfaceEndpoint("shared", { ...base, adoptFrom: "api" }));
        const parent = URN("apprunner-private:index:PrivateEndpoint", "api");
        assert.deepEqual(mocks.byName("shared-endpoint").aliases, [`api-endpoint under ${parent}`]);
        assert.deepEqual(mocks.byName("shared-endpoint-sg").aliases, [`api-endpoint-sg under ${parent}`]);
        assert.deepEqual(mocks.byName("shared-endpoint").parent, URN("apprunner-private:index:InterfaceEndpoint", "shared"));
    });
});
