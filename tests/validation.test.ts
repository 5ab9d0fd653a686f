// The validators of the arguments' shape (pure functions, full messages): the endpoint choice, required values, ARNs,
// EC2 ids.
import * as assert from "node:assert/strict";
import {
    validateEc2Id,
    validateEc2IdList,
    validateEndpointChoice,
    validateRequired,
    validateServiceArn,
    validateSecurityGroupPlacement,
} from "../sdk/validation";
import { ARN, REGIONS, none, table } from "./validation-fixtures";

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
});
