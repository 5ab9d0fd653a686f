// One corpus of good and bad inputs, judged twice: by the component's validators, and by AWS as the model has it (with
// the AWS provider's Check in front where the provider checks before AWS is asked). The two are written apart (the
// model imports nothing from the component), so where they disagree one of them is wrong, and the test shows both
// answers. Where the component refuses on purpose what AWS accepts, the case says why.
import * as assert from "node:assert/strict";
import { Aws, AwsError, NetworkError, TOPOLOGY as T, startingAccount } from "../plan/aws";
import { AwsProvider } from "../plan/provider";
import { IpAddressType } from "../sdk/aws";
import {
    validateCidrBlocks,
    validateConnectionName,
    validateEc2Id,
    validateIpAddressType,
    validateSecurityGroupPlacement,
    validateServiceArn,
    validateSubnetPlacement,
    validateTags,
} from "../sdk/validation";

interface Case {
    what: string;
    /** The component's problems (none: it accepts). */
    component: () => string[];
    /** AWS's refusal (undefined: it accepts). */
    aws: () => string | undefined;
    /** Set when the component refuses, on purpose, what AWS accepts: why. */
    byDesign?: string;
}

const REGION = "us-east-1";
const fresh = () => new Aws(startingAccount(), { now: () => 0, scale: () => 0 });
/** What AWS answers a call with: undefined when it accepts, its refusal otherwise. */
function awsSays(run: (aws: Aws) => unknown): string | undefined {
    try {
        run(fresh());
        return undefined;
    } catch (e) {
        if (e instanceof AwsError) return `${e.code}: ${e.message}`;
        if (e instanceof NetworkError) return e.message;
        throw e;
    }
}
/** The AWS provider's Check of a resource's inputs, then AWS: the first refusal. */
function providerSays(token: string, inputs: Record<string, unknown>, run: (aws: Aws) => unknown): string | undefined {
    const provider = new AwsProvider(
        () => {
            throw new Error("Check asks AWS nothing");
        },
        () => "0000000",
    );
    const { failures } = provider.check(token, "corpus", inputs);
    return failures.length ? failures.join("; ") : awsSays(run);
}

const connect =
    (over: Record<string, unknown>, region = REGION) =>
    (aws: Aws) =>
        aws.call(
            "apprunner",
            "CreateVpcIngressConnection",
            {
                ServiceArn: T.adminServiceArn,
                VpcIngressConnectionName: "corpus",
                IngressVpcConfiguration: { VpcId: T.vpcId, VpcEndpointId: T.existingEndpointId },
                ...over,
            },
            region,
        );

const connectionNames: Case[] = [
    "abcd",
    "a".repeat(40),
    "ab_cd-ef",
    "9lives",
    "abc",
    "a".repeat(41),
    "-abc",
    "_abc",
    "has space",
    "ünïcode",
    "",
].map((name) => ({
    what: `connectionName ${JSON.stringify(name)}`,
    component: () => validateConnectionName(name),
    aws: () => awsSays(connect({ VpcIngressConnectionName: name })),
}));

const tagSets: [string, Record<string, string>][] = [
    ["one tag", { team: "payments" }],
    ["an empty value", { team: "" }],
    ["a 128-character key", { ["k".repeat(128)]: "v" }],
    ["a 256-character value", { k: "v".repeat(256) }],
    ["50 tags", Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, "v"]))],
    ["an aws: key", { "aws:team": "x" }],
    ["an AWS: key", { "AWS:team": "x" }],
    ["a 129-character key", { ["k".repeat(129)]: "v" }],
    ["a 257-character value", { k: "v".repeat(257) }],
    ["51 tags", Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, "v"]))],
    ["an empty key", { "": "v" }],
];
const tags: Case[] = tagSets.map(([what, set]) => ({
    what: `tags: ${what}`,
    component: () => validateTags(set),
    // The component tags EC2 resources and App Runner connections alike: both must take them.
    aws: () =>
        awsSays((aws) => {
            const list = Object.entries(set).map(([Key, Value]) => ({ Key, Value }));
            aws.call("ec2", "CreateTags", { Resources: [T.existingSecurityGroupId], Tags: list }, REGION);
            aws.call("apprunner", "TagResource", { ResourceArn: T.adminServiceArn, Tags: list }, REGION);
        }),
}));

