// The edges of the components' refusals: a component refused for its arguments asks AWS nothing (no invoke at all,
// not even the region), and every fix a refusal suggests names arguments the refused component has.
import * as pulumi from "@pulumi/pulumi";
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { INTERFACE_ENDPOINT_TYPE, PRIVATE_ENDPOINT_TYPE } from "../sdk/aws";
import { InterfaceEndpoint, InterfaceEndpointArgs, PrivateEndpoint, PrivateEndpointArgs } from "../sdk/index";
import { ServiceName, addNetworkInterface } from "../plan/aws";
import { createEndpoint } from "../plan/standin/changes";
import { AwsMocks, TOPOLOGY as T, valueOf } from "./mocks";
import { refusedLater } from "./refusals";
import { ROOT } from "./schema";

type Component = "PrivateEndpoint" | "InterfaceEndpoint";
const SCHEMA = JSON.parse(fs.readFileSync(path.join(ROOT, "provider", "schema.json"), "utf8"));
const INPUTS: Record<Component, string[]> = {
    PrivateEndpoint: Object.keys(SCHEMA.resources[PRIVATE_ENDPOINT_TYPE].inputProperties),
    InterfaceEndpoint: Object.keys(SCHEMA.resources[INTERFACE_ENDPOINT_TYPE].inputProperties),
};
const ANY_INPUT = new Set([...INPUTS.PrivateEndpoint, ...INPUTS.InterfaceEndpoint]);

const PE: PrivateEndpointArgs = { serviceArn: T.apiServiceArn, vpcId: T.vpcId, subnetIds: [T.subnetA, T.subnetB] };
const IE: InterfaceEndpointArgs = { vpcId: T.vpcId, subnetIds: [T.subnetA, T.subnetB] };
const later = <V>(v: V) => pulumi.output(Promise.resolve(v));

