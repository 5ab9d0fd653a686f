import * as assert from "node:assert/strict";
import { APP_RUNNER_REGIONS, isEc2Id, parseConnectionArn, parseServiceArn } from "../sdk/aws";
import { cidrContains, parseCidr } from "../sdk/cidr";
import {
    bare,
    show,
    validateAdoptedConnection,
    validateAdoptedEndpoint,
    validateAdoptionChoice,
    validateAdoptionId,
    validateCidrBlocks,
    validateConnectionName,
    validateEc2Id,
    validateEc2IdList,
    validateEndpointChoice,
    validateIpAddressType,
    validateProviderRegion,
    validateRequired,
    validateServiceArn,
    validateSecurityGroupPlacement,
    validateServiceNotConnected,
    validateServiceRegion,
    validateSubnetPlacement,
    validateTags,
} from "../sdk/validation";

const ARN = "arn:aws:apprunner:us-east-1:123456789012:service/api-service/8fe1e10304f84fd2b0df550fe98a71fa";
const none = {
    subnetIds: false,
    vpcEndpointId: false,
    securityGroupIds: false,
    allowedCidrBlocks: false,
    allowedSecurityGroupIds: false,
    ipAddressType: false,
};
const REGIONS =
    "us-east-1, us-east-2, us-west-2, ap-south-1, ap-southeast-1, ap-southeast-2, " +
    "ap-northeast-1, eu-central-1, eu-west-1, eu-west-2, eu-west-3";

/** Runs a table of [input, expected messages] through a validator. */
function table<T>(validate: (v: T) => string[], rows: [T, string[]][]) {
    for (const [input, expected] of rows) {
        it(`${JSON.stringify(input)?.slice(0, 70)} -> ${expected.length ? "refused" : "accepted"}`, () => {
            assert.deepEqual(validate(input), expected);
        });
    }
}