const serviceArns: Case[] = [
    T.adminServiceArn,
    T.adminServiceArn.replace(/\/[0-9a-f]{32}$/, ""),
    "not-an-arn",
    "abcdefghij.us-east-1.awsapprunner.com",
    T.adminServiceArn.replace("us-east-1", "sa-east-1"),
    "arn:aws:ecs:us-east-1:123456789012:service/admin-service/2f51c1c47a41253e5d64abc5416f119f",
].map((arn) => ({
    what: `serviceArn ${arn}`,
    component: () => validateServiceArn(arn),
    aws: () => awsSays(connect({ ServiceArn: arn }, arn.split(":")[3] || REGION)),
}));

const ids: Case[] = [
    ...[T.vpcId, "vpc-12345", "VPC-1234abcd", "my-vpc"].map((id) => ({
        what: `vpcId ${id}`,
        component: () => validateEc2Id("vpcId", "vpc", id),
        aws: () => awsSays((aws) => aws.call("ec2", "DescribeVpcs", { VpcIds: [id] }, REGION)),
    })),
    ...[T.subnetA, "subnet-abc", "10.0.0.0/24"].map((id) => ({
        what: `subnetIds [${id}]`,
        component: () => validateEc2Id("subnetIds[0]", "subnet", id),
        aws: () => awsSays((aws) => aws.call("ec2", "DescribeSubnets", { SubnetIds: [id] }, REGION)),
    })),
    ...[T.existingEndpointId, "vpce-xyz", "endpoint"].map((id) => ({
        what: `vpcEndpointId ${id}`,
        component: () => validateEc2Id("vpcEndpointId", "vpcEndpoint", id),
        aws: () => awsSays((aws) => aws.call("ec2", "DescribeVpcEndpoints", { VpcEndpointIds: [id] }, REGION)),
    })),
];

const endpoint = (vpcId: string, subnetIds: string[], ipAddressType: string) => (aws: Aws) =>
    aws.call(
        "ec2",
        "CreateVpcEndpoint",
        {
            VpcEndpointType: "Interface",
            VpcId: vpcId,
            ServiceName: `com.amazonaws.${REGION}.apprunner.requests`,
            SubnetIds: subnetIds,
            IpAddressType: ipAddressType,
        },
        REGION,
    );

const placements: Case[] = (
    [
        ["two zones", T.vpcId, [T.subnetA, T.subnetB], "ipv4"],
        ["one zone", T.vpcId, [T.subnetA], "ipv4"],
        ["two subnets in one zone", T.vpcId, [T.subnetA, T.subnetA2], "ipv4"],
        ["a subnet of another VPC", T.vpcId, [T.subnetA, T.otherSubnet], "ipv4"],
        ["dual-stack, IPv6 subnets", T.dualVpcId, [T.dualSubnetA, T.dualSubnetB], "dualstack"],
        ["dual-stack, an IPv4-only subnet", T.dualVpcId, [T.dualSubnetA, T.dualSubnetV4Only], "dualstack"],
    ] as const
).map(([what, vpcId, subnetIds, type]) => ({
    what: `subnetIds: ${what}`,
    component: () => {
        // The component judges what its subnet lookups return: here, what AWS describes.
        const { Subnets } = fresh().call("ec2", "DescribeSubnets", { SubnetIds: [...subnetIds] }, REGION);
        const facts = subnetIds
            .map((id) => Subnets.find((s: any) => s.SubnetId === id))
            .map((s: any) => ({
                id: s.SubnetId,
                vpcId: s.VpcId,
                availabilityZone: s.AvailabilityZone,
                ipv6CidrBlock: s.Ipv6CidrBlockAssociationSet[0]?.Ipv6CidrBlock ?? "",
                ownerId: s.OwnerId,
            }));
        return validateSubnetPlacement(vpcId, facts, { ipAddressType: type as IpAddressType }).errors;
    },
    aws: () => awsSays(endpoint(vpcId, [...subnetIds], type)),
}));

const ipAddressTypes: Case[] = ["ipv4", "dualstack", "ipv6", "IPV4", ""].map((type) => ({
    what: `ipAddressType ${JSON.stringify(type)}`,
    component: () => validateIpAddressType(type),
    aws: () => awsSays(endpoint(T.dualVpcId, [T.dualSubnetA, T.dualSubnetB], type)),
}));

