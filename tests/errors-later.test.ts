// The component's refusals of values that resolve later: refused before the child that would carry them is registered.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as assert from "node:assert/strict";
import { PrivateEndpoint } from "../sdk/index";
import { AwsMocks, TOPOLOGY as T, valueOf } from "./mocks";
import { base, capturingWarnings, nothingRegisteredFor, refusedLater } from "./errors-fixtures";

describe("PrivateEndpoint refuses bad input", () => {
    describe("known later: when the values resolve or lookups answer, before any child is registered", () => {
        let mocks: AwsMocks;
        beforeEach(() => {
            mocks = new AwsMocks().install();
        });

        it("two subnets in one Availability Zone (EC2 would reject the endpoint): no child at all, security group included", async () => {
            const pe = new PrivateEndpoint("api", { ...base, subnetIds: [T.subnetA, T.subnetA2, T.subnetB] });
            await refusedLater(
                pe.vpcEndpointId,
                `\`subnetIds\` must have at most one subnet per Availability Zone (an interface endpoint ` +
                    `takes one subnet per zone), got: ${T.subnetA} and ${T.subnetA2} in us-east-1a. Keep one ` +
                    `subnet per zone.`,
            );
            await nothingRegisteredFor(mocks, "api");
            assert.deepEqual(mocks.custom(), []);
        });

        it("a dual-stack endpoint in a subnet without an IPv6 block", async () => {
            const pe = new PrivateEndpoint("api", {
                ...base,
                vpcId: T.dualVpcId,
                subnetIds: [T.dualSubnetA, T.dualSubnetV4Only],
                ipAddressType: "dualstack",
            });
            await refusedLater(
                pe.domainName,
                `\`subnetIds\` must all have an IPv6 CIDR block when \`ipAddressType\` is "dualstack", got: ` +
                    `${T.dualSubnetV4Only} without one. Associate an IPv6 CIDR block with the subnet (and its ` +
                    `VPC), or set \`ipAddressType\` to "ipv4".`,
            );
            await nothingRegisteredFor(mocks, "api");
        });

        it("a subnet outside vpcId", async () => {
            const pe = new PrivateEndpoint("api", { ...base, subnetIds: [T.subnetA, T.otherSubnet] });
            await refusedLater(
                pe.vpcEndpointId,
                `\`subnetIds\` must be subnets of \`vpcId\` (${T.vpcId}), got: ${T.otherSubnet} in ` +
                    `${T.otherVpcId}. Use subnets of ${T.vpcId}, or set \`vpcId\` to the subnets' VPC.`,
            );
            await nothingRegisteredFor(mocks, "api");
        });

        it("a subnet the provider cannot see", async () => {
            const pe = new PrivateEndpoint("api", { ...base, subnetIds: [T.subnetA, T.euSubnetA] });
            await refusedLater(
                pe.vpcEndpointId,
                `\`subnetIds[1]\` must be a subnet the AWS provider can see in us-east-1, got: ` +
                    `"${T.euSubnetA}" (lookup failed: no matching EC2 Subnet found). Check the id and the ` +
                    `provider's region and account.`,
            );
        });

        it("a service in another region than the provider's: not even the security group or the endpoint", async () => {
            const pe = new PrivateEndpoint("api", { ...base, serviceArn: T.euServiceArn });
            await refusedLater(
                pe.vpcIngressConnectionArn,
                `\`serviceArn\` must be in the AWS provider's region (us-east-1), got: "${T.euServiceArn}" ` +
                    `in eu-west-1. Give this component a provider for eu-west-1 (the \`provider\` option), or ` +
                    `connect a service in us-east-1.`,
            );
            await nothingRegisteredFor(mocks, "api");
            assert.deepEqual(mocks.custom(), []);
        });

        for (const region of ["sa-east-1", "us-gov-west-1", "cn-north-1"]) {
            it(`a provider in ${region}, where App Runner does not exist: nothing registered`, async () => {
                const p = new aws.Provider(region, { region: region as aws.Region });
                const pe = new PrivateEndpoint(
                    "api",
                    { serviceArn: T.apiServiceArn, vpcId: T.vpcId, vpcEndpointId: T.existingEndpointId },
                    { provider: p },
                );
                await refusedLater(
                    pe.domainName,
                    [
                        `The AWS provider's region must be one where App Runner exists (us-east-1, us-east-2, ` +
                            `us-west-2, ap-south-1, ap-southeast-1, ap-southeast-2, ap-northeast-1, eu-central-1, ` +
                            `eu-west-1, eu-west-2, eu-west-3), got: ${region}. Set \`aws:region\` to one of them, or ` +
                            `give this component a provider for one (the \`provider\` option).`,
                        `\`serviceArn\` must be in the AWS provider's region (${region}), got: "${T.apiServiceArn}" ` +
                            `in us-east-1. Give this component a provider for us-east-1 (the \`provider\` option), or ` +
                            `connect a service in ${region}.`,
                    ].join("\n"),
                );
                await nothingRegisteredFor(mocks, "api");
            });
        }

        it("a secret serviceArn in another region: refused without echoing it", async () => {
            const pe = new PrivateEndpoint("api", { ...base, serviceArn: pulumi.secret(T.euServiceArn) });
            await refusedLater(
                pe.domainName,
                "`serviceArn` must be in the AWS provider's region (us-east-1), got: [secret] in another " +
                    "region. Give this component a provider for the service's region (the `provider` option), " +
                    "or connect a service in us-east-1.",
            );
            await nothingRegisteredFor(mocks, "api");
        });

        it(
            "a secret connectionName, valid or not: refused for being secret (it would be stored in " + "clear text), without echoing it",
            async () => {
                const pe = new PrivateEndpoint("api", { ...base, connectionName: pulumi.secret("my secret name") });
                await refusedLater(
                    pe.domainName,
                    "`connectionName` must not be a secret, got: [secret]. The name is part of the connection's " +
                        "id and ARN, which Pulumi keeps in the stack's " +
                        "state in clear text (an id cannot be secret). Pass the name as a plain value, or omit " +
                        "`connectionName` to let AWS name the connection.",
                );
                await nothingRegisteredFor(mocks, "api");
            },
        );

        it("a malformed ARN that arrives as an Output", async () => {
            const pe = new PrivateEndpoint("api", { ...base, serviceArn: pulumi.output("api-service") });
            await refusedLater(
                pe.vpcIngressConnectionArn,
                "`serviceArn` must be an App Runner service ARN " +
                    '(arn:aws:apprunner:<region>:<account>:service/<name>/<id>), got: "api-service". Pass the ' +
                    "service's `arn` output, e.g. `service.arn`, not its name, id or URL.",
            );
        });

        it("an invalid connectionName or tags that arrive as Outputs", async () => {
            const pe = new PrivateEndpoint("api", { ...base, connectionName: pulumi.output("no spaces please") });
            await refusedLater(
                pe.vpcIngressConnectionArn,
                "`connectionName` must start with a letter or digit and contain only letters, digits, " +
                    'hyphens and underscores, got: "no spaces please". Use e.g. "no-spaces-please".',
            );
            const tagged = new PrivateEndpoint("admin", { ...base, serviceArn: T.adminServiceArn, tags: pulumi.output({ "aws:x": "y" }) });
            await refusedLater(
                tagged.vpcEndpointId,
                '`tags` keys must not start with "aws:" (reserved for AWS), got: "aws:x". Rename the key, e.g. "x".',
            );
            await nothingRegisteredFor(mocks, "api");
            await nothingRegisteredFor(mocks, "admin");
        });

        it("a null tag value that arrives inside an Output", async () => {
            const pe = new PrivateEndpoint("api", { ...base, tags: pulumi.output({ team: null as unknown as string }) });
            await refusedLater(
                pe.vpcEndpointId,
                '`tags` values must be strings, got: null for key "team". Give the tag a value ("" for an empty one), or remove the key.',
            );
            await nothingRegisteredFor(mocks, "api");
        });

        it("the same service connected twice, when the ARN is an Output", async () => {
            const service = new aws.apprunner.Service("svc", {
                serviceName: "svc-api",
                sourceConfiguration: {
                    imageRepository: {
                        imageIdentifier: "public.ecr.aws/aws-containers/hello-app-runner:latest",
                        imageRepositoryType: "ECR_PUBLIC",
                    },
                },
            });
            const first = new PrivateEndpoint("first", { ...base, serviceArn: service.arn });
            const second = new PrivateEndpoint("second", { serviceArn: service.arn, vpcId: T.vpcId, vpcEndpointId: first.vpcEndpointId });
            const arn = await valueOf(first.vpcIngressConnectionArn);
            assert.match(arn!, /:vpcingressconnection\//);
            await refusedLater(
                second.vpcIngressConnectionArn,
                `\`serviceArn\` is already connected by PrivateEndpoint "first" in this program, got: ` +
                    `"${await valueOf(service.arn)}" again. An App Runner service can have only one VPC ingress ` +
                    `connection: keep one PrivateEndpoint for it and share its \`domainName\`.`,
            );
            assert.deepEqual(
                mocks.custom("aws:cloudcontrol/resource:Resource").map((r) => r.name),
                ["first-connection"],
            );
        });

        it("a subnet another account owns (AWS RAM) is a warning, not an error", async () => {
            const warnings = await capturingWarnings(async () => {
                const pe = new PrivateEndpoint("api", { ...base, subnetIds: [T.subnetA, T.sharedSubnet] });
                assert.match((await valueOf(pe.domainName))!, /awsapprunner\.com$/);
            });
            assert.deepEqual(warnings, [
                `\`subnetIds\` includes ${T.sharedSubnet}, owned by account 210987654321, not the deploying ` +
                    `account 123456789012: subnets shared through AWS RAM are reported not to work for App ` +
                    `Runner private endpoints (aws/apprunner-roadmap#267). Use subnets your account owns.`,
            ]);
        });

        it("an endpoint in one Availability Zone is a warning, not an error", async () => {
            const warnings = await capturingWarnings(async () => {
                const pe = new PrivateEndpoint("api", { ...base, subnetIds: [T.subnetC] });
                assert.match((await valueOf(pe.domainName))!, /awsapprunner\.com$/);
            });
            assert.deepEqual(warnings, [
                "`subnetIds` places the endpoint in one Availability Zone (us-east-1c): if that zone fails, " +
                    "every service behind the endpoint is unreachable. Add a subnet in a second Availability " +
                    "Zone (AWS advises two or more).",
            ]);
            assert.equal(mocks.custom("aws:ec2/vpcEndpoint:VpcEndpoint").length, 1);
        });
    });
});