describe("validation (pure functions, full messages)", () => {
    describe("validateEndpointChoice", () => {
        table(validateEndpointChoice, [
            [{ ...none, subnetIds: true }, []],
            [{ ...none, vpcEndpointId: true }, []],
            [{ ...none, subnetIds: true, securityGroupIds: true }, []],
            [{ ...none, subnetIds: true, allowedCidrBlocks: true }, []],
            [
                { ...none, subnetIds: true, vpcEndpointId: true },
                [
                    "Only one of `subnetIds` or `vpcEndpointId` can be provided. Pass `subnetIds` to create a " +
                        "new App Runner interface endpoint, or `vpcEndpointId` to reuse an existing one.",
                ],
            ],
            [
                none,
                [
                    "Either `subnetIds` or `vpcEndpointId` must be provided. Pass `subnetIds` to create a new " +
                        "App Runner interface endpoint, or `vpcEndpointId` to reuse an existing one.",
                ],
            ],
            [
                { ...none, vpcEndpointId: true, securityGroupIds: true },
                [
                    "`securityGroupIds` applies only to a new endpoint and cannot be combined with " +
                        "`vpcEndpointId`. Configure the endpoint that `vpcEndpointId` names, or pass `subnetIds` " +
                        "instead of `vpcEndpointId`.",
                ],
            ],
            [
                { ...none, vpcEndpointId: true, allowedCidrBlocks: true },
                [
                    "`allowedCidrBlocks` applies only to a new endpoint and cannot be combined with " +
                        "`vpcEndpointId`. Configure the endpoint that `vpcEndpointId` names, or pass `subnetIds` " +
                        "instead of `vpcEndpointId`.",
                ],
            ],
            [
                { ...none, vpcEndpointId: true, ipAddressType: true },
                [
                    "`ipAddressType` applies only to a new endpoint and cannot be combined with " +
                        "`vpcEndpointId`. Configure the endpoint that `vpcEndpointId` names, or pass `subnetIds` " +
                        "instead of `vpcEndpointId`.",
                ],
            ],
            [
                { ...none, subnetIds: true, securityGroupIds: true, allowedCidrBlocks: true },
                [
                    "Only one of `securityGroupIds` or `allowedCidrBlocks` can be provided. `allowedCidrBlocks` " +
                        "configures the security group the component creates when `securityGroupIds` is omitted; " +
                        "add the rules to your own groups instead.",
                ],
            ],
            [{ ...none, subnetIds: true, allowedCidrBlocks: true, allowedSecurityGroupIds: true }, []],
            [
                { ...none, subnetIds: true, securityGroupIds: true, allowedSecurityGroupIds: true },
                [
                    "Only one of `securityGroupIds` or `allowedSecurityGroupIds` can be provided. " +
                        "`allowedSecurityGroupIds` configures the security group the component creates when " +
                        "`securityGroupIds` is omitted; add the rules to your own groups instead.",
                ],
            ],
            [
                { ...none, vpcEndpointId: true, allowedSecurityGroupIds: true },
                [
                    "`allowedSecurityGroupIds` applies only to a new endpoint and cannot be combined with " +
                        "`vpcEndpointId`. Configure the endpoint that `vpcEndpointId` names, or pass `subnetIds` " +
                        "instead of `vpcEndpointId`.",
                ],
            ],
        ]);
    });

    describe("validateSecurityGroupPlacement", () => {
        table(
            (groups: { id: string; vpcId: string }[]) => validateSecurityGroupPlacement("vpc-0123456789abcdef0", groups),
            [
                [[{ id: "sg-0123456789abcdef0", vpcId: "vpc-0123456789abcdef0" }], []],
                [
                    [{ id: "sg-0123456789abcdef1", vpcId: "vpc-0fedcba9876543210" }],
                    [
                        "`allowedSecurityGroupIds` must be security groups of `vpcId` (vpc-0123456789abcdef0), got: " +
                            "sg-0123456789abcdef1 in vpc-0fedcba9876543210. Use your clients' security groups in " +
                            "vpc-0123456789abcdef0, or `allowedCidrBlocks` for clients elsewhere.",
                    ],
                ],
            ],
        );
        it("never echoes secret ids", () => {
            assert.deepEqual(
                validateSecurityGroupPlacement(
                    "vpc-0123456789abcdef0",
                    [{ id: "sg-0123456789abcdef1", vpcId: "vpc-0fedcba9876543210" }],
                    true,
                ),
                [
                    "`allowedSecurityGroupIds` must be security groups of `vpcId` ([secret]), got: [secret] in " +
                        "[secret]. Use your clients' security groups in [secret], or `allowedCidrBlocks` for " +
                        "clients elsewhere.",
                ],
            );
        });
    });

    describe("validateRequired", () => {
        table(
            (v: unknown) => validateRequired("serviceArn", v),
            [
                [ARN, []],
                [
                    undefined,
                    [
                        "`serviceArn` is required, got: undefined. Pass the ARN of the App Runner service to make " +
                            "private, e.g. `service.arn`.",
                    ],
                ],
                ["", ['`serviceArn` is required, got: "". Pass the ARN of the App Runner service to make private, e.g. `service.arn`.']],
            ],
        );
        table(
            (v: unknown) => validateRequired("vpcId", v),
            [[null, ["`vpcId` is required, got: null. Pass the id of the VPC the endpoint is in, e.g. `vpc.id`."]]],
        );
    });

    describe("validateServiceArn", () => {
        const bad = (got: string) => [
            `\`serviceArn\` must be an App Runner service ARN ` +
                `(arn:aws:apprunner:<region>:<account>:service/<name>/<id>), got: ${got}. Pass the ` +
                `service's \`arn\` output, e.g. \`service.arn\`, not its name, id or URL.`,
        ];
        const noAppRunner = (arn: string, region: string) => [
            `\`serviceArn\` must be in a region where App Runner exists (${REGIONS}), got: "${arn}" in ` +
                `${region}. Check the ARN: App Runner has no service there.`,
        ];
        const otherPartition = (arn: string, partition: string) => [
            `\`serviceArn\` must be in the \`aws\` partition, the only one App Runner exists in, got: ` +
                `"${arn}" in ${partition}. Check the ARN: App Runner has no service there.`,
        ];
        const gov = "arn:aws-us-gov:apprunner:us-gov-west-1:123456789012:service/my_svc-1/abcdef0123";
        const china = "arn:aws-cn:apprunner:cn-north-1:123456789012:service/my_svc-1/abcdef0123";
        // Another partition with a region of `aws` (the App Runner API model's ARN pattern allows any aws-* partition).
        const chinaInVirginia = "arn:aws-cn:apprunner:us-east-1:123456789012:service/my_svc-1/abcdef0123";
        const brazil = "arn:aws:apprunner:sa-east-1:123456789012:service/my_svc-1/abcdef0123";
        // 1,012 characters: one more than AppRunnerResourceArn's maximum (API model, botocore, CloudFormation's ServiceArn).
        const long = `arn:aws:apprunner:us-east-1:123456789012:service/my_svc-1/${"a".repeat(1012 - 58)}`;
        table(validateServiceArn, [
            [ARN, []],
            ["arn:aws:apprunner:eu-west-3:123456789012:service/my_svc-1/abcdef0123", []],
            [gov, otherPartition(gov, "aws-us-gov")],
            [china, otherPartition(china, "aws-cn")],
            [chinaInVirginia, otherPartition(chinaInVirginia, "aws-cn")],
            [brazil, noAppRunner(brazil, "sa-east-1")],
            [
                long,
                [
                    "`serviceArn` must be at most 1011 characters (App Runner's ARNs), got: 1012 characters. " +
                        "Pass the service's `arn` output, e.g. `service.arn`.",
                ],
            ],
            [
                { arn: ARN, serviceUrl: "x" } as any,
                ["`serviceArn` must be an App Runner service ARN, got: an App Runner Service resource. Pass `service.arn`."],
            ],
            ["api-service", bad('"api-service"')],
            ["https://abcdefghij.us-east-1.awsapprunner.com", bad('"https://abcdefghij.us-east-1.awsapprunner.com"')],
            [
                "arn:aws:apprunner:us-east-1:123456789012:service/abc/8fe1e10304f84fd2b0df550fe98a71fa",
                bad('"arn:aws:apprunner:us-east-1:123456789012:service/abc/8fe1e10304f84fd2b0df550fe98a71fa"'),
            ],
            [
                "arn:aws:apprunner:us-east-1:12345:service/api-service/8fe1",
                bad('"arn:aws:apprunner:us-east-1:12345:service/api-service/8fe1"'),
            ],
            [
                "arn:aws:apprunner:us-east-1:123456789012:vpcingressconnection/api-service/8fe1",
                bad('"arn:aws:apprunner:us-east-1:123456789012:vpcingressconnection/api-service/8fe1"'),
            ],
            [42 as any, bad("42")],
        ]);
    });

    describe("validateEc2Id", () => {
        table(
            (v: unknown) => validateEc2Id("vpcId", "vpc", v),
            [
                ["vpc-0123456789abcdef0", []],
                ["vpc-01234567", []],
                [
                    "vpc-0123456789ABCDEF0",
                    [
                        "`vpcId` must be a VPC id (vpc- and 8 or 17 hexadecimal characters), got: " +
                            '"vpc-0123456789ABCDEF0". Pass the VPC\'s `id` output, e.g. `vpc.id`.',
                    ],
                ],
                [
                    "my-vpc",
                    [
                        '`vpcId` must be a VPC id (vpc- and 8 or 17 hexadecimal characters), got: "my-vpc". Pass ' +
                            "the VPC's `id` output, e.g. `vpc.id`.",
                    ],
                ],
            ],
        );
        table(
            (v: unknown) => validateEc2Id("vpcEndpointId", "vpcEndpoint", v),
            [
                ["vpce-0123456789abcdef0", []],
                [
                    "vpc-0123456789abcdef0",
                    [
                        "`vpcEndpointId` must be a VPC endpoint id (vpce- and 8 or 17 hexadecimal characters), got: " +
                            "\"vpc-0123456789abcdef0\". Pass the endpoint's id, e.g. an InterfaceEndpoint's " +
                            "`vpcEndpointId`.",
                    ],
                ],
            ],
        );
    });

    describe("validateEc2IdList", () => {
        const a = "subnet-0123456789abcdef0";
        const b = "subnet-0123456789abcdef1";
        table(
            (v: unknown) => validateEc2IdList("subnetIds", "subnet", v),
            [
                [[a, b], []],
                [
                    [],
                    [
                        "`subnetIds` must list at least one id, got: []. List one subnet in each Availability Zone " +
                            "the endpoint should serve (two or more advised), or pass `vpcEndpointId` to reuse an " +
                            "endpoint.",
                    ],
                ],
                [[a, a], [`\`subnetIds\` must not repeat an id, got: "${a}" twice. Remove the duplicate.`]],
                [
                    [a, "10.0.1.0/24"],
                    [
                        "`subnetIds[1]` must be a subnet id (subnet- and 8 or 17 hexadecimal characters), got: " +
                            '"10.0.1.0/24". Pass subnet ids, e.g. `subnet.id`, not names or CIDR blocks.',
                    ],
                ],
                [a, [`\`subnetIds\` must be a list of ids, got: "${a}". Pass a list, e.g. [a.id, b.id].`]],
            ],
        );
        table(
            (v: unknown) => validateEc2IdList("securityGroupIds", "securityGroup", v),
            [
                [["sg-0123456789abcdef0"], []],
                [
                    [],
                    [
                        "`securityGroupIds` must list at least one id, got: []. Omit it to let the component create " +
                            "a security group that allows HTTPS from `allowedCidrBlocks`.",
                    ],
                ],
                [
                    ["default"],
                    [
                        "`securityGroupIds[0]` must be a security group id (sg- and 8 or 17 hexadecimal " +
                            'characters), got: "default". Pass security group ids, e.g. `securityGroup.id`, not names.',
                    ],
                ],
            ],
        );
    });

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

    describe("validateConnectionName", () => {
        table(validateConnectionName, [
            ["api1", []],
            ["a".repeat(40), []],
            ["Payments_api-2", []],
            [
                "ab",
                [
                    '`connectionName` must be 4 to 40 characters, got: 2 characters ("ab"). Choose a name of ' +
                        "that length, or omit it to let AWS name the connection.",
                ],
            ],
            [
                "a".repeat(41),
                [
                    `\`connectionName\` must be 4 to 40 characters, got: 41 characters ("${"a".repeat(41)}"). ` +
                        `Choose a name of that length, or omit it to let AWS name the connection.`,
                ],
            ],
            [
                "my api.conn",
                [
                    "`connectionName` must start with a letter or digit and contain only letters, digits, " +
                        'hyphens and underscores, got: "my api.conn". Use e.g. "my-api-conn".',
                ],
            ],
            [
                "-api",
                [
                    "`connectionName` must start with a letter or digit and contain only letters, digits, " +
                        'hyphens and underscores, got: "-api". Rename it.',
                ],
            ],
        ]);
        it("never echoes a secret name, nor a suggestion derived from it", () => {
            assert.deepEqual(validateConnectionName("my api", true), [
                "`connectionName` must start with a letter or digit and contain only letters, digits, " +
                    "hyphens and underscores, got: [secret]. Rename it.",
            ]);
            assert.deepEqual(validateConnectionName("ab", true), [
                "`connectionName` must be 4 to 40 characters, got: 2 characters. Choose a name of that " +
                    "length, or omit it to let AWS name the connection.",
            ]);
        });
    });

    describe("validateTags", () => {
        const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, "v"]));
        table(validateTags, [
            [{ team: "payments", "": "x".repeat(0) }, ['`tags` keys must be 1 to 127 characters, got: 0 characters (""). Name the key.']],
            [{ team: "payments", env: "" }, []],
            [many, ["`tags` must have at most 50 tags (the AWS limit), got: 51. Remove 1."]],
            [
                { ["k".repeat(129)]: "v" },
                [`\`tags\` keys must be 1 to 127 characters, got: 129 characters ("${"k".repeat(129)}"). Shorten the key.`],
            ],
            [
                { note: "v".repeat(257) },
                ['`tags` values must be at most 256 characters, got: 257 characters for key "note". Shorten the value.'],
            ],
            [
                { "aws:owner": "me" },
                ['`tags` keys must not start with "aws:" (reserved for AWS), got: "aws:owner". Rename the key, e.g. "owner".'],
            ],
            [
                { "AWS:cost": "me" },
                ['`tags` keys must not start with "aws:" (reserved for AWS), got: "AWS:cost". Rename the key, e.g. "cost".'],
            ],
            [{ count: 5 } as any, ['`tags` values must be strings, got: 5 for key "count". Quote the value.']],
            [
                { team: null } as any,
                ['`tags` values must be strings, got: null for key "team". Give the tag a value ("" for an empty one), or remove the key.'],
            ],
            [
                { team: undefined } as any,
                [
                    '`tags` values must be strings, got: undefined for key "team". Give the tag a value ("" for ' +
                        "an empty one), or remove the key.",
                ],
            ],
            [["a"] as any, ['`tags` must be a map of strings, got: ["a"]. Pass e.g. { team: "payments" }.']],
        ]);
        it("never echoes secret keys or values", () => {
            assert.deepEqual(validateTags({ "aws:owner": "me", n: 5 }, true), [
                '`tags` keys must not start with "aws:" (reserved for AWS), got: [secret]. Rename the key.',
                "`tags` values must be strings, got: [secret] for key [secret]. Quote the value.",
            ]);
        });
    });

    describe("bounded echoes: a value is cut at 200 characters, saying how much was cut", () => {
        const MB = 1 << 20;
        const a = (n: number) => "a".repeat(n);
        it("strings of up to 200 characters are echoed whole, quoted", () => {
            assert.equal(show(a(200)), `"${a(200)}"`);
            assert.equal(show('say "hi"'), '"say \\"hi\\""');
        });
        it("longer strings: the first 200 characters, and the length and how many are not shown", () => {
            assert.equal(show(a(201)), `"${a(200)}…" (201 characters, 1 not shown)`);
            assert.equal(show(a(MB)), `"${a(200)}…" (1048576 characters, 1048376 not shown)`);
        });
        it("never cuts a character in half (a UTF-16 surrogate pair)", () => {
            assert.equal(show(`${a(199)}😀b`), `"${a(199)}…" (202 characters, 3 not shown)`);
        });
        it("other values: their JSON, cut the same way and counted as JSON", () => {
            const ids = Array.from({ length: 40 }, (_, i) => `subnet-${String(i).padStart(8, "0")}`);
            const json = JSON.stringify(ids);
            assert.equal(show(ids), `${json.slice(0, 200)}… (${json.length} characters of JSON, ${json.length - 200} not shown)`);
            assert.equal(show({ team: "payments" }), '{"team":"payments"}');
        });
        it("a secret is never echoed, whatever its length; unquoted echoes are cut too", () => {
            assert.equal(show(a(MB), true), "[secret]");
            assert.equal(bare(a(MB)), `${a(200)}… (1048576 characters, 1048376 not shown)`);
            assert.equal(bare("us-east-1"), "us-east-1");
        });
        it("a 1 MB argument gives messages of a few hundred characters", () => {
            const messages = [
                ...validateServiceArn(a(MB)),
                ...validateConnectionName(`${a(MB)} x`),
                ...validateTags({ [a(MB)]: "v", note: a(MB) }),
                ...validateProviderRegion(a(MB)),
                ...validateEc2IdList("subnetIds", "subnet", [a(MB)]),
            ];
            assert.deepEqual(messages, [
                `\`serviceArn\` must be an App Runner service ARN ` +
                    `(arn:aws:apprunner:<region>:<account>:service/<name>/<id>), got: "${a(200)}…" (1048576 ` +
                    `characters, 1048376 not shown). Pass the service's \`arn\` output, e.g. \`service.arn\`, ` +
                    `not its name, id or URL.`,
                "`connectionName` must be 4 to 40 characters, got: 1048578 characters. Choose a name of " +
                    "that length, or omit it to let AWS name the connection.",
                `\`connectionName\` must start with a letter or digit and contain only letters, digits, ` +
                    `hyphens and underscores, got: "${a(200)}…" (1048578 characters, 1048378 not shown). Rename ` +
                    `it.`,
                "`tags` keys must be 1 to 127 characters, got: 1048576 characters. Shorten the key.",
                '`tags` values must be at most 256 characters, got: 1048576 characters for key "note". Shorten the value.',
                `The AWS provider's region must be one where App Runner exists (${REGIONS}), got: ` +
                    `${a(200)}… (1048576 characters, 1048376 not shown). Set \`aws:region\` to one of them, or ` +
                    `give this component a provider for one (the \`provider\` option).`,
                `\`subnetIds[0]\` must be a subnet id (subnet- and 8 or 17 hexadecimal characters), got: ` +
                    `"${a(200)}…" (1048576 characters, 1048376 not shown). Pass subnet ids, e.g. \`subnet.id\`, ` +
                    `not names or CIDR blocks.`,
            ]);
            for (const m of messages) assert.ok(m.length < 1000, `${m.length} characters`);
        });
    });

    describe("validateServiceNotConnected", () => {
        it("accepts a service not connected yet", () => assert.deepEqual(validateServiceNotConnected(ARN, undefined), []));
        it("refuses a second connection", () =>
            assert.deepEqual(validateServiceNotConnected(ARN, "api"), [
                `\`serviceArn\` is already connected by PrivateEndpoint "api" in this program, got: ` +
                    `"${ARN}" again. An App Runner service can have only one VPC ingress connection: keep one ` +
                    `PrivateEndpoint for it and share its \`domainName\`.`,
            ]));
    });
});

