// The edges of the components' refusals: a component refused for its arguments asks AWS nothing (no invoke at all,
// not even the region), and every fix a refusal suggests names arguments the refused component has.
import * as pulumi from "@pulumi/pulumi";
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { INTERFACE_ENDPOINT_TYPE, PRIVATE_ENDPOINT_TYPE } from "../sdk/aws";
import { InterfaceEndpoint, InterfaceEndpointArgs, PrivateEndpoint, PrivateEndpointArgs } from "../sdk/index";
import { AwsMocks, TOPOLOGY as T, valueOf } from "./mocks";
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
