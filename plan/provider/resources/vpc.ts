// `aws.ec2.Vpc`: hashicorp/terraform-provider-aws internal/service/ec2/vpc_.go.
import { SdkError } from "../context";
import { bool, io, map, num, out, str } from "../schema";
import { cidrNetworkBits, oneOf } from "../validators";
import { ResourceType, notFound, region, retryDependency, step, tagSpec, tags, tagsOut } from "./common";

export const vpc: ResourceType = {
    tagging: "ec2",
    schema: {
        token: "aws:ec2/vpc:Vpc",
        properties: {
            cidrBlock: io(str, { forceNew: true, computed: true, alwaysOut: true, validate: cidrNetworkBits(16, 28) }),
            assignGeneratedIpv6CidrBlock: io(bool),
            enableDnsHostnames: io(bool, { computed: true, alwaysOut: true }),
            enableDnsSupport: io(bool, { default: true }),
            enableNetworkAddressUsageMetrics: io(bool, { computed: true, alwaysOut: true }),
            instanceTenancy: io(str, { default: "default", forceNew: false, validate: oneOf(["default", "dedicated"]) }),
            ipv4IpamPoolId: io(str, { forceNew: true }),
            ipv4NetmaskLength: io(num, { forceNew: true }),
            ipv6CidrBlock: io(str, { computed: true, alwaysOut: true }),
            ipv6CidrBlockNetworkBorderGroup: io(str, { computed: true, alwaysOut: true }),
            ipv6IpamPoolId: io(str),
            ipv6NetmaskLength: io(num),
            region: region(),
            tags: tags(),
            arn: out(str),
            defaultNetworkAclId: out(str),
            defaultRouteTableId: out(str),
            defaultSecurityGroupId: out(str),
            dhcpOptionsId: out(str),
            ipv6AssociationId: out(str),
            mainRouteTableId: out(str),
            ownerId: out(str),
            tagsAll: out(map(str)),
        },
    },
    async create(ctx, inputs) {
        const { Vpc: v } = await step("creating EC2 VPC", () =>
            ctx.call("ec2", "CreateVpc", {
                CidrBlock: inputs.cidrBlock,
                AmazonProvidedIpv6CidrBlock: inputs.assignGeneratedIpv6CidrBlock,
                InstanceTenancy: inputs.instanceTenancy,
                TagSpecifications: tagSpec("vpc", inputs.tags),
            }),
        );
        const id = v.VpcId;
        // The DNS attributes are set after the VPC exists (vpc_.go resourceVPCCreate → modifyVPCAttributesOnCreate).
        if (inputs.enableDnsHostnames) await ctx.call("ec2", "ModifyVpcAttribute", { VpcId: id, EnableDnsHostnames: { Value: true } });
        if (inputs.enableDnsSupport === false)
            await ctx.call("ec2", "ModifyVpcAttribute", { VpcId: id, EnableDnsSupport: { Value: false } });
        return { id, state: (await this.read(ctx, id))! };
    },
    async read(ctx, id) {
        let v;
        try {
            [v] = (await ctx.call("ec2", "DescribeVpcs", { VpcIds: [id] })).Vpcs;
        } catch (e) {
            if (notFound(e, "InvalidVpcID.NotFound")) return undefined;
            throw new SdkError(`reading EC2 VPC (${id}): ${(e as Error).message}`);
        }
        const group = (
            await ctx.call("ec2", "DescribeSecurityGroups", {
                Filters: [
                    { Name: "vpc-id", Values: [id] },
                    { Name: "group-name", Values: ["default"] },
                ],
            })
        ).SecurityGroups[0];
        const v6 = v.Ipv6CidrBlockAssociationSet[0];
        return {
            arn: `arn:aws:ec2:${ctx.region}:${v.OwnerId}:vpc/${id}`,
            assignGeneratedIpv6CidrBlock: v6 !== undefined,
            cidrBlock: v.CidrBlock,
            defaultNetworkAclId: v.DefaultNetworkAclId,
            defaultRouteTableId: v.MainRouteTableId,
            defaultSecurityGroupId: group?.GroupId ?? "",
            dhcpOptionsId: v.DhcpOptionsId,
            enableDnsHostnames: v.EnableDnsHostnames,
            enableDnsSupport: v.EnableDnsSupport,
            enableNetworkAddressUsageMetrics: false,
            instanceTenancy: v.InstanceTenancy,
            ipv6AssociationId: v6?.AssociationId ?? "",
            ipv6CidrBlock: v6?.Ipv6CidrBlock ?? "",
            ipv6CidrBlockNetworkBorderGroup: v6?.NetworkBorderGroup ?? "",
            mainRouteTableId: v.MainRouteTableId,
            ownerId: v.OwnerId,
            region: ctx.region,
            tags: tagsOut(v.Tags),
            tagsAll: tagsOut(v.Tags),
        };
    },
    async update(ctx, id, olds, news) {
        if (news.enableDnsHostnames !== undefined && news.enableDnsHostnames !== olds.enableDnsHostnames) {
            await ctx.call("ec2", "ModifyVpcAttribute", { VpcId: id, EnableDnsHostnames: { Value: news.enableDnsHostnames } });
        }
        if (news.enableDnsSupport !== undefined && news.enableDnsSupport !== olds.enableDnsSupport) {
            await ctx.call("ec2", "ModifyVpcAttribute", { VpcId: id, EnableDnsSupport: { Value: news.enableDnsSupport } });
        }
        return (await this.read(ctx, id))!;
    },
    async delete(ctx, id) {
        // Terraform retries DependencyViolation for up to 5 minutes (vpc_.go resourceVPCDelete).
        await retryDependency(ctx, `deleting EC2 VPC (${id})`, 300_000, () => ctx.call("ec2", "DeleteVpc", { VpcId: id }), [
            "InvalidVpcID.NotFound",
        ]);
    },
};