/** The refusal of a component built with these arguments: thrown now, or its output rejected later. */
async function refusalOf(component: Component, args: object): Promise<string> {
    try {
        const c =
            component === "PrivateEndpoint"
                ? new PrivateEndpoint("api", args as PrivateEndpointArgs)
                : new InterfaceEndpoint("shared", args as InterfaceEndpointArgs);
        await valueOf(c.vpcEndpointId);
    } catch (e) {
        return String((e as Error).message).replace(/^(error serializing property "[^"]+": )+/, "");
    }
    throw new Error(`${component} accepted ${JSON.stringify(args)}`);
}

/** Bad arguments for each component, one validator each (every rule that can refuse before a lookup answers). */
const BAD: [Component, string, object][] = [
    ["PrivateEndpoint", "no endpoint", { serviceArn: T.apiServiceArn, vpcId: T.vpcId }],
    ["PrivateEndpoint", "both endpoints", { ...PE, vpcEndpointId: T.existingEndpointId }],
    ["PrivateEndpoint", "empty subnets", { ...PE, subnetIds: [] }],
    ["PrivateEndpoint", "a bad subnet id", { ...PE, subnetIds: ["subnet-x"] }],
    ["PrivateEndpoint", "empty securityGroupIds", { ...PE, securityGroupIds: [] }],
    ["PrivateEndpoint", "empty allowedSecurityGroupIds", { ...PE, allowedSecurityGroupIds: [] }],
    [
        "PrivateEndpoint",
        "empty allowedSecurityGroupIds with blocks",
        { ...PE, allowedSecurityGroupIds: [], allowedCidrBlocks: ["10.0.0.0/16"] },
    ],
    ["PrivateEndpoint", "empty allowedCidrBlocks", { ...PE, allowedCidrBlocks: [] }],
    [
        "PrivateEndpoint",
        "empty allowedCidrBlocks with groups",
        { ...PE, allowedCidrBlocks: [], allowedSecurityGroupIds: [T.existingSecurityGroupId] },
    ],
    ["PrivateEndpoint", "a world-open block", { ...PE, allowedCidrBlocks: ["0.0.0.0/0"] }],
    ["PrivateEndpoint", "an IPv6 block on IPv4", { ...PE, allowedCidrBlocks: ["2600:1f18::/56"] }],
    [
        "PrivateEndpoint",
        "groups and allowed blocks",
        { ...PE, securityGroupIds: [T.existingSecurityGroupId], allowedCidrBlocks: ["10.0.0.0/16"] },
    ],
    ["PrivateEndpoint", "a bad ipAddressType", { ...PE, ipAddressType: "ipv6" }],
    [
        "PrivateEndpoint",
        "vpcEndpointId with ipAddressType",
        { serviceArn: T.apiServiceArn, vpcId: T.vpcId, vpcEndpointId: T.existingEndpointId, ipAddressType: "dualstack" },
    ],
    ["PrivateEndpoint", "a bad serviceArn", { ...PE, serviceArn: "api" }],
    ["PrivateEndpoint", "a bad vpcId", { ...PE, vpcId: "vpc" }],
    ["PrivateEndpoint", "a bad connectionName", { ...PE, connectionName: "a" }],
    ["PrivateEndpoint", "a bad tag", { ...PE, tags: { "aws:x": "y" } }],
    [
        "PrivateEndpoint",
        "adoptSecurityGroupId with securityGroupIds",
        { ...PE, adoptSecurityGroupId: T.existingSecurityGroupId, securityGroupIds: [T.existingSecurityGroupId] },
    ],
    [
        "PrivateEndpoint",
        "adoption with vpcEndpointId",
        { serviceArn: T.apiServiceArn, vpcId: T.vpcId, vpcEndpointId: T.existingEndpointId, adoptVpcEndpointId: T.existingEndpointId },
    ],
    ["PrivateEndpoint", "a bad adoptConnectionArn", { ...PE, adoptConnectionArn: "arn" }],
    ["PrivateEndpoint", "a later bad serviceArn", { ...PE, serviceArn: later("api") }],
    ["PrivateEndpoint", "later empty subnets", { ...PE, subnetIds: later([]) }],
    ["InterfaceEndpoint", "no subnets", { vpcId: T.vpcId }],
    ["InterfaceEndpoint", "empty subnets", { ...IE, subnetIds: [] }],
    ["InterfaceEndpoint", "a bad subnet id", { ...IE, subnetIds: ["subnet-x"] }],
    ["InterfaceEndpoint", "empty securityGroupIds", { ...IE, securityGroupIds: [] }],
    ["InterfaceEndpoint", "empty allowedSecurityGroupIds", { ...IE, allowedSecurityGroupIds: [] }],
    [
        "InterfaceEndpoint",
        "empty allowedCidrBlocks with groups",
        { ...IE, allowedCidrBlocks: [], allowedSecurityGroupIds: [T.existingSecurityGroupId] },
    ],
    ["InterfaceEndpoint", "an IPv6 block on IPv4", { ...IE, allowedCidrBlocks: ["2600:1f18::/56"] }],
    ["InterfaceEndpoint", "a bad ipAddressType", { ...IE, ipAddressType: "ipv6" }],
    ["InterfaceEndpoint", "a bad vpcId", { ...IE, vpcId: "vpc" }],
    ["InterfaceEndpoint", "a bad tag", { ...IE, tags: { "aws:x": "y" } }],
    [
        "InterfaceEndpoint",
        "adoptSecurityGroupId with securityGroupIds",
        { ...IE, adoptSecurityGroupId: T.existingSecurityGroupId, securityGroupIds: [T.existingSecurityGroupId] },
    ],
    ["InterfaceEndpoint", "adoptFrom with an adoption", { ...IE, adoptFrom: "api", adoptVpcEndpointId: T.existingEndpointId }],
    ["InterfaceEndpoint", "later empty subnets", { ...IE, subnetIds: later([]) }],
];

describe("refused components", () => {
    for (const [component, what, args] of BAD) {
        describe(`${component}: ${what}`, () => {
            let message = "";
            let invokes: string[] = [];
            before(async () => {
                const mocks = new AwsMocks().install();
                message = await refusalOf(component, args);
                await mocks.settle();
                invokes = mocks.invokes.map((i) => i.token);
            });

            it("asks AWS nothing: no invoke at all", () => {
                assert.deepEqual(invokes, [], message);
            });

            it("names only arguments the component has in its fix", () => {
                // An argument of either component, in backticks; "an InterfaceEndpoint's `x`" names the other's output on purpose.
                const named = [...message.matchAll(/(PrivateEndpoint's |InterfaceEndpoint's )?`([A-Za-z]+)`/g)]
                    .filter((m) => !m[1] && ANY_INPUT.has(m[2]))
                    .map((m) => m[2]);
                assert.deepEqual(
                    named.filter((n) => !INPUTS[component].includes(n)),
                    [],
                    message,
                );
            });
        });
    }

    it("an argument known later: the region and every lookup wait until it has passed", async () => {
        const mocks = new AwsMocks().install();
        const pe = new PrivateEndpoint("api", { ...PE, vpcId: later("not-a-vpc") });
        await assert.rejects(valueOf(pe.url));
        await mocks.settle();
        assert.deepEqual(mocks.invokes, []);
    });
});

describe("AWS's edges the components meet", () => {
    const call = (mocks: AwsMocks) => (service: ServiceName, action: string, params: Record<string, any>) =>
        mocks.aws.call(service, action, params, "us-east-1");

    it("an adopted dual-stack endpoint without ipAddressType stays dual-stack: the new group admits the VPC's IPv6 block too", async () => {
        const mocks = new AwsMocks().install();
        const made = createEndpoint(call(mocks), "us-east-1", T.dualVpcId, [T.dualSubnetA, T.dualSubnetB], { ipAddressType: "dualstack" });
        const pe = new PrivateEndpoint("api", {
            serviceArn: T.apiServiceArn,
            vpcId: T.dualVpcId,
            subnetIds: [T.dualSubnetA, T.dualSubnetB],
            adoptVpcEndpointId: made.vpcEndpointId,
        });
        await valueOf(pe.url);
        assert.deepEqual(mocks.byName("api-endpoint-sg").inputs.ingress, [
            {
                description: "HTTPS from the allowed CIDR blocks",
                protocol: "tcp",
                fromPort: 443,
                toPort: 443,
                cidrBlocks: ["10.30.0.0/16"],
                ipv6CidrBlocks: [T.dualVpcIpv6CidrBlock],
            },
        ]);
        // The endpoint's own type is left out: computed, so it stays as AWS has it.
        assert.equal(mocks.byName("api-endpoint").inputs.ipAddressType, undefined);
    });

    it("an adopted IPv4 endpoint without ipAddressType refuses IPv6 allowedCidrBlocks once its type is known", async () => {
        const mocks = new AwsMocks().install();
        const made = createEndpoint(call(mocks), "us-east-1", T.dualVpcId, [T.dualSubnetA, T.dualSubnetB]);
        const pe = new PrivateEndpoint("api", {
            serviceArn: T.apiServiceArn,
            vpcId: T.dualVpcId,
            subnetIds: [T.dualSubnetA, T.dualSubnetB],
            adoptVpcEndpointId: made.vpcEndpointId,
            allowedCidrBlocks: [T.dualVpcIpv6CidrBlock],
        });
        await refusedLater(
            mocks,
            pe.url,
            `\`allowedCidrBlocks[0]\` is an IPv6 block, which an IPv4 endpoint cannot be reached from, got: "${T.dualVpcIpv6CidrBlock}". ` +
                'Set `ipAddressType` to "dualstack", or remove the IPv6 block.',
        );
    });

    it(
        "an adopted security group other interfaces use is refused, naming them, unless " + "adoptSharedSecurityGroup says to take it over",
        async () => {
            const adopting = (mocks: AwsMocks, shared?: boolean) => {
                const made = createEndpoint(call(mocks), "us-east-1", T.vpcId, [T.subnetA, T.subnetB]);
                const instance = addNetworkInterface(mocks.aws.account, "us-east-1", {
                    SubnetId: T.subnetC,
                    GroupIds: [made.securityGroupId],
                    Description: "an instance",
                });
                const pe = new PrivateEndpoint("api", {
                    ...PE,
                    adoptVpcEndpointId: made.vpcEndpointId,
                    adoptSecurityGroupId: made.securityGroupId,
                    ...(shared === undefined ? {} : { adoptSharedSecurityGroup: shared }),
                });
                return { made, instance: instance.NetworkInterfaceId, pe };
            };
            const refused = new AwsMocks().install();
            const { made, instance, pe } = adopting(refused);
            await refusedLater(
                refused,
                pe.url,
                `\`adoptSecurityGroupId\` must be a security group only the adopted endpoint uses, got: ` +
                    `${made.securityGroupId}, which network interface ` +
                    `${instance} uses too. Adopted, its rules become the component's and \`pulumi destroy\` ` +
                    `deletes it. Pass it in \`securityGroupIds\` to ` +
                    "keep using it without managing it, or set `adoptSharedSecurityGroup: true` to take it over anyway.",
            );
            const taken = new AwsMocks().install();
            await valueOf(adopting(taken, true).pe.url);
            assert.equal(taken.byName("api-endpoint-sg").importId, taken.aws.account.state.securityGroups.at(-1)!.GroupId);
        },
    );

    it("adoptSharedSecurityGroup only beside adoptSecurityGroupId, and as a plain boolean", async () => {
        new AwsMocks().install();
        assert.equal(
            await refusalOf("PrivateEndpoint", { ...PE, adoptSharedSecurityGroup: true }),
            "`adoptSharedSecurityGroup` applies only with `adoptSecurityGroupId`, got: true without it. " +
                "Remove it, or adopt the group with `adoptSecurityGroupId`.",
        );
        assert.equal(
            await refusalOf("InterfaceEndpoint", {
                ...IE,
                adoptSecurityGroupId: T.existingSecurityGroupId,
                adoptSharedSecurityGroup: "yes",
            }),
            '`adoptSharedSecurityGroup` must be a plain boolean known when the program runs, got: "yes". Pass true or false.',
        );
    });

    it("a subnet in a zone App Runner's endpoint service is not offered in is refused before anything is created", async () => {
        const mocks = new AwsMocks().install();
        mocks.aws.account.state.endpointServiceZones = { "com.amazonaws.us-east-1.apprunner.requests": ["us-east-1a", "us-east-1c"] };
        const pe = new PrivateEndpoint("api", PE);
        await refusedLater(
            mocks,
            pe.url,
            "`subnetIds` must be in Availability Zones where com.amazonaws.us-east-1.apprunner.requests " +
                "is offered (us-east-1a, us-east-1c), " +
                `got: ${T.subnetB} in us-east-1b. Use a subnet of the VPC in one of those zones.`,
        );
    });

    it("an account App Runner does not serve: one error on the component, saying what it means and what to check", async () => {
        const mocks = new AwsMocks().install();
        mocks.aws.account.state.appRunnerSubscription = false;
        const pe = new PrivateEndpoint("api", PE);
        await refusedLater(
            mocks,
            pe.url,
            "The AWS account cannot use App Runner in us-east-1: AWS answers its App Runner calls with SubscriptionRequiredException " +
                '("The AWS Access Key Id needs a subscription for the service"). App Runner is closed to ' +
                "new customers since 30 April 2026, and " +
                "existing customers keep access: check that the AWS provider uses the credentials of the " +
                "account your App Runner services are " +
                "in, and its region. AWS points new users to Amazon ECS Express Mode.",
        );
    });
});
