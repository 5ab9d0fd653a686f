// The model of AWS (plan/aws), at the level of AWS's APIs: EC2's interface endpoints, security groups, tags, default
// VPCs and endpoint services, each rule with AWS's error code and text.
import * as assert from "node:assert/strict";
import { APP_RUNNER_REGIONS, TOPOLOGY as T, addNetworkInterface, startingAccount } from "../plan/aws";
import { REGION, account, endpoint, refusal } from "./model-fixtures";

describe("the AWS model (plan/aws)", () => {
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
});