/** A security group that admits TCP 443 from a block, through the provider's Check and AWS. */
const admitting = (block: string) => {
    const v6 = block.includes(":");
    return providerSays(
        "aws:ec2/securityGroup:SecurityGroup",
        { vpcId: T.vpcId, ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, [v6 ? "ipv6CidrBlocks" : "cidrBlocks"]: [block] }] },
        (aws) => {
            const { GroupId } = aws.call(
                "ec2",
                "CreateSecurityGroup",
                { VpcId: T.vpcId, GroupName: "corpus", Description: "corpus" },
                REGION,
            );
            aws.call(
                "ec2",
                "AuthorizeSecurityGroupIngress",
                {
                    GroupId,
                    IpPermissions: [
                        {
                            IpProtocol: "tcp",
                            FromPort: 443,
                            ToPort: 443,
                            ...(v6 ? { Ipv6Ranges: [{ CidrIpv6: block }] } : { IpRanges: [{ CidrIp: block }] }),
                        },
                    ],
                },
                REGION,
            );
        },
    );
};
const WORLD_OPEN =
    "a world-open source admits every network routed into the VPC (peered VPCs, VPN and Direct " +
    "Connect sites); the policy pack forbids it too";
const cidrBlocks: Case[] = [
    { block: "10.0.0.0/16" },
    { block: "10.0.0.1/16" },
    { block: "10.0.0.0/33" },
    { block: "not-a-cidr" },
    { block: "0.0.0.0/0", byDesign: WORLD_OPEN },
    { block: "::/0", byDesign: WORLD_OPEN },
    {
        block: "2600:1f18:abcd::/56",
        byDesign: "an IPv4 endpoint cannot be reached over IPv6: the block would admit nothing (dual-stack endpoints take it)",
    },
].map(({ block, byDesign }) => ({
    what: `allowedCidrBlocks [${block}] for an IPv4 endpoint`,
    component: () => validateCidrBlocks([block], IpAddressType.Ipv4),
    aws: () => admitting(block),
    byDesign,
}));

const allowedGroups: Case[] = [
    ["a group of the VPC", T.vpcId],
    ["a group of another VPC", T.otherVpcId],
].map(([what, groupVpc]) => ({
    what: `allowedSecurityGroupIds: ${what}`,
    component: () => validateSecurityGroupPlacement(T.vpcId, [{ id: "sg-0123456789abcdef0", vpcId: groupVpc }]),
    aws: () =>
        awsSays((aws) => {
            const client = aws.call(
                "ec2",
                "CreateSecurityGroup",
                { VpcId: groupVpc, GroupName: "clients", Description: "clients" },
                REGION,
            ).GroupId;
            const endpointGroup = aws.call(
                "ec2",
                "CreateSecurityGroup",
                { VpcId: T.vpcId, GroupName: "endpoint", Description: "endpoint" },
                REGION,
            ).GroupId;
            aws.call(
                "ec2",
                "AuthorizeSecurityGroupIngress",
                {
                    GroupId: endpointGroup,
                    IpPermissions: [{ IpProtocol: "tcp", FromPort: 443, ToPort: 443, UserIdGroupPairs: [{ GroupId: client }] }],
                },
                REGION,
            );
        }),
}));

describe("one corpus, two judges: the component's validators and AWS", () => {
    for (const c of [
        ...connectionNames,
        ...tags,
        ...serviceArns,
        ...ids,
        ...placements,
        ...ipAddressTypes,
        ...cidrBlocks,
        ...allowedGroups,
    ]) {
        it(c.what, () => {
            const component = c.component();
            const aws = c.aws();
            const answers =
                `component: ${component.length ? `refuses (${component.join(" | ")})` : "accepts"}\n` +
                `AWS: ${aws === undefined ? "accepts" : `refuses (${aws})`}`;
            if (c.byDesign) {
                assert.ok(
                    component.length > 0 && aws === undefined,
                    `expected the component to refuse what AWS accepts (${c.byDesign})\n${answers}`,
                );
            } else {
                assert.equal(component.length > 0, aws !== undefined, `the component and AWS disagree\n${answers}`);
            }
        });
    }
});
