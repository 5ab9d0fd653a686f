// The model of AWS (plan/aws), at the level of AWS's APIs: each rule it enforces, with AWS's error code and text, the
// states a connection and an endpoint pass through, and a state kept as plain data between processes.
import * as assert from "node:assert/strict";
import { joined } from "./regex";
import {
    APP_RUNNER_REGIONS,
    AccountState,
    Aws,
    AwsError,
    NetworkError,
    TOPOLOGY as T,
    addNetworkInterface,
    startingAccount,
} from "../plan/aws";

const REGION = "us-east-1";

/** A fresh account on a clock the test moves. */
function account(): { aws: Aws; tick(ms: number): void } {
    let now = Date.UTC(2026, 0, 1);
    const aws = new Aws(startingAccount(), { now: () => now, scale: (ms) => ms });
    return { aws, tick: (ms) => void (now += ms) };
}

/** The AWS error a call answers with, as `<code>: <message>`. */
function refusal(run: () => unknown): string {
    try {
        run();
    } catch (e) {
        if (e instanceof AwsError) return `${e.code}: ${e.message}`;
        if (e instanceof NetworkError) return `network: ${e.message}`;
        throw e;
    }
    throw new Error("expected AWS to refuse the request");
}

const endpoint = (over: Record<string, unknown> = {}) => ({
    VpcEndpointType: "Interface",
    VpcId: T.vpcId,
    ServiceName: "com.amazonaws.us-east-1.apprunner.requests",
    SubnetIds: [T.subnetA, T.subnetB],
    ...over,
});
const connection = (over: Record<string, unknown> = {}) => ({
    ServiceArn: T.adminServiceArn,
    VpcIngressConnectionName: "admin-connection",
    IngressVpcConfiguration: { VpcId: T.vpcId, VpcEndpointId: T.existingEndpointId },
    ...over,
});

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

    describe("EC2: interface endpoints", () => {
        it("one subnet per Availability Zone (real text, terraform-aws-vpc#451)", () => {
            const { aws } = account();
            assert.equal(
                refusal(() => aws.call("ec2", "CreateVpcEndpoint", endpoint({ SubnetIds: [T.subnetA, T.subnetA2] }), REGION)),
                `DuplicateSubnetsInSameZone: Found another VPC endpoint subnet in the availability zone of ` +
                    `${T.subnetA2}. VPC endpoint subnets should be in different availability zones supported by ` +
                    `the VPC endpoint service.`,
            );
        });

        it(
            "subnets and security groups of the endpoint's VPC; IPv6 subnets for dual-stack; App " +
                "Runner's service of this region, Interface only",
            () => {
                const { aws } = account();
                const create = (over: Record<string, unknown>) =>
                    refusal(() => aws.call("ec2", "CreateVpcEndpoint", endpoint(over), REGION));
                assert.equal(
                    create({ SubnetIds: [T.subnetA, T.otherSubnet] }),
                    `InvalidParameter: The subnet ID '${T.otherSubnet}' does not belong to the VPC '${T.vpcId}'.`,
                );
                const otherGroup = aws.call(
                    "ec2",
                    "CreateSecurityGroup",
                    { VpcId: T.otherVpcId, GroupName: "g", Description: "g" },
                    REGION,
                ).GroupId;
                assert.equal(
                    create({ SecurityGroupIds: [otherGroup] }),
                    `InvalidParameter: Security group ${otherGroup} and the VPC ${T.vpcId} belong to different networks.`,
                );
                assert.equal(
                    create({ VpcId: T.dualVpcId, SubnetIds: [T.dualSubnetA, T.dualSubnetV4Only], IpAddressType: "dualstack" }),
                    `InvalidParameter: The subnet ${T.dualSubnetV4Only} does not have an IPv6 CIDR block, which ` +
                        `dualstack IP address type for com.amazonaws.us-east-1.apprunner.requests requires.`,
                );
                assert.equal(
                    create({ ServiceName: "com.amazonaws.eu-west-1.apprunner.requests" }),
                    "InvalidServiceName: The Vpc Endpoint Service 'com.amazonaws.eu-west-1.apprunner.requests' does not exist",
                );
                assert.equal(
                    create({ VpcEndpointType: undefined }),
                    "InvalidParameter: The VPC endpoint service com.amazonaws.us-east-1.apprunner.requests does " +
                        "not support the VPC endpoint type Gateway.",
                );
                assert.equal(
                    create({ SubnetIds: ["subnet-NOPE"] }),
                    "InvalidSubnetId.Malformed: Invalid Subnet Id: 'subnet-NOPE' (expecting 'subnet-...; the Id " +
                        "may only contain lowercase alphanumeric characters and a single dash')",
                );
                aws.call(
                    "ec2",
                    "CreateVpcEndpoint",
                    endpoint({ VpcId: T.dualVpcId, SubnetIds: [T.dualSubnetA, T.dualSubnetB], IpAddressType: "dualstack" }),
                    REGION,
                );
            },
        );

        it("is pending, then available; without security groups it gets the VPC's default group", () => {
            const { aws, tick } = account();
            const { VpcEndpoint: e } = aws.call("ec2", "CreateVpcEndpoint", endpoint(), REGION);
            assert.equal(e.State, "pending");
            const [defaultGroup] = aws.call(
                "ec2",
                "DescribeSecurityGroups",
                {
                    Filters: [
                        { Name: "vpc-id", Values: [T.vpcId] },
                        { Name: "group-name", Values: ["default"] },
                    ],
                },
                REGION,
            ).SecurityGroups;
            assert.deepEqual(e.Groups, [{ GroupId: defaultGroup.GroupId, GroupName: "default" }]);
            tick(60_000);
            assert.equal(
                aws.call("ec2", "DescribeVpcEndpoints", { VpcEndpointIds: [e.VpcEndpointId] }, REGION).VpcEndpoints[0].State,
                "available",
            );
        });

        it("a security group an endpoint uses cannot be deleted until the endpoint is gone (DependencyViolation)", () => {
            const { aws, tick } = account();
            const group = aws.call(
                "ec2",
                "CreateSecurityGroup",
                { VpcId: T.vpcId, GroupName: "endpoint", Description: "endpoint" },
                REGION,
            ).GroupId;
            const id = aws.call("ec2", "CreateVpcEndpoint", endpoint({ SecurityGroupIds: [group] }), REGION).VpcEndpoint.VpcEndpointId;
            const del = () => aws.call("ec2", "DeleteSecurityGroup", { GroupId: group }, REGION);
            assert.equal(refusal(del), `DependencyViolation: resource ${group} has a dependent object`);
            assert.deepEqual(aws.call("ec2", "DeleteVpcEndpoints", { VpcEndpointIds: [id] }, REGION), { Unsuccessful: [] });
            // Deleting: its network interfaces still hold the group.
            assert.equal(refusal(del), `DependencyViolation: resource ${group} has a dependent object`);
            tick(30_000);
            del();
            assert.deepEqual(aws.call("ec2", "DeleteVpcEndpoints", { VpcEndpointIds: [id] }, REGION), {
                Unsuccessful: [
                    {
                        ResourceId: id,
                        Error: { Code: "InvalidVpcEndpoint.NotFound", Message: `The VpcEndpoint Id '${id}' does not exist` },
                    },
                ],
            });
        });
    });

    describe("EC2: security groups and tags", () => {
        it("refuses a duplicate rule and a malformed block, accepts 0.0.0.0/0 (AWS does; the component refuses it by design)", () => {
            const { aws } = account();
            const group = aws.call("ec2", "CreateSecurityGroup", { VpcId: T.vpcId, GroupName: "g", Description: "g" }, REGION).GroupId;
            const rule = (CidrIp: string) => ({
                GroupId: group,
                IpPermissions: [{ IpProtocol: "tcp", FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp }] }],
            });
            aws.call("ec2", "AuthorizeSecurityGroupIngress", rule("0.0.0.0/0"), REGION);
            assert.equal(
                refusal(() => aws.call("ec2", "AuthorizeSecurityGroupIngress", rule("0.0.0.0/0"), REGION)),
                'InvalidPermission.Duplicate: the specified rule "peer: 0.0.0.0/0, TCP, from port: 443, to ' +
                    'port: 443, ALLOW" already exists',
            );
            assert.equal(
                refusal(() => aws.call("ec2", "AuthorizeSecurityGroupIngress", rule("::/0"), REGION)),
                "InvalidParameterValue: CIDR block ::/0 is malformed",
            );
        });

        it("refuses a source group of another VPC, and a group name that looks like an id", () => {
            const { aws } = account();
            const group = aws.call("ec2", "CreateSecurityGroup", { VpcId: T.vpcId, GroupName: "g", Description: "g" }, REGION).GroupId;
            const other = aws.call("ec2", "CreateSecurityGroup", { VpcId: T.otherVpcId, GroupName: "o", Description: "o" }, REGION).GroupId;
            assert.equal(
                refusal(() =>
                    aws.call(
                        "ec2",
                        "AuthorizeSecurityGroupIngress",
                        {
                            GroupId: group,
                            IpPermissions: [{ IpProtocol: "tcp", FromPort: 443, ToPort: 443, UserIdGroupPairs: [{ GroupId: other }] }],
                        },
                        REGION,
                    ),
                ),
                "InvalidGroup.NotFound: You have specified two resources that belong to different networks.",
            );
            assert.equal(
                refusal(() => aws.call("ec2", "CreateSecurityGroup", { VpcId: T.vpcId, GroupName: "sg-123", Description: "x" }, REGION)),
                "InvalidParameterValue: Value (sg-123) for parameter GroupName is invalid. Group names may not be in the format sg-*.",
            );
        });

        it(
            "tag rules: at most 50, keys 1 to 127 Unicode characters (the API reference) without aws: " +
                "in any case, values up to 256, no null value",
            () => {
                const { aws } = account();
                const tag = (Tags: unknown[]) =>
                    refusal(() => aws.call("ec2", "CreateTags", { Resources: [T.existingSecurityGroupId], Tags }, REGION));
                assert.equal(
                    tag([{ Key: "AWS:team", Value: "x" }]),
                    "InvalidParameterValue: Value ( AWS:team ) for parameter key is invalid. Tag keys cannot be " +
                        "empty or null, and cannot start with aws:",
                );
                assert.equal(
                    tag([{ Key: "k".repeat(128), Value: "x" }]),
                    `InvalidParameterValue: Value ( ${"k".repeat(128)} ) for parameter key is invalid. Tag keys ` +
                        `can have a maximum character length of 127`,
                );
                // Characters, not UTF-16 code units: 100 emoji (200 code units) fit a key, 200 fit a value.
                assert.deepEqual(
                    aws.call(
                        "ec2",
                        "CreateTags",
                        { Resources: [T.existingSecurityGroupId], Tags: [{ Key: "😀".repeat(100), Value: "😀".repeat(200) }] },
                        REGION,
                    ),
                    {},
                );
                assert.equal(
                    tag([{ Key: "k", Value: null }]),
                    "InvalidParameterValue: Tag value cannot be null. Use empty string instead.",
                );
                assert.equal(
                    tag(Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}`, Value: "v" }))),
                    "TagLimitExceeded: The maximum number of tags for a resource has been reached. A resource can have at most 50 tags.",
                );
            },
        );
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

    describe('default VPCs (EC2 User Guide, "Default VPCs": one in every region of an account)', () => {
        it("the starting account has one in every region App Runner is in, each with a default subnet in zones a, b and c", () => {
            const state = startingAccount();
            for (const region of APP_RUNNER_REGIONS) {
                const defaults = state.vpcs.filter((v) => v.Region === region && v.IsDefault);
                assert.equal(defaults.length, 1, region);
                assert.deepEqual(
                    state.subnets.filter((s) => s.VpcId === defaults[0].VpcId && s.DefaultForAz).map((s) => s.AvailabilityZone),
                    ["a", "b", "c"].map((z) => `${region}${z}`),
                );
            }
        });

        it("a topology VPC with default: true is its region's default, in place of the simulated one", () => {
            const state = startingAccount({
                vpcs: [{ id: "vpc-0a1b2c3d4e5f60718", region: "eu-central-1", cidrBlocks: ["10.50.0.0/16"], default: true }],
            });
            assert.deepEqual(
                state.vpcs.filter((v) => v.Region === "eu-central-1" && v.IsDefault).map((v) => v.VpcId),
                ["vpc-0a1b2c3d4e5f60718"],
            );
            assert.equal(state.vpcs.filter((v) => v.Region === "us-east-1" && v.IsDefault).length, 1);
        });
    });

    describe("endpoint services: the zones they are offered in", () => {
        it("DescribeVpcEndpointServices answers App Runner's two services, each in the region's zones unless narrowed", () => {
            const { aws } = account();
            const details = aws.call("ec2", "DescribeVpcEndpointServices", {}, REGION).ServiceDetails;
            assert.deepEqual(
                details.map((d: { ServiceName: string; AvailabilityZones: string[] }) => [d.ServiceName, d.AvailabilityZones]),
                [
                    ["com.amazonaws.us-east-1.apprunner.requests", ["us-east-1a", "us-east-1b", "us-east-1c"]],
                    ["com.amazonaws.us-east-1.apprunner", ["us-east-1a", "us-east-1b", "us-east-1c"]],
                ],
            );
            assert.equal(
                refusal(() => aws.call("ec2", "DescribeVpcEndpointServices", { ServiceNames: ["com.amazonaws.us-east-1.s3"] }, REGION)),
                "InvalidServiceName: The Vpc Endpoint Service 'com.amazonaws.us-east-1.s3' does not exist",
            );
        });

        it("an endpoint in a subnet of a zone the service is not offered in is refused (AWS's text)", () => {
            const { aws } = account();
            aws.account.state.endpointServiceZones = { "com.amazonaws.us-east-1.apprunner.requests": ["us-east-1a"] };
            assert.deepEqual(
                aws.call("ec2", "DescribeVpcEndpointServices", { ServiceNames: ["com.amazonaws.us-east-1.apprunner.requests"] }, REGION)
                    .ServiceDetails[0].AvailabilityZones,
                ["us-east-1a"],
            );
            assert.equal(
                refusal(() => aws.call("ec2", "CreateVpcEndpoint", endpoint(), REGION)),
                `InvalidParameter: The VPC endpoint service com.amazonaws.us-east-1.apprunner.requests does ` +
                    `not support the availability zone of the subnet: ${T.subnetB}.`,
            );
        });

        it("network interfaces are found by security group: an endpoint's, and the account's own", () => {
            const { aws } = account();
            addNetworkInterface(aws.account, REGION, {
                SubnetId: T.subnetA,
                GroupIds: [T.existingSecurityGroupId],
                Description: "an instance",
            });
            const found = aws.call(
                "ec2",
                "DescribeNetworkInterfaces",
                { Filters: [{ Name: "group-id", Values: [T.existingSecurityGroupId] }] },
                REGION,
            ).NetworkInterfaces;
            assert.deepEqual(
                found.map((n: { Description: string }) => n.Description),
                [`VPC Endpoint Interface ${T.existingEndpointId}`, `VPC Endpoint Interface ${T.existingEndpointId}`, "an instance"],
            );
        });
    });

    describe("Cloud Control", () => {
        it("reads a service's CloudFormation model, and says NotFound as Cloud Control wraps it", () => {
            const { aws } = account();
            const { ResourceDescription } = aws.call(
                "cloudcontrol",
                "GetResource",
                { TypeName: "AWS::AppRunner::Service", Identifier: T.apiServiceArn },
                REGION,
            );
            const properties = JSON.parse(ResourceDescription.Properties);
            assert.equal(properties.ServiceArn, T.apiServiceArn);
            assert.equal(properties.NetworkConfiguration.IngressConfiguration.IsPubliclyAccessible, false);
            assert.ok(!("Tags" in properties), "Tags are write-only in the CloudFormation schema");
            const missing = T.apiServiceArn.replace("api-service", "gone");
            assert.match(
                refusal(() =>
                    aws.call("cloudcontrol", "GetResource", { TypeName: "AWS::AppRunner::Service", Identifier: missing }, REGION),
                ),
                new RegExp(
                    `^ResourceNotFoundException: AWS::AppRunner::Service Handler returned status FAILED: ` +
                        `Service not found: ${missing.replace(/[/.]/g, "\\$&")} \\(HandlerErrorCode: NotFound, ` +
                        `RequestToken: [0-9a-f-]{36}\\)$`,
                ),
            );
        });
    });

    describe("Cloud Control: AWS::AppRunner::VpcIngressConnection", () => {
        const TYPE = "AWS::AppRunner::VpcIngressConnection";
        const wait = (aws: Aws, tick: (ms: number) => void, token: string) => {
            for (let i = 0; i < 20; i++) {
                const e = aws.call("cloudcontrol", "GetResourceRequestStatus", { RequestToken: token }, REGION).ProgressEvent;
                if (e.OperationStatus !== "IN_PROGRESS" && e.OperationStatus !== "PENDING") return e;
                tick(10_000);
            }
            throw new Error("never finished");
        };
        const desired = (over: Record<string, unknown> = {}) =>
            JSON.stringify({
                ServiceArn: T.adminServiceArn,
                IngressVpcConfiguration: { VpcId: T.vpcId, VpcEndpointId: T.existingEndpointId },
                ...over,
            });

        it("creates through App Runner, naming an unnamed connection, and answers its model; the same client token is one request", () => {
            const { aws, tick } = account();
            const first = aws.call(
                "cloudcontrol",
                "CreateResource",
                { TypeName: TYPE, DesiredState: desired(), ClientToken: "t1" },
                REGION,
            ).ProgressEvent;
            assert.deepEqual([first.Operation, first.OperationStatus], ["CREATE", "IN_PROGRESS"]);
            const again = aws.call(
                "cloudcontrol",
                "CreateResource",
                { TypeName: TYPE, DesiredState: desired(), ClientToken: "t1" },
                REGION,
            ).ProgressEvent;
            assert.equal(again.RequestToken, first.RequestToken);
            const done = wait(aws, tick, first.RequestToken);
            assert.equal(done.OperationStatus, "SUCCESS");
            const model = JSON.parse(
                aws.call("cloudcontrol", "GetResource", { TypeName: TYPE, Identifier: done.Identifier }, REGION).ResourceDescription
                    .Properties,
            );
            assert.match(model.VpcIngressConnectionName, /^VpcIngressConnection-[A-Za-z0-9]{12}$/);
            assert.deepEqual(
                [model.VpcIngressConnectionArn, model.Status, model.ServiceArn, model.IngressVpcConfiguration],
                [done.Identifier, "AVAILABLE", T.adminServiceArn, { VpcId: T.vpcId, VpcEndpointId: T.existingEndpointId }],
            );
            assert.ok(!("Tags" in model), "Tags are write-only");
        });

        it("updates the endpoint in place with a JSON patch (UpdateVpcIngressConnection), and refuses a create-only path", () => {
            const { aws, tick } = account();
            const created = wait(
                aws,
                tick,
                aws.call("cloudcontrol", "CreateResource", { TypeName: TYPE, DesiredState: desired() }, REGION).ProgressEvent.RequestToken,
            );
            const arn = created.Identifier;
            const other = aws.call("ec2", "CreateVpcEndpoint", endpoint(), REGION).VpcEndpoint.VpcEndpointId;
            const patch = (ops: object[]) =>
                aws.call("cloudcontrol", "UpdateResource", { TypeName: TYPE, Identifier: arn, PatchDocument: JSON.stringify(ops) }, REGION)
                    .ProgressEvent;
            assert.equal(
                refusal(() => patch([{ op: "replace", path: "/ServiceArn", value: T.apiServiceArn }])),
                "NotUpdatableException: Invalid patch update: createOnlyProperties [/properties/ServiceArn] cannot be updated",
            );
            const update = patch([{ op: "replace", path: "/IngressVpcConfiguration/VpcEndpointId", value: other }]);
            assert.deepEqual([update.Operation, update.OperationStatus], ["UPDATE", "IN_PROGRESS"]);
            const connection = () =>
                aws.call("apprunner", "DescribeVpcIngressConnection", { VpcIngressConnectionArn: arn }, REGION).VpcIngressConnection;
            assert.equal(connection().Status, "PENDING_UPDATE");
            assert.equal(wait(aws, tick, update.RequestToken).OperationStatus, "SUCCESS");
            assert.deepEqual([connection().Status, connection().IngressVpcConfiguration.VpcEndpointId], ["AVAILABLE", other]);
        });

        it("a failed move is a FAILED event with the handler's code; App Runner's refusal is InvalidRequest", () => {
            const { aws, tick } = account();
            const arn = wait(
                aws,
                tick,
                aws.call("cloudcontrol", "CreateResource", { TypeName: TYPE, DesiredState: desired() }, REGION).ProgressEvent.RequestToken,
            ).Identifier;
            const other = aws.call("ec2", "CreateVpcEndpoint", endpoint(), REGION).VpcEndpoint.VpcEndpointId;
            const update = aws.call(
                "cloudcontrol",
                "UpdateResource",
                {
                    TypeName: TYPE,
                    Identifier: arn,
                    PatchDocument: JSON.stringify([{ op: "replace", path: "/IngressVpcConfiguration/VpcEndpointId", value: other }]),
                },
                REGION,
            ).ProgressEvent;
            aws.failPendingChange(arn);
            const failed = wait(aws, tick, update.RequestToken);
            assert.deepEqual(
                [failed.OperationStatus, failed.ErrorCode, failed.StatusMessage],
                [
                    "FAILED",
                    "NotStabilized",
                    `Resource of type '${TYPE}' with identifier '${arn}' did not stabilize: its status is FAILED_UPDATE.`,
                ],
            );
            const again = aws.call("cloudcontrol", "CreateResource", { TypeName: TYPE, DesiredState: desired() }, REGION).ProgressEvent;
            assert.deepEqual([again.OperationStatus, again.ErrorCode], ["FAILED", "InvalidRequest"]);
            assert.match(again.StatusMessage, new RegExp(`already has a VPC ingress connection: ${arn.replace(/[/.]/g, "\\$&")}$`));
        });

        it("CloudFormation's DescribeType answers the registry's schema; an unknown type is TypeNotFoundException", () => {
            const { aws } = account();
            const type = aws.call("cloudformation", "DescribeType", { Type: "RESOURCE", TypeName: TYPE }, REGION);
            const schema = JSON.parse(type.Schema);
            assert.deepEqual(schema.createOnlyProperties, [
                "/properties/VpcIngressConnectionName",
                "/properties/ServiceArn",
                "/properties/Tags",
            ]);
            assert.equal(
                refusal(() => aws.call("cloudformation", "DescribeType", { Type: "RESOURCE", TypeName: "AWS::No::Such" }, REGION)),
                "TypeNotFoundException: The type 'AWS::No::Such' cannot be found.",
            );
        });
    });

    it("keeps its whole state as plain data: a copy through JSON enforces what the original knew", () => {
        const { aws } = account();
        aws.call("apprunner", "CreateVpcIngressConnection", connection(), REGION);
        const copy = new Aws(JSON.parse(JSON.stringify(aws.account.state)) as AccountState);
        assert.deepEqual(copy.account.state, aws.account.state);
        assert.match(
            refusal(() => copy.call("apprunner", "CreateVpcIngressConnection", connection({ VpcIngressConnectionName: "again" }), REGION)),
            /already has a VPC ingress connection/,
        );
    });
});
