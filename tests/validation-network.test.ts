// The validators of placement and addresses (pure functions, full messages): subnets, regions, the IP address type,
// CIDR blocks.
import * as assert from "node:assert/strict";
import { APP_RUNNER_REGIONS } from "../sdk/aws";
import { cidrContains, parseCidr } from "../sdk/cidr";
import {
    validateCidrBlocks,
    validateIpAddressType,
    validateProviderRegion,
    validateServiceRegion,
    validateSubnetPlacement,
} from "../sdk/validation";
import { ARN, REGIONS, table } from "./validation-fixtures";

describe("validation (pure functions, full messages)", () => {
    describe("validateSubnetPlacement", () => {
        const vpc = "vpc-0123456789abcdef0";
        const account = "123456789012";
        const s = (id: string, availabilityZone: string, more: { vpcId?: string; ipv6CidrBlock?: string; ownerId?: string } = {}) => ({
            id,
            vpcId: vpc,
            availabilityZone,
            ipv6CidrBlock: "",
            ownerId: account,
            ...more,
        });
        it("accepts one subnet in each of two zones", () => {
            assert.deepEqual(
                validateSubnetPlacement(vpc, [s("subnet-1", "us-east-1a"), s("subnet-2", "us-east-1b")], { accountId: account }),
                { errors: [], warnings: [] },
            );
        });
        it("refuses two subnets in one zone", () => {
            assert.deepEqual(
                validateSubnetPlacement(vpc, [s("subnet-1", "us-east-1a"), s("subnet-2", "us-east-1a"), s("subnet-3", "us-east-1b")]),
                {
                    errors: [
                        "`subnetIds` must have at most one subnet per Availability Zone (an interface endpoint " +
                            "takes one subnet per zone), got: subnet-1 and subnet-2 in us-east-1a. Keep one subnet per " +
                            "zone.",
                    ],
                    warnings: [],
                },
            );
        });
        it("refuses a subnet of another VPC", () => {
            assert.deepEqual(
                validateSubnetPlacement(vpc, [s("subnet-1", "us-east-1a"), s("subnet-9", "us-east-1b", { vpcId: "vpc-99999999" })]),
                {
                    errors: [
                        "`subnetIds` must be subnets of `vpcId` (vpc-0123456789abcdef0), got: subnet-9 in " +
                            "vpc-99999999. Use subnets of vpc-0123456789abcdef0, or set `vpcId` to the subnets' VPC.",
                    ],
                    warnings: [],
                },
            );
        });
        it("warns, without refusing, when the endpoint would be in one zone only", () => {
            assert.deepEqual(validateSubnetPlacement(vpc, [s("subnet-1", "us-east-1a")]), {
                errors: [],
                warnings: [
                    "`subnetIds` places the endpoint in one Availability Zone (us-east-1a): if that zone fails, " +
                        "every service behind the endpoint is unreachable. Add a subnet in a second Availability " +
                        "Zone (AWS advises two or more).",
                ],
            });
        });
        it("refuses, for a dual-stack endpoint, a subnet without an IPv6 block, and accepts IPv4-only subnets for IPv4", () => {
            const subnets = [s("subnet-1", "us-east-1a", { ipv6CidrBlock: "2600:1f18:abcd:1200::/64" }), s("subnet-2", "us-east-1b")];
            assert.deepEqual(validateSubnetPlacement(vpc, subnets, { ipAddressType: "dualstack" }), {
                errors: [
                    '`subnetIds` must all have an IPv6 CIDR block when `ipAddressType` is "dualstack", got: ' +
                        "subnet-2 without one. Associate an IPv6 CIDR block with the subnet (and its VPC), or set " +
                        '`ipAddressType` to "ipv4".',
                ],
                warnings: [],
            });
            assert.deepEqual(validateSubnetPlacement(vpc, subnets, { ipAddressType: "ipv4" }), { errors: [], warnings: [] });
        });
        it("warns when another account owns a subnet (shared through AWS RAM)", () => {
            assert.deepEqual(
                validateSubnetPlacement(vpc, [s("subnet-1", "us-east-1a"), s("subnet-2", "us-east-1b", { ownerId: "210987654321" })], {
                    accountId: account,
                }),
                {
                    errors: [],
                    warnings: [
                        "`subnetIds` includes subnet-2, owned by account 210987654321, not the deploying account " +
                            "123456789012: subnets shared through AWS RAM are reported not to work for App Runner " +
                            "private endpoints (aws/apprunner-roadmap#267). Use subnets your account owns.",
                    ],
                },
            );
        });
        it("names no id when the ids are secret", () => {
            assert.deepEqual(
                validateSubnetPlacement(vpc, [s("subnet-1", "us-east-1a"), s("subnet-2", "us-east-1a")], { secret: true }).errors,
                [
                    "`subnetIds` must have at most one subnet per Availability Zone (an interface endpoint " +
                        "takes one subnet per zone), got: [secret] and [secret] in us-east-1a. Keep one subnet per " +
                        "zone.",
                ],
            );
        });
    });

    describe("validateServiceRegion", () => {
        it("accepts the provider's region", () => assert.deepEqual(validateServiceRegion(ARN, "us-east-1"), []));
        it("refuses another region", () =>
            assert.deepEqual(validateServiceRegion(ARN, "eu-west-1"), [
                `\`serviceArn\` must be in the AWS provider's region (eu-west-1), got: "${ARN}" in ` +
                    `us-east-1. Give this component a provider for us-east-1 (the \`provider\` option), or ` +
                    `connect a service in eu-west-1.`,
            ]));
        it("refuses another region without telling a secret ARN's region", () =>
            assert.deepEqual(validateServiceRegion(ARN, "eu-west-1", true), [
                "`serviceArn` must be in the AWS provider's region (eu-west-1), got: [secret] in another " +
                    "region. Give this component a provider for the service's region (the `provider` option), " +
                    "or connect a service in eu-west-1.",
            ]));
    });

    describe("validateProviderRegion", () => {
        for (const region of APP_RUNNER_REGIONS) it(`accepts ${region}`, () => assert.deepEqual(validateProviderRegion(region), []));
        for (const region of ["sa-east-1", "us-gov-west-1", "cn-north-1", "ap-southeast-5"]) {
            it(`refuses ${region}`, () =>
                assert.deepEqual(validateProviderRegion(region), [
                    `The AWS provider's region must be one where App Runner exists (${REGIONS}), got: ` +
                        `${region}. Set \`aws:region\` to one of them, or give this component a provider for one ` +
                        `(the \`provider\` option).`,
                ]));
        }
        it("lists exactly the 11 regions", () => assert.equal(APP_RUNNER_REGIONS.length, 11));
    });

    describe("validateIpAddressType", () => {
        table(validateIpAddressType, [
            ["ipv4", []],
            ["dualstack", []],
            [
                "ipv6",
                [
                    '`ipAddressType` must be "ipv4" or "dualstack", got: "ipv6". Omit it for IPv4, or pass ' +
                        '"dualstack" for IPv4 and IPv6 (every subnet then needs an IPv6 CIDR block).',
                ],
            ],
            [
                "IPV4",
                [
                    '`ipAddressType` must be "ipv4" or "dualstack", got: "IPV4". Omit it for IPv4, or pass ' +
                        '"dualstack" for IPv4 and IPv6 (every subnet then needs an IPv6 CIDR block).',
                ],
            ],
        ]);
    });

    describe("validateCidrBlocks", () => {
        const notCidr = (i: number, got: string) =>
            `\`allowedCidrBlocks[${i}]\` must be a CIDR block such as 10.0.0.0/16 or ` +
            `2600:1f18:abcd::/56, got: ${got}. Write an address and a prefix length (0 to 32 for IPv4, ` +
            `0 to 128 for IPv6).`;
        const world = (i: number, block: string) =>
            `\`allowedCidrBlocks[${i}]\` must not be ${block} (it admits every address that can route ` +
            `into the VPC, peered VPCs and VPN or Direct Connect sites included), got: "${block}". List ` +
            `your clients' CIDR blocks, or omit \`allowedCidrBlocks\` to allow the VPC's.`;
        const ipv4 = (v: unknown) => validateCidrBlocks(v, "ipv4");
        const dual = (v: unknown) => validateCidrBlocks(v, "dualstack");
        describe("for an IPv4 endpoint", () =>
            table(ipv4, [
                [["10.0.0.0/16", "192.168.1.0/24", "10.1.2.3/32"], []],
                [[], ["`allowedCidrBlocks` must list at least one CIDR block, got: []. Omit it to allow the VPC's own CIDR blocks."]],
                [["10.0.0.0"], [notCidr(0, '"10.0.0.0"')]],
                [["10.0.0.256/24"], [notCidr(0, '"10.0.0.256/24"')]],
                [["10.0.0.0/33"], [notCidr(0, '"10.0.0.0/33"')]],
                [["010.0.0.0/8"], [notCidr(0, '"010.0.0.0/8"')]],
                [
                    ["10.0.0.0/16", "10.0.0.1/16"],
                    [
                        "`allowedCidrBlocks[1]` must be a network address in canonical form (host bits zero), got: " +
                            '"10.0.0.1/16". Use 10.0.0.0/16.',
                    ],
                ],
                [
                    ["172.31.255.7/20"],
                    [
                        "`allowedCidrBlocks[0]` must be a network address in canonical form (host bits zero), got: " +
                            '"172.31.255.7/20". Use 172.31.240.0/20.',
                    ],
                ],
                [
                    ["2600:1f18:abcd::/56"],
                    [
                        "`allowedCidrBlocks[0]` is an IPv6 block, which an IPv4 endpoint cannot be reached from, " +
                            'got: "2600:1f18:abcd::/56". Set `ipAddressType` to "dualstack", or remove the IPv6 block.',
                    ],
                ],
                [["0.0.0.0/0"], [world(0, "0.0.0.0/0")]],
                [["::/0"], [world(0, "::/0")]],
                [
                    "10.0.0.0/16" as any,
                    ['`allowedCidrBlocks` must be a list of CIDR blocks, got: "10.0.0.0/16". Pass a list, e.g. ["10.0.0.0/16"].'],
                ],
            ]));
        describe("for a dual-stack endpoint", () =>
            table(dual, [
                [["10.0.0.0/16", "2600:1f18:abcd:1200::/56", "2600:1f18:abcd:1200::1/128"], []],
                [["::/0"], [world(0, "::/0")]],
                [
                    ["2600:1F18:abcd:1200::/56"],
                    [
                        "`allowedCidrBlocks[0]` must be a network address in canonical form (host bits zero, RFC " +
                            '5952 lowercase), got: "2600:1F18:abcd:1200::/56". Use 2600:1f18:abcd:1200::/56.',
                    ],
                ],
                [
                    ["2600:1f18:abcd:1200::1/56"],
                    [
                        "`allowedCidrBlocks[0]` must be a network address in canonical form (host bits zero, RFC " +
                            '5952 lowercase), got: "2600:1f18:abcd:1200::1/56". Use 2600:1f18:abcd:1200::/56.',
                    ],
                ],
                [["2600:1f18::/129"], [notCidr(0, '"2600:1f18::/129"')]],
            ]));
        it("never echoes a secret block, nor the canonical form derived from it", () => {
            assert.deepEqual(validateCidrBlocks(["10.0.0.1/16"], "ipv4", true), [
                "`allowedCidrBlocks[0]` must be a network address in canonical form (host bits zero), got: " +
                    "[secret]. Use the network address.",
            ]);
        });
    });

    describe("CIDR arithmetic (ipaddr.js)", () => {
        it("parses IPv4 and IPv6, canonical or not", () => {
            assert.deepEqual(parseCidr("10.0.0.0/16"), { version: 4, prefix: 16, canonical: "10.0.0.0/16", isCanonical: true });
            assert.deepEqual(parseCidr("2600:1F18:0:0::/56"), { version: 6, prefix: 56, canonical: "2600:1f18::/56", isCanonical: false });
            assert.equal(parseCidr("10.0.0.0"), undefined);
            assert.equal(parseCidr(42), undefined);
        });
        it("tells containment within one IP version", () => {
            assert.equal(cidrContains("10.0.0.0/16", "10.0.1.0/24"), true);
            assert.equal(cidrContains("10.0.1.0/24", "10.0.0.0/16"), false);
            assert.equal(cidrContains("2600:1f18:abcd:1200::/56", "2600:1f18:abcd:1201::/64"), true);
            assert.equal(cidrContains("10.0.0.0/8", "2600:1f18::/64"), false);
        });
    });
});
