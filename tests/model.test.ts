// The model of AWS (plan/aws), at the level of AWS's APIs: App Runner. Each rule it enforces, with AWS's error code and
// text, the states a connection passes through, and a state kept as plain data between processes.
import * as assert from "node:assert/strict";
import { joined } from "./regex";
import { Aws, TOPOLOGY as T } from "../plan/aws";
import { REGION, account, connection, endpoint, refusal } from "./model-fixtures";

describe("the AWS model (plan/aws)", () => {
    describe("App Runner: VPC ingress connections", () => {
        it("a name is 4 to 40 letters, digits, hyphens and underscores, starting with a letter or digit (API model)", () => {
            const { aws } = account();
            for (const name of ["abc", "-abc", "a".repeat(41), "has space"]) {
                assert.equal(
                    refusal(() =>
                        aws.call("apprunner", "CreateVpcIngressConnection", connection({ VpcIngressConnectionName: name }), REGION),
                    ),
                    `InvalidRequestException: 1 validation error detected: Value '${name}' at ` +
                        `'vpcIngressConnectionName' failed to satisfy constraint: ` +
                        "Member must satisfy regular expression pattern: [A-Za-z0-9][A-Za-z0-9\\-_]{3,39}",
                );
            }
            aws.call("apprunner", "CreateVpcIngressConnection", connection({ VpcIngressConnectionName: "a_b-c" }), REGION);
        });

        it("a service has one connection; a name is unique among active connections", () => {
            const { aws } = account();
            const { VpcIngressConnection: first } = aws.call("apprunner", "CreateVpcIngressConnection", connection(), REGION);
            assert.equal(
                refusal(() =>
                    aws.call("apprunner", "CreateVpcIngressConnection", connection({ VpcIngressConnectionName: "other" }), REGION),
                ),
                `InvalidRequestException: Service ${T.adminServiceArn} already has a VPC ingress ` +
                    `connection: ${first.VpcIngressConnectionArn}`,
            );
            assert.equal(
                refusal(() => aws.call("apprunner", "CreateVpcIngressConnection", connection({ ServiceArn: T.apiServiceArn }), REGION)),
                "InvalidRequestException: A VPC ingress connection with the name admin-connection already exists.",
            );
        });

        it("the service exists, and the endpoint exists, serves App Runner in the region and is in the VPC", () => {
            const { aws } = account();
            const missing = T.adminServiceArn.replace("admin-service", "gone-service");
            const create = (over: Record<string, unknown>) =>
                refusal(() => aws.call("apprunner", "CreateVpcIngressConnection", connection(over), REGION));
            assert.equal(create({ ServiceArn: missing }), `InvalidRequestException: Service not found: ${missing}`);
            assert.equal(
                create({ IngressVpcConfiguration: { VpcId: T.vpcId, VpcEndpointId: "vpce-0123456789abcdef0" } }),
                "InvalidRequestException: VPC endpoint vpce-0123456789abcdef0 was not found.",
            );
            assert.equal(
                create({ IngressVpcConfiguration: { VpcId: T.otherVpcId, VpcEndpointId: T.existingEndpointId } }),
                `InvalidRequestException: VPC endpoint ${T.existingEndpointId} is not in VPC ${T.otherVpcId}.`,
            );
            assert.equal(
                create({ IngressVpcConfiguration: { VpcId: "vpc-0123456789abcdef0", VpcEndpointId: T.existingEndpointId } }),
                "InvalidRequestException: VPC vpc-0123456789abcdef0 was not found.",
            );
            assert.equal(create({ ServiceArn: "not-an-arn" }).split(": ")[0], "InvalidRequestException");
        });

        it("App Runner has no endpoint outside its 11 regions", () => {
            const { aws } = account();
            assert.equal(
                refusal(() =>
                    aws.call(
                        "apprunner",
                        "DescribeVpcIngressConnection",
                        { VpcIngressConnectionArn: "arn:aws:apprunner:ca-central-1:123456789012:vpcingressconnection/x/y" },
                        "ca-central-1",
                    ),
                ),
                "network: dial tcp: lookup apprunner.ca-central-1.amazonaws.com: no such host",
            );
        });

        it("passes through PENDING_CREATION to AVAILABLE, and PENDING_DELETION to DELETED; delete is refused while pending", () => {
            const { aws, tick } = account();
            const arn = aws.call("apprunner", "CreateVpcIngressConnection", connection(), REGION).VpcIngressConnection
                .VpcIngressConnectionArn;
            const status = () =>
                aws.call("apprunner", "DescribeVpcIngressConnection", { VpcIngressConnectionArn: arn }, REGION).VpcIngressConnection.Status;
            assert.equal(status(), "PENDING_CREATION");
            assert.equal(
                refusal(() => aws.call("apprunner", "DeleteVpcIngressConnection", { VpcIngressConnectionArn: arn }, REGION)),
                `InvalidStateException: VpcIngressConnection ${arn} is in PENDING_CREATION status, and can't be deleted.`,
            );
            tick(30_000);
            assert.equal(status(), "AVAILABLE");
            assert.equal(
                aws.call("apprunner", "DeleteVpcIngressConnection", { VpcIngressConnectionArn: arn }, REGION).VpcIngressConnection.Status,
                "PENDING_DELETION",
            );
            tick(20_000);
            assert.equal(status(), "DELETED");
            // A deleted connection frees its service and its name.
            aws.call("apprunner", "CreateVpcIngressConnection", connection(), REGION);
        });

        it("a change AWS was asked to fail ends in FAILED_CREATION, from which the connection can be deleted", () => {
            const { aws, tick } = account();
            const arn = aws.call("apprunner", "CreateVpcIngressConnection", connection(), REGION).VpcIngressConnection
                .VpcIngressConnectionArn;
            aws.failPendingChange(arn);
            tick(30_000);
            assert.equal(
                aws.call("apprunner", "DescribeVpcIngressConnection", { VpcIngressConnectionArn: arn }, REGION).VpcIngressConnection.Status,
                "FAILED_CREATION",
            );
            aws.call("apprunner", "DeleteVpcIngressConnection", { VpcIngressConnectionArn: arn }, REGION);
        });

        it(
            "moves in place: PENDING_UPDATE, then AVAILABLE, its ARN, name and domain name kept; " +
                "refused while pending or to another VPC's endpoint",
            () => {
                const { aws, tick } = account();
                const created = aws.call("apprunner", "CreateVpcIngressConnection", connection(), REGION).VpcIngressConnection;
                const arn = created.VpcIngressConnectionArn;
                const move = (over: Record<string, unknown> = {}) =>
                    aws.call(
                        "apprunner",
                        "UpdateVpcIngressConnection",
                        { VpcIngressConnectionArn: arn, IngressVpcConfiguration: { VpcId: T.vpcId, VpcEndpointId: other, ...over } },
                        REGION,
                    );
                const describe = () =>
                    aws.call("apprunner", "DescribeVpcIngressConnection", { VpcIngressConnectionArn: arn }, REGION).VpcIngressConnection;
                const other = aws.call("ec2", "CreateVpcEndpoint", endpoint(), REGION).VpcEndpoint.VpcEndpointId;
                assert.equal(
                    refusal(() => move()),
                    `InvalidStateException: VpcIngressConnection ${arn} is in PENDING_CREATION status, and can't be updated.`,
                );
                tick(30_000);
                assert.equal(move().VpcIngressConnection.Status, "PENDING_UPDATE");
                assert.equal(
                    refusal(() => move()),
                    `InvalidStateException: VpcIngressConnection ${arn} is in PENDING_UPDATE status, and can't be updated.`,
                );
                tick(30_000);
                const moved = describe();
                assert.deepEqual(
                    [
                        moved.Status,
                        moved.VpcIngressConnectionArn,
                        moved.VpcIngressConnectionName,
                        moved.DomainName,
                        moved.IngressVpcConfiguration,
                    ],
                    ["AVAILABLE", arn, "admin-connection", created.DomainName, { VpcId: T.vpcId, VpcEndpointId: other }],
                );
                assert.match(
                    refusal(() => move({ VpcId: T.otherVpcId })),
                    /^InvalidRequestException: /,
                );
                assert.match(
                    refusal(() => move({ VpcEndpointId: "vpce-0123456789abcdef0" })),
                    /^InvalidRequestException: /,
                );
                assert.equal(describe().IngressVpcConfiguration.VpcEndpointId, other, "a refused move changes nothing");
            },
        );

        it("a move AWS was asked to fail ends in FAILED_UPDATE, from which it can be moved again", () => {
            const { aws, tick } = account();
            const arn = aws.call("apprunner", "CreateVpcIngressConnection", connection(), REGION).VpcIngressConnection
                .VpcIngressConnectionArn;
            tick(30_000);
            const other = aws.call("ec2", "CreateVpcEndpoint", endpoint(), REGION).VpcEndpoint.VpcEndpointId;
            const move = (to: string) =>
                aws.call(
                    "apprunner",
                    "UpdateVpcIngressConnection",
                    { VpcIngressConnectionArn: arn, IngressVpcConfiguration: { VpcId: T.vpcId, VpcEndpointId: to } },
                    REGION,
                );
            const status = () =>
                aws.call("apprunner", "DescribeVpcIngressConnection", { VpcIngressConnectionArn: arn }, REGION).VpcIngressConnection.Status;
            move(other);
            aws.failPendingChange(arn);
            tick(30_000);
            assert.equal(status(), "FAILED_UPDATE");
            move(T.existingEndpointId);
            tick(30_000);
            assert.equal(status(), "AVAILABLE");
        });

        it("a service cannot be deleted while it has an AVAILABLE connection (real text, terraform-provider-aws#40896)", () => {
            const { aws, tick } = account();
            const arn = aws.call("apprunner", "CreateVpcIngressConnection", connection(), REGION).VpcIngressConnection
                .VpcIngressConnectionArn;
            tick(30_000);
            assert.equal(
                refusal(() => aws.call("apprunner", "DeleteService", { ServiceArn: T.adminServiceArn }, REGION)),
                `InvalidStateException: You cannot delete a Service while it has VpcIngressConnections with ` +
                    `a status of AVAILABLE. Service Arn: ${T.adminServiceArn} VpcIngressConnection Arn: ${arn}`,
            );
        });

        it("lists a service's connections, giving only the two ARNs", () => {
            const { aws } = account();
            const arn = aws.call("apprunner", "CreateVpcIngressConnection", connection(), REGION).VpcIngressConnection
                .VpcIngressConnectionArn;
            assert.deepEqual(aws.call("apprunner", "ListVpcIngressConnections", { Filter: { ServiceArn: T.adminServiceArn } }, REGION), {
                VpcIngressConnectionSummaryList: [{ VpcIngressConnectionArn: arn, ServiceArn: T.adminServiceArn }],
            });
        });
    });

    describe("App Runner's API model: ARNs and tags", () => {
        const connect = (aws: Aws, ServiceArn: string) =>
            refusal(() => aws.call("apprunner", "CreateVpcIngressConnection", connection({ ServiceArn }), REGION));
        it("an ARN is at most 1,011 characters in all (AppRunnerResourceArn: max 1011)", () => {
            const { aws } = account();
            const long = `${T.adminServiceArn}${"x".repeat(1011 - T.adminServiceArn.length + 1)}`;
            assert.equal(
                connect(aws, long),
                `InvalidRequestException: 1 validation error detected: Value '${long}' at 'serviceArn' ` +
                    `failed to satisfy constraint: Member must have length less than or equal to 1011`,
            );
        });
        it(
            "tags: keys and values counted in Unicode characters, no line terminator (TagKey " + "^(?!aws:).+, TagValue .*, matched whole)",
            () => {
                const { aws } = account();
                const tag = (Key: string, Value = "v") =>
                    refusal(() => aws.call("apprunner", "TagResource", { ResourceArn: T.adminServiceArn, Tags: [{ Key, Value }] }, REGION));
                assert.deepEqual(
                    aws.call(
                        "apprunner",
                        "TagResource",
                        { ResourceArn: T.adminServiceArn, Tags: [{ Key: "😀".repeat(128), Value: "😀".repeat(256) }] },
                        REGION,
                    ),
                    {},
                );
                assert.match(tag("😀".repeat(129)), /Member must have length less than or equal to 128$/);
                // A tab is no line terminator: `.` matches it.
                assert.deepEqual(
                    aws.call(
                        "apprunner",
                        "TagResource",
                        { ResourceArn: T.adminServiceArn, Tags: [{ Key: "team\tname", Value: "v" }] },
                        REGION,
                    ),
                    {},
                );
                assert.equal(
                    tag("team\nname"),
                    "InvalidRequestException: 1 validation error detected: Value 'team\nname' at " +
                        "'tags.member.key' failed to satisfy constraint: Member must satisfy regular expression " +
                        "pattern: ^(?!aws:).+",
                );
                assert.match(
                    tag("k", "line\r\nbreak"),
                    /at 'tags.member.value' failed to satisfy constraint: Member must satisfy regular expression pattern: \.\*$/,
                );
            },
        );
    });

    describe("an account App Runner does not serve (closed to new customers since 30 April 2026)", () => {
        it("answers every App Runner call, and Cloud Control's App Runner handlers, with SubscriptionRequiredException", () => {
            const { aws } = account();
            aws.account.state.appRunnerSubscription = false;
            assert.equal(
                refusal(() => aws.call("apprunner", "DescribeService", { ServiceArn: T.apiServiceArn }, REGION)),
                "SubscriptionRequiredException: The AWS Access Key Id needs a subscription for the service",
            );
            assert.match(
                refusal(() =>
                    aws.call("cloudcontrol", "GetResource", { TypeName: "AWS::AppRunner::Service", Identifier: T.apiServiceArn }, REGION),
                ),
                joined(
                    /^GeneralServiceException: AWS::AppRunner::Service Handler returned status /,
                    /FAILED: The AWS Access Key Id needs a subscription for the service \(Service: /,
                    /AppRunner, Status Code: 400\) \(HandlerErrorCode: GeneralServiceException, /,
                    /RequestToken: [0-9a-f-]{36}\)$/,
                ),
            );
            const created = aws.call(
                "cloudcontrol",
                "CreateResource",
                {
                    TypeName: "AWS::AppRunner::VpcIngressConnection",
                    DesiredState: JSON.stringify({
                        ServiceArn: T.apiServiceArn,
                        IngressVpcConfiguration: { VpcId: T.vpcId, VpcEndpointId: T.existingEndpointId },
                    }),
                },
                REGION,
            ).ProgressEvent;
            assert.deepEqual([created.OperationStatus, created.ErrorCode], ["FAILED", "GeneralServiceException"]);
            // EC2 is not App Runner: it answers as ever.
            assert.equal(aws.call("ec2", "DescribeVpcs", { VpcIds: [T.vpcId] }, REGION).Vpcs.length, 1);
        });
    });
});
