// `aws.ec2.Subnet`: hashicorp/terraform-provider-aws internal/service/ec2/vpc_subnet.go.
import { SdkError } from "../context";
import { bool, io, map, num, out, str } from "../schema";
import { arn, cidrNetwork, oneOf } from "../validators";
import { ResourceType, notFound, region, retryDependency, step, tagSpec, tags, tagsOut } from "./common";

export const subnet: ResourceType = {
    tagging: "ec2",
    schema: {
        token: "aws:ec2/subnet:Subnet",
        properties: {
            vpcId: io(str, { required: true, forceNew: true, alwaysOut: true }),
            cidrBlock: io(str, { forceNew: true, computed: true, alwaysOut: true, validate: cidrNetwork(4) }),
            availabilityZone: io(str, { forceNew: true, computed: true, alwaysOut: true }),
            availabilityZoneId: io(str, { forceNew: true, computed: true, alwaysOut: true }),
            ipv6CidrBlock: io(str, { computed: true, alwaysOut: true, validate: cidrNetwork(6) }),
            assignIpv6AddressOnCreation: io(bool),
            mapPublicIpOnLaunch: io(bool),
            enableDns64: io(bool),
            ipv6Native: io(bool, { forceNew: true }),
            ipv4IpamPoolId: io(str, { forceNew: true }),
            ipv4NetmaskLength: io(num, { forceNew: true }),
            ipv6IpamPoolId: io(str, { forceNew: true }),
            ipv6NetmaskLength: io(num, { forceNew: true }),
            outpostArn: io(str, { forceNew: true, validate: arn }),
            privateDnsHostnameTypeOnLaunch: io(str, { computed: true, alwaysOut: true, validate: oneOf(["ip-name", "resource-name"]) }),
            region: region(),
            tags: tags(),
            arn: out(str),
            ipv6CidrBlockAssociationId: out(str),
            ownerId: out(str),
            tagsAll: out(map(str)),
        },
    },
    async create(ctx, inputs) {
        const { Subnet: s } = await step("creating EC2 Subnet", () =>
            ctx.call("ec2", "CreateSubnet", {
                VpcId: inputs.vpcId,
                CidrBlock: inputs.cidrBlock,
                AvailabilityZone: inputs.availabilityZone,
                AvailabilityZoneId: inputs.availabilityZoneId,
                Ipv6CidrBlock: inputs.ipv6CidrBlock,
                TagSpecifications: tagSpec("subnet", inputs.tags),
            }),
        );
        return { id: s.SubnetId, state: (await this.read(ctx, s.SubnetId))! };
    },
    async read(ctx, id) {
        let s;
        try {
            [s] = (await ctx.call("ec2", "DescribeSubnets", { SubnetIds: [id] })).Subnets;
        } catch (e) {
            if (notFound(e, "InvalidSubnetID.NotFound")) return undefined;
            throw new SdkError(`reading EC2 Subnet (${id}): ${(e as Error).message}`);
        }
        const v6 = s.Ipv6CidrBlockAssociationSet[0];
        return {
            arn: s.SubnetArn,
            assignIpv6AddressOnCreation: s.AssignIpv6AddressOnCreation,
            availabilityZone: s.AvailabilityZone,
            availabilityZoneId: s.AvailabilityZoneId,
            cidrBlock: s.CidrBlock,
            enableDns64: false,
            ipv6CidrBlock: v6?.Ipv6CidrBlock ?? "",
            ipv6CidrBlockAssociationId: v6?.AssociationId ?? "",
            ipv6Native: false,
            mapPublicIpOnLaunch: s.MapPublicIpOnLaunch,
            ownerId: s.OwnerId,
            privateDnsHostnameTypeOnLaunch: "ip-name",
            region: ctx.region,
            tags: tagsOut(s.Tags),
            tagsAll: tagsOut(s.Tags),
            vpcId: s.VpcId,
        };
    },
    async update(ctx, id) {
        // Tags only (the interceptor updates them): the copy leaves out the subnet's other in-place attributes (CONTRIBUTING.md).
        return (await this.read(ctx, id))!;
    },
    async delete(ctx, id) {
        // Terraform retries DependencyViolation for up to 20 minutes (vpc_subnet.go resourceSubnetDelete).
        await retryDependency(ctx, `deleting EC2 Subnet (${id})`, 1_200_000, () => ctx.call("ec2", "DeleteSubnet", { SubnetId: id }), [
            "InvalidSubnetID.NotFound",
        ]);
    },
};