describe("AWS naming rules", () => {
    it("parses a service ARN into its parts", () => {
        assert.deepEqual(parseServiceArn(ARN), {
            partition: "aws",
            region: "us-east-1",
            accountId: "123456789012",
            serviceName: "api-service",
            serviceId: "8fe1e10304f84fd2b0df550fe98a71fa",
        });
    });

    it("recognises EC2 ids of 8 and 17 hexadecimal characters only", () => {
        assert.equal(isEc2Id("subnet", "subnet-0123456789abcdef0"), true);
        assert.equal(isEc2Id("subnet", "subnet-01234567"), true);
        assert.equal(isEc2Id("subnet", "subnet-0123456789"), false);
        assert.equal(isEc2Id("securityGroup", "sg-01234567"), true);
        assert.equal(isEc2Id("securityGroup", "subnet-01234567"), false);
    });

    describe("adoption", () => {
        const CONNECTION =
            "arn:aws:apprunner:us-east-1:123456789012:vpcingressconnection/AppRunnerVpcIngressConnecti-Ab3dE5gH7jK9/" +
            "0123456789abcdef0123456789abcdef";
        it("parseConnectionArn reads the region, account, name and id; anything else is not a connection ARN", () => {
            assert.deepEqual(parseConnectionArn(CONNECTION), {
                region: "us-east-1",
                accountId: "123456789012",
                name: "AppRunnerVpcIngressConnecti-Ab3dE5gH7jK9",
                id: "0123456789abcdef0123456789abcdef",
            });
            for (const bad of [
                ARN,
                CONNECTION.replace("vpcingressconnection", "vpcconnector"),
                CONNECTION.replace("/AppRunner", "/-AppRunner"),
                "vpce-0123456789abcdef0",
            ]) {
                assert.equal(parseConnectionArn(bad), undefined, bad);
            }
        });

        describe("validateAdoptionId", () => {
            table(
                ([arg, v]: [Parameters<typeof validateAdoptionId>[0], unknown]) => validateAdoptionId(arg, v),
                [
                    [["adoptVpcEndpointId", "vpce-0123456789abcdef0"], []],
                    [["adoptSecurityGroupId", "sg-01234567"], []],
                    [["adoptConnectionArn", CONNECTION], []],
                    [
                        ["adoptSecurityGroupId", "default"],
                        [
                            "`adoptSecurityGroupId` must be a security group id (sg- and 8 or 17 hexadecimal " +
                                'characters), got: "default". Pass the id of the security group to adopt, e.g. from `aws ' +
                                "ec2 describe-security-groups`.",
                        ],
                    ],
                    [
                        ["adoptConnectionArn", 42],
                        [
                            "`adoptConnectionArn` must be a VPC ingress connection ARN " +
                                "(arn:aws:apprunner:<region>:<account>:vpcingressconnection/<name>/<id>), got: 42. Pass the " +
                                "connection's ARN, e.g. from `aws apprunner list-vpc-ingress-connections`.",
                        ],
                    ],
                ],
            );
        });

        describe("validateAdoptionChoice", () => {
            const given = {
                adoptVpcEndpointId: false,
                adoptSecurityGroupId: false,
                adoptConnectionArn: false,
                securityGroupIds: false,
                subnetIds: true,
                adoptFrom: false,
            };
            table(validateAdoptionChoice, [
                [{ ...given, adoptVpcEndpointId: true, adoptSecurityGroupId: true, adoptConnectionArn: true }, []],
                [{ ...given, adoptVpcEndpointId: true, securityGroupIds: true }, []],
                [{ ...given, subnetIds: false, adoptConnectionArn: true }, []],
                [
                    { ...given, adoptSecurityGroupId: true, adoptFrom: true },
                    [
                        "Only one of `adoptFrom` or `adoptSecurityGroupId` can be provided. `adoptFrom` takes over " +
                            "the security group of a PrivateEndpoint in this stack; `adoptSecurityGroupId` imports one " +
                            "made outside Pulumi. Keep the one that matches where the security group comes from.",
                    ],
                ],
            ]);
        });

        describe("validateAdoptedEndpoint", () => {
            const endpoint = {
                id: "vpce-0123456789abcdef0",
                vpcId: "vpc-01234567",
                serviceName: "com.amazonaws.us-east-1.apprunner.requests",
                vpcEndpointType: "Interface",
                securityGroupIds: ["sg-01234567"],
            };
            const expected = { vpcId: "vpc-01234567", serviceName: "com.amazonaws.us-east-1.apprunner.requests" };
            table(
                (e: typeof endpoint) => validateAdoptedEndpoint(e, { ...expected, groups: { adopted: "sg-01234567" } }).errors,
                [
                    [endpoint, []],
                    [
                        { ...endpoint, vpcEndpointType: "Gateway", serviceName: "com.amazonaws.us-east-1.s3" },
                        [
                            "`adoptVpcEndpointId` must be an Interface endpoint of " +
                                "com.amazonaws.us-east-1.apprunner.requests, got: vpce-0123456789abcdef0, a Gateway " +
                                "endpoint of com.amazonaws.us-east-1.s3. Adopt the App Runner endpoint of the VPC (`aws ec2 " +
                                "describe-vpc-endpoints --filters " +
                                "Name=service-name,Values=com.amazonaws.us-east-1.apprunner.requests`).",
                        ],
                    ],
                    [
                        { ...endpoint, securityGroupIds: ["sg-01234567", "sg-89abcdef"] },
                        [
                            "`adoptSecurityGroupId` must be the security group of the endpoint `adoptVpcEndpointId` " +
                                "names, got: sg-01234567, while vpce-0123456789abcdef0 has sg-01234567 and sg-89abcdef. " +
                                'Adopt its group, or pass `securityGroupIds: ["sg-01234567","sg-89abcdef"]` to keep its ' +
                                "groups without managing them.",
                        ],
                    ],
                ],
            );
            it("with securityGroupIds given, neither an error nor a warning about its groups", () => {
                assert.deepEqual(
                    validateAdoptedEndpoint({ ...endpoint, securityGroupIds: ["sg-89abcdef"] }, { ...expected, groups: "given" }),
                    { errors: [], warnings: [] },
                );
            });
        });

        describe("validateAdoptedConnection", () => {
            const connection = {
                ServiceArn: ARN,
                IngressVpcConfiguration: { VpcId: "vpc-01234567", VpcEndpointId: "vpce-0123456789abcdef0" },
            };
            table(
                (expected: Parameters<typeof validateAdoptedConnection>[1]) => validateAdoptedConnection(connection, expected),
                [
                    [{ serviceArn: ARN, vpcId: "vpc-01234567", endpointId: "vpce-0123456789abcdef0", endpointArg: "vpcEndpointId" }, []],
                    [{ endpointArg: "vpcEndpointId" }, []],
                    [
                        { vpcId: "vpc-89abcdef", endpointArg: "vpcEndpointId" },
                        [
                            "`adoptConnectionArn` must be a connection in `vpcId` (vpc-89abcdef), got: a connection in " +
                                "vpc-01234567. Set `vpcId` to vpc-01234567: a connection is adopted as it is, and moved to " +
                                "another VPC afterwards, in place.",
                        ],
                    ],
                    [
                        { serviceArn: ARN.replace("api-service", "other"), secret: true, endpointArg: "vpcEndpointId" },
                        [
                            "`adoptConnectionArn` must connect `serviceArn` ([secret]), got: a connection of " +
                                ARN +
                                ". Adopt the connection of this service (`aws apprunner list-vpc-ingress-connections " +
                                "--filter ServiceArn=<service ARN>`), or set `serviceArn` to the service it connects.",
                        ],
                    ],
                ],
            );
        });
    });
});
