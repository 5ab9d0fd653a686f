// The component's refusals of values known at construction: refused before any child is registered.
import * as aws from "@pulumi/aws";
import * as assert from "node:assert/strict";
import { PrivateEndpoint, PrivateEndpointArgs } from "../sdk/index";
import { AwsMocks, TOPOLOGY as T, valueOf } from "./mocks";
import { base, capturingWarnings, nothingRegisteredFor, refusedNow } from "./errors-fixtures";

describe("PrivateEndpoint refuses bad input", () => {
    describe("known at construction: before any child is registered", () => {
        const cases: [string, Partial<PrivateEndpointArgs>, string][] = [
            [
                "both subnetIds and vpcEndpointId",
                { ...base, vpcEndpointId: T.existingEndpointId },
                "Only one of `subnetIds` or `vpcEndpointId` can be provided. Pass `subnetIds` to create a " +
                    "new App Runner interface endpoint, or `vpcEndpointId` to reuse an existing one.",
            ],
            [
                "neither subnetIds nor vpcEndpointId",
                { serviceArn: T.apiServiceArn, vpcId: T.vpcId },
                "Either `subnetIds` or `vpcEndpointId` must be provided. Pass `subnetIds` to create a new " +
                    "App Runner interface endpoint, or `vpcEndpointId` to reuse an existing one.",
            ],
            [
                "securityGroupIds with vpcEndpointId",
                {
                    serviceArn: T.apiServiceArn,
                    vpcId: T.vpcId,
                    vpcEndpointId: T.existingEndpointId,
                    securityGroupIds: [T.existingSecurityGroupId],
                },
                "`securityGroupIds` applies only to a new endpoint and cannot be combined with " +
                    "`vpcEndpointId`. Configure the endpoint that `vpcEndpointId` names, or pass `subnetIds` " +
                    "instead of `vpcEndpointId`.",
            ],
            [
                "a missing serviceArn",
                { vpcId: T.vpcId, subnetIds: [T.subnetA, T.subnetB] },
                "`serviceArn` is required, got: undefined. Pass the ARN of the App Runner service to make private, e.g. `service.arn`.",
            ],
            [
                "a service URL for serviceArn",
                { ...base, serviceArn: "abcdefghij.us-east-1.awsapprunner.com" },
                "`serviceArn` must be an App Runner service ARN " +
                    "(arn:aws:apprunner:<region>:<account>:service/<name>/<id>), got: " +
                    '"abcdefghij.us-east-1.awsapprunner.com". Pass the service\'s `arn` output, e.g. ' +
                    "`service.arn`, not its name, id or URL.",
            ],
            [
                "a VPC name for vpcId",
                { ...base, vpcId: "main" },
                '`vpcId` must be a VPC id (vpc- and 8 or 17 hexadecimal characters), got: "main". Pass the ' +
                    "VPC's `id` output, e.g. `vpc.id`.",
            ],
            [
                "empty subnetIds",
                { ...base, subnetIds: [] },
                "`subnetIds` must list at least one id, got: []. List one subnet in each Availability Zone " +
                    "the endpoint should serve (two or more advised), or pass `vpcEndpointId` to reuse an " +
                    "endpoint.",
            ],
            [
                "a repeated subnet",
                { ...base, subnetIds: [T.subnetA, T.subnetA] },
                `\`subnetIds\` must not repeat an id, got: "${T.subnetA}" twice. Remove the duplicate.`,
            ],
            [
                "a malformed vpcEndpointId",
                { serviceArn: T.apiServiceArn, vpcId: T.vpcId, vpcEndpointId: "vpce-123" },
                "`vpcEndpointId` must be a VPC endpoint id (vpce- and 8 or 17 hexadecimal characters), got: " +
                    "\"vpce-123\". Pass the endpoint's id, e.g. an InterfaceEndpoint's `vpcEndpointId`.",
            ],
            [
                "an invalid CIDR block",
                { ...base, allowedCidrBlocks: ["10.0.0.0/16", "10.0.0.1/8"] },
                '`allowedCidrBlocks[1]` must be a network address in canonical form (host bits zero), got: "10.0.0.1/8". Use 10.0.0.0/8.',
            ],
            [
                "0.0.0.0/0",
                { ...base, allowedCidrBlocks: ["0.0.0.0/0"] },
                "`allowedCidrBlocks[0]` must not be 0.0.0.0/0 (it admits every address that can route into " +
                    'the VPC, peered VPCs and VPN or Direct Connect sites included), got: "0.0.0.0/0". List ' +
                    "your clients' CIDR blocks, or omit `allowedCidrBlocks` to allow the VPC's.",
            ],
            [
                "an invalid connectionName",
                { ...base, connectionName: "api" },
                '`connectionName` must be 4 to 40 characters, got: 3 characters ("api"). Choose a name of ' +
                    "that length, or omit it to let AWS name the connection.",
            ],
            [
                "a reserved tag key",
                { ...base, tags: { "aws:team": "x" } },
                '`tags` keys must not start with "aws:" (reserved for AWS), got: "aws:team". Rename the key, e.g. "team".',
            ],
        ];
        for (const [what, args, message] of cases) it(what, () => refusedNow(args, message));

        it("a 1 MB argument: one message of a few hundred characters, the value cut at 200", async () => {
            const message =
                `\`serviceArn\` must be an App Runner service ARN ` +
                `(arn:aws:apprunner:<region>:<account>:service/<name>/<id>), got: "${"a".repeat(200)}…" ` +
                "(1048576 characters, 1048376 not shown). Pass the service's `arn` output, e.g. `service.arn`, not its name, id or URL.";
            assert.ok(message.length < 500);
            await refusedNow({ ...base, serviceArn: "a".repeat(1 << 20) }, message);
        });

        it("a null tag value, refused and named by its key rather than dropped", () =>
            refusedNow(
                { ...base, tags: { team: "payments", owner: null as unknown as string } },
                '`tags` values must be strings, got: null for key "owner". Give the tag a value ("" for an empty one), or remove the key.',
            ));

        it("reports every problem at once, one per line", () =>
            refusedNow(
                { serviceArn: "x", vpcId: T.vpcId, subnetIds: [T.subnetA, T.subnetB], tags: { "aws:a": "b" } },
                [
                    "`serviceArn` must be an App Runner service ARN " +
                        '(arn:aws:apprunner:<region>:<account>:service/<name>/<id>), got: "x". Pass the service\'s ' +
                        "`arn` output, e.g. `service.arn`, not its name, id or URL.",
                    '`tags` keys must not start with "aws:" (reserved for AWS), got: "aws:a". Rename the key, e.g. "a".',
                ].join("\n"),
            ));

        it("an App Runner Service resource instead of its ARN: one line, not the resource", async () => {
            const mocks = new AwsMocks().install();
            const service = new aws.apprunner.Service("svc", {
                serviceName: "svc-api",
                sourceConfiguration: {
                    imageRepository: {
                        imageIdentifier: "public.ecr.aws/aws-containers/hello-app-runner:latest",
                        imageRepositoryType: "ECR_PUBLIC",
                    },
                },
            });
            assert.throws(() => new PrivateEndpoint("api", { ...base, serviceArn: service as any }), {
                message: "`serviceArn` must be an App Runner service ARN, got: an App Runner Service resource. Pass `service.arn`.",
            });
            await nothingRegisteredFor(mocks, "api");
        });

        it("a long component name is no concern: AWS names the connection itself, within its 40 characters", async () => {
            const mocks = new AwsMocks().install();
            const name = "payments-api-eu-central-1-and-more-words-than-forty";
            let arn: string | undefined;
            const warnings = await capturingWarnings(async () => {
                const pe = new PrivateEndpoint(name, { serviceArn: T.apiServiceArn, vpcId: T.vpcId, vpcEndpointId: T.existingEndpointId });
                arn = await valueOf(pe.vpcIngressConnectionArn);
                await mocks.settle();
            });
            assert.deepEqual(warnings, []);
            assert.match(arn!, /:vpcingressconnection\/[A-Za-z0-9][A-Za-z0-9_-]{3,39}\//);
        });

        it("the same service connected twice in one program", async () => {
            const mocks = new AwsMocks().install();
            new PrivateEndpoint("api", base);
            assert.throws(
                () =>
                    new PrivateEndpoint("api-again", { serviceArn: T.apiServiceArn, vpcId: T.vpcId, vpcEndpointId: T.existingEndpointId }),
                {
                    message:
                        `\`serviceArn\` is already connected by PrivateEndpoint "api" in this program, got: ` +
                        `"${T.apiServiceArn}" again. An App Runner service can have only one VPC ingress ` +
                        `connection: keep one PrivateEndpoint for it and share its \`domainName\`.`,
                },
            );
            await nothingRegisteredFor(mocks, "api-again");
        });
    });
});
