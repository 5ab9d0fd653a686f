import * as assert from "node:assert/strict";
import { defaultConnectionName, isEc2Id, parseServiceArn } from "../sdk/aws";
import {
    validateCidrBlocks,
    validateConnectionName,
    validateEc2Id,
    validateEc2IdList,
    validateEndpointChoice,
    validateRequired,
    validateServiceArn,
    validateServiceNotConnected,
    validateServiceRegion,
    validateSubnetPlacement,
    validateTags,
} from "../sdk/validation";

const ARN = "arn:aws:apprunner:us-east-1:123456789012:service/api-service/8fe1e10304f84fd2b0df550fe98a71fa";
const none = { subnetIds: false, vpcEndpointId: false, securityGroupIds: false, allowedCidrBlocks: false };

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
                ["Only one of `subnetIds` or `vpcEndpointId` can be provided. Pass `subnetIds` to create a new App Runner interface endpoint, or `vpcEndpointId` to reuse an existing one."],
            ],
            [
                none,
                ["Either `subnetIds` or `vpcEndpointId` must be provided. Pass `subnetIds` to create a new App Runner interface endpoint, or `vpcEndpointId` to reuse an existing one."],
            ],
            [
                { ...none, vpcEndpointId: true, securityGroupIds: true },
                ["`securityGroupIds` applies only to a new endpoint and cannot be combined with `vpcEndpointId`. Configure the security groups of the endpoint that `vpcEndpointId` names, or pass `subnetIds` instead of `vpcEndpointId`."],
            ],
            [
                { ...none, vpcEndpointId: true, allowedCidrBlocks: true },
                ["`allowedCidrBlocks` applies only to a new endpoint and cannot be combined with `vpcEndpointId`. Configure the security groups of the endpoint that `vpcEndpointId` names, or pass `subnetIds` instead of `vpcEndpointId`."],
            ],
            [
                { ...none, subnetIds: true, securityGroupIds: true, allowedCidrBlocks: true },
                ["Only one of `securityGroupIds` or `allowedCidrBlocks` can be provided. `allowedCidrBlocks` configures the security group the component creates when `securityGroupIds` is omitted; add the rules to your own groups instead."],
            ],
        ]);
    });

    describe("validateRequired", () => {
        table((v: unknown) => validateRequired("serviceArn", v), [
            [ARN, []],
            [undefined, ["`serviceArn` is required, got: undefined. Pass the ARN of the App Runner service to make private, e.g. `service.arn`."]],
            ["", ["`serviceArn` is required, got: \"\". Pass the ARN of the App Runner service to make private, e.g. `service.arn`."]],
        ]);
        table((v: unknown) => validateRequired("vpcId", v), [
            [null, ["`vpcId` is required, got: null. Pass the id of the VPC the service is reached from, e.g. `vpc.id`."]],
        ]);
    });

    describe("validateServiceArn", () => {
        const bad = (got: string) => [
            `\`serviceArn\` must be an App Runner service ARN (arn:<partition>:apprunner:<region>:<account>:service/<name>/<id>), got: ${got}. Pass the service's \`arn\` output, e.g. \`service.arn\`, not its name, id or URL.`,
        ];
        table(validateServiceArn, [
            [ARN, []],
            ["arn:aws-us-gov:apprunner:us-gov-west-1:123456789012:service/my_svc-1/abcdef0123", []],
            ["api-service", bad('"api-service"')],
            ["https://abcdefghij.us-east-1.awsapprunner.com", bad('"https://abcdefghij.us-east-1.awsapprunner.com"')],
            ["arn:aws:apprunner:us-east-1:123456789012:service/abc/8fe1e10304f84fd2b0df550fe98a71fa", bad('"arn:aws:apprunner:us-east-1:123456789012:service/abc/8fe1e10304f84fd2b0df550fe98a71fa"')],
            ["arn:aws:apprunner:us-east-1:12345:service/api-service/8fe1", bad('"arn:aws:apprunner:us-east-1:12345:service/api-service/8fe1"')],
            ["arn:aws:apprunner:us-east-1:123456789012:vpcingressconnection/api-service/8fe1", bad('"arn:aws:apprunner:us-east-1:123456789012:vpcingressconnection/api-service/8fe1"')],
            [42 as any, bad("42")],
        ]);
    });

    describe("validateEc2Id", () => {
        table((v: unknown) => validateEc2Id("vpcId", "vpc", v), [
            ["vpc-0123456789abcdef0", []],
            ["vpc-01234567", []],
            ["vpc-0123456789ABCDEF0", ["`vpcId` must be a VPC id (vpc- and 8 or 17 hexadecimal characters), got: \"vpc-0123456789ABCDEF0\". Pass the VPC's `id` output, e.g. `vpc.id`."]],
            ["my-vpc", ["`vpcId` must be a VPC id (vpc- and 8 or 17 hexadecimal characters), got: \"my-vpc\". Pass the VPC's `id` output, e.g. `vpc.id`."]],
        ]);
        table((v: unknown) => validateEc2Id("vpcEndpointId", "vpcEndpoint", v), [
            ["vpce-0123456789abcdef0", []],
            ["vpc-0123456789abcdef0", ["`vpcEndpointId` must be a VPC endpoint id (vpce- and 8 or 17 hexadecimal characters), got: \"vpc-0123456789abcdef0\". Pass the endpoint's id, e.g. another PrivateEndpoint's `vpcEndpointId`."]],
        ]);
    });

    describe("validateEc2IdList", () => {
        const a = "subnet-0123456789abcdef0";
        const b = "subnet-0123456789abcdef1";
        table((v: unknown) => validateEc2IdList("subnetIds", "subnet", v), [
            [[a, b], []],
            [[], ["`subnetIds` must list at least one id, got: []. List one subnet in each Availability Zone the endpoint should serve (two or more advised), or pass `vpcEndpointId` to reuse an endpoint."]],
            [[a, a], [`\`subnetIds\` must not repeat an id, got: "${a}" twice. Remove the duplicate.`]],
            [[a, "10.0.1.0/24"], ["`subnetIds[1]` must be a subnet id (subnet- and 8 or 17 hexadecimal characters), got: \"10.0.1.0/24\". Pass subnet ids, e.g. `subnet.id`, not names or CIDR blocks."]],
            [a, [`\`subnetIds\` must be a list of ids, got: "${a}". Pass a list, e.g. [a.id, b.id].`]],
        ]);
        table((v: unknown) => validateEc2IdList("securityGroupIds", "securityGroup", v), [
            [["sg-0123456789abcdef0"], []],
            [[], ["`securityGroupIds` must list at least one id, got: []. Omit it to let the component create a security group that allows HTTPS from `allowedCidrBlocks`."]],
            [["default"], ["`securityGroupIds[0]` must be a security group id (sg- and 8 or 17 hexadecimal characters), got: \"default\". Pass security group ids, e.g. `securityGroup.id`, not names."]],
        ]);
    });

    describe("validateSubnetPlacement", () => {
        const vpc = "vpc-0123456789abcdef0";
        const s = (id: string, availabilityZone: string, vpcId = vpc) => ({ id, vpcId, availabilityZone });
        it("accepts one subnet in each of two zones", () => {
            assert.deepEqual(validateSubnetPlacement(vpc, [s("subnet-1", "us-east-1a"), s("subnet-2", "us-east-1b")]), { errors: [] });
        });
        it("refuses two subnets in one zone", () => {
            assert.deepEqual(validateSubnetPlacement(vpc, [s("subnet-1", "us-east-1a"), s("subnet-2", "us-east-1a"), s("subnet-3", "us-east-1b")]), {
                errors: ["`subnetIds` must have at most one subnet per Availability Zone (an interface endpoint takes one subnet per zone), got: subnet-1 and subnet-2 in us-east-1a. Keep one subnet per zone."],
            });
        });
        it("refuses a subnet of another VPC", () => {
            assert.deepEqual(validateSubnetPlacement(vpc, [s("subnet-1", "us-east-1a"), s("subnet-9", "us-east-1b", "vpc-99999999")]), {
                errors: ["`subnetIds` must be subnets of `vpcId` (vpc-0123456789abcdef0), got: subnet-9 in vpc-99999999. Use subnets of vpc-0123456789abcdef0, or set `vpcId` to the subnets' VPC."],
            });
        });
        it("warns, without refusing, when the endpoint would be in one zone only", () => {
            assert.deepEqual(validateSubnetPlacement(vpc, [s("subnet-1", "us-east-1a")]), {
                errors: [],
                warning: "`subnetIds` places the endpoint in one Availability Zone (us-east-1a): if that zone fails, every service behind the endpoint is unreachable. Add a subnet in a second Availability Zone (AWS advises two or more).",
            });
        });
    });

    describe("validateServiceRegion", () => {
        it("accepts the provider's region", () => assert.deepEqual(validateServiceRegion(ARN, "us-east-1"), []));
        it("refuses another region", () =>
            assert.deepEqual(validateServiceRegion(ARN, "eu-west-1"), [
                `\`serviceArn\` must be in the AWS provider's region (eu-west-1), got: "${ARN}" in us-east-1. Give this component a provider for us-east-1 (the \`provider\` option), or connect a service in eu-west-1.`,
            ]));
    });

    describe("validateCidrBlocks", () => {
        table(validateCidrBlocks, [
            [["10.0.0.0/16", "192.168.1.0/24", "10.1.2.3/32"], []],
            [[], ["`allowedCidrBlocks` must list at least one CIDR block, got: []. Omit it to allow the VPC's own CIDR blocks."]],
            [["10.0.0.0"], ["`allowedCidrBlocks[0]` must be an IPv4 CIDR block such as 10.0.0.0/16, got: \"10.0.0.0\". Write an address and a prefix length from 0 to 32."]],
            [["10.0.0.256/24"], ["`allowedCidrBlocks[0]` must be an IPv4 CIDR block such as 10.0.0.0/16, got: \"10.0.0.256/24\". Write an address and a prefix length from 0 to 32."]],
            [["10.0.0.0/33"], ["`allowedCidrBlocks[0]` must be an IPv4 CIDR block such as 10.0.0.0/16, got: \"10.0.0.0/33\". Write an address and a prefix length from 0 to 32."]],
            [["10.0.0.0/16", "10.0.0.1/16"], ["`allowedCidrBlocks[1]` must be a network address (host bits zero), got: \"10.0.0.1/16\". Use 10.0.0.0/16."]],
            [["172.31.255.7/20"], ["`allowedCidrBlocks[0]` must be a network address (host bits zero), got: \"172.31.255.7/20\". Use 172.31.240.0/20."]],
            [["::/0"], ["`allowedCidrBlocks[0]` must be an IPv4 CIDR block (App Runner private endpoints are IPv4 only), got: \"::/0\". Remove the IPv6 block."]],
            [["0.0.0.0/0"], ["`allowedCidrBlocks[0]` must not be 0.0.0.0/0 (it admits every address that can route into the VPC, peered VPCs and VPN or Direct Connect sites included), got: \"0.0.0.0/0\". List your clients' CIDR blocks, or omit `allowedCidrBlocks` to allow the VPC's."]],
            ["10.0.0.0/16" as any, ["`allowedCidrBlocks` must be a list of CIDR blocks, got: \"10.0.0.0/16\". Pass a list, e.g. [\"10.0.0.0/16\"]."]],
        ]);
    });

    describe("validateConnectionName", () => {
        table(validateConnectionName, [
            ["api1", []],
            ["a".repeat(40), []],
            ["Payments_api-2", []],
            ["ab", ["`connectionName` must be 4 to 40 characters, got: 2 characters (\"ab\"). Choose a name of that length, or omit it to derive one from the component name."]],
            ["a".repeat(41), [`\`connectionName\` must be 4 to 40 characters, got: 41 characters ("${"a".repeat(41)}"). Choose a name of that length, or omit it to derive one from the component name.`]],
            ["my api.conn", ["`connectionName` must start with a letter or digit and contain only letters, digits, hyphens and underscores, got: \"my api.conn\". Use e.g. \"my-api-conn\"."]],
            ["-api", ["`connectionName` must start with a letter or digit and contain only letters, digits, hyphens and underscores, got: \"-api\". Use e.g. \"api\"."]],
        ]);
    });

    describe("validateTags", () => {
        const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, "v"]));
        table(validateTags, [
            [{ team: "payments", "": "x".repeat(0) }, ["`tags` keys must be 1 to 128 characters, got: 0 characters (\"\"). Shorten the key."]],
            [{ team: "payments", env: "" }, []],
            [many, ["`tags` must have at most 50 tags (the AWS limit), got: 51. Remove 1."]],
            [{ ["k".repeat(129)]: "v" }, [`\`tags\` keys must be 1 to 128 characters, got: 129 characters ("${"k".repeat(129)}"). Shorten the key.`]],
            [{ note: "v".repeat(257) }, ["`tags` values must be at most 256 characters, got: 257 characters for key \"note\". Shorten the value."]],
            [{ "aws:owner": "me" }, ["`tags` keys must not start with \"aws:\" (reserved for AWS), got: \"aws:owner\". Rename the key, e.g. \"owner\"."]],
            [{ "AWS:cost": "me" }, ["`tags` keys must not start with \"aws:\" (reserved for AWS), got: \"AWS:cost\". Rename the key, e.g. \"cost\"."]],
            [{ count: 5 } as any, ["`tags` values must be strings, got: 5 for key \"count\". Quote the value."]],
            [["a"] as any, ["`tags` must be a map of strings, got: [\"a\"]. Pass e.g. { team: \"payments\" }."]],
        ]);
    });

    describe("validateServiceNotConnected", () => {
        it("accepts a service not connected yet", () => assert.deepEqual(validateServiceNotConnected(ARN, undefined), []));
        it("refuses a second connection", () =>
            assert.deepEqual(validateServiceNotConnected(ARN, "api"), [
                `\`serviceArn\` is already connected by PrivateEndpoint "api" in this program, got: "${ARN}" again. An App Runner service can have only one VPC ingress connection: keep one PrivateEndpoint for it and share its \`domainName\`.`,
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

    describe("defaultConnectionName", () => {
        const cases: [string, RegExp][] = [
            ["api", /^api-[0-9a-f]{7}$/],
            ["my.api service", /^my-api-service-[0-9a-f]{7}$/],
            ["-x", /^x-[0-9a-f]{7}$/],
            ["***", /^conn-[0-9a-f]{7}$/],
            ["a".repeat(60), new RegExp(`^${"a".repeat(32)}-[0-9a-f]{7}$`)],
        ];
        for (const [name, pattern] of cases) {
            it(`${JSON.stringify(name.slice(0, 20))} gives a name AWS accepts`, () => {
                const derived = defaultConnectionName(name, "project", "dev");
                assert.match(derived, pattern);
                assert.deepEqual(validateConnectionName(derived), []);
            });
        }
        it("is deterministic, and differs between stacks and projects", () => {
            assert.equal(defaultConnectionName("api", "p", "dev"), defaultConnectionName("api", "p", "dev"));
            assert.notEqual(defaultConnectionName("api", "p", "dev"), defaultConnectionName("api", "p", "prod"));
            assert.notEqual(defaultConnectionName("api", "p", "dev"), defaultConnectionName("api", "q", "dev"));
        });
    });
});
