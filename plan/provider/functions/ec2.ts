// The EC2 data sources: which EC2 action each calls, with which filters, and Terraform's error when nothing or too much
// matches (internal/service/ec2 vpc_data_source.go, vpc_subnet_data_source.go, vpc_subnets_data_source.go,
// vpc_security_group_data_source.go, vpc_endpoint_data_source.go, vpc_endpoint_service_data_source.go).
import { Ctx, SdkError } from "../context";
import { tagsOut } from "../resources/index";
import { Prop, bool, io, list, map, num, obj, out, str } from "../schema";
import { Args, FunctionType } from "./types";

export const filterType = (name: string) =>
    list(obj(`aws:ec2/${name}:${name}`, { name: io(str, { required: true }), values: io(list(str), { required: true }) }));
export const filterInputs = (name: string): Record<string, Prop> => ({
    filters: io(filterType(name)),
    tags: io(map(str)),
    region: io(str),
});

/** `filters` and `tags` as EC2 filters, plus the data source's own arguments as their filters. */
export function ec2Filters(args: Args, own: Record<string, string>): { Name: string; Values: string[] }[] {
    const filters = (args.filters ?? []).map((f: Args) => ({ Name: f.name, Values: f.values }));
    // Terraform reads the arguments with GetOk: an empty string or false is not set.
    for (const [arg, filter] of Object.entries(own))
        if (![undefined, null, "", false].includes(args[arg])) filters.push({ Name: filter, Values: [String(args[arg])] });
    for (const [k, v] of Object.entries(args.tags ?? {})) filters.push({ Name: `tag:${k}`, Values: [String(v)] });
    return filters;
}

/** Exactly one match, or Terraform's "no matching …" / "multiple … matched" (tfresource.AssertSingleValueResult). */
export function single<T>(found: T[], what: string): T {
    if (found.length === 0) throw new SdkError(`no matching ${what} found`);
    if (found.length > 1) throw new SdkError(`multiple ${what}s matched; use additional constraints to reduce matches to a single ${what}`);
    return found[0];
}

export async function describe(
    ctx: Ctx,
    action: string,
    idsParam: string,
    id: unknown,
    filters: unknown[],
    listKey: string,
): Promise<any[]> {
    try {
        return (await ctx.call("ec2", action, { ...(id ? { [idsParam]: [id] } : {}), ...(filters.length ? { Filters: filters } : {}) }))[
            listKey
        ];
    } catch (e) {
        // A missing id is "no match" to the data sources, not an error of its own.
        if ((e as SdkError).code?.endsWith(".NotFound")) return [];
        throw e;
    }
}

export const getVpc: FunctionType = {
    schema: {
        token: "aws:ec2/getVpc:getVpc",
        inputs: {
            cidrBlock: io(str),
            default: io(bool),
            dhcpOptionsId: io(str),
            id: io(str),
            state: io(str),
            ...filterInputs("GetVpcFilter"),
        },
        outputs: {
            arn: out(str),
            cidrBlock: out(str),
            cidrBlockAssociations: out(
                list(
                    obj("aws:ec2/getVpcCidrBlockAssociation:getVpcCidrBlockAssociation", {
                        associationId: out(str),
                        cidrBlock: out(str),
                        state: out(str),
                    }),
                ),
            ),
            default: out(bool),
            dhcpOptionsId: out(str),
            enableDnsHostnames: out(bool),
            enableDnsSupport: out(bool),
            enableNetworkAddressUsageMetrics: out(bool),
            id: out(str),
            instanceTenancy: out(str),
            ipv6AssociationId: out(str),
            ipv6CidrBlock: out(str),
            mainRouteTableId: out(str),
            ownerId: out(str),
            region: out(str),
            state: out(str),
            tags: out(map(str)),
        },
    },
    async invoke(ctx, args) {
        const filters = ec2Filters(args, { cidrBlock: "cidr", dhcpOptionsId: "dhcp-options-id", default: "is-default", state: "state" });
        const v = single(await describe(ctx, "DescribeVpcs", "VpcIds", args.id, filters, "Vpcs"), "EC2 VPC");
        const v6 = v.Ipv6CidrBlockAssociationSet[0];
        return {
            id: v.VpcId,
            arn: `arn:aws:ec2:${ctx.region}:${v.OwnerId}:vpc/${v.VpcId}`,
            cidrBlock: v.CidrBlock,
            cidrBlockAssociations: v.CidrBlockAssociationSet.map((a: Args) => ({
                associationId: a.AssociationId,
                cidrBlock: a.CidrBlock,
                state: a.CidrBlockState.State,
            })),
            default: v.IsDefault,
            dhcpOptionsId: v.DhcpOptionsId,
            enableDnsHostnames: v.EnableDnsHostnames,
            enableDnsSupport: v.EnableDnsSupport,
            enableNetworkAddressUsageMetrics: false,
            instanceTenancy: v.InstanceTenancy,
            ipv6AssociationId: v6?.AssociationId ?? "",
            ipv6CidrBlock: v6?.Ipv6CidrBlock ?? "",
            mainRouteTableId: v.MainRouteTableId,
            ownerId: v.OwnerId,
            region: ctx.region,
            state: v.State,
            tags: tagsOut(v.Tags),
        };
    },
};

export const subnetOutputs = (s: Args, region: string) => {
    const v6 = s.Ipv6CidrBlockAssociationSet[0];
    return {
        id: s.SubnetId,
        arn: s.SubnetArn,
        assignIpv6AddressOnCreation: s.AssignIpv6AddressOnCreation,
        availabilityZone: s.AvailabilityZone,
        availabilityZoneId: s.AvailabilityZoneId,
        availableIpAddressCount: s.AvailableIpAddressCount,
        cidrBlock: s.CidrBlock,
        defaultForAz: s.DefaultForAz,
        // The data source reports "" for a subnet without an IPv6 block.
        ipv6CidrBlock: v6?.Ipv6CidrBlock ?? "",
        ipv6CidrBlockAssociationId: v6?.AssociationId ?? "",
        mapPublicIpOnLaunch: s.MapPublicIpOnLaunch,
        ownerId: s.OwnerId,
        region,
        state: s.State,
        tags: tagsOut(s.Tags),
        vpcId: s.VpcId,
    };
};

export const getSubnet: FunctionType = {
    schema: {
        token: "aws:ec2/getSubnet:getSubnet",
        inputs: {
            availabilityZone: io(str),
            availabilityZoneId: io(str),
            cidrBlock: io(str),
            defaultForAz: io(bool),
            id: io(str),
            ipv6CidrBlock: io(str),
            state: io(str),
            vpcId: io(str),
            ...filterInputs("GetSubnetFilter"),
        },
        outputs: Object.fromEntries(
            [
                "arn",
                "availabilityZone",
                "availabilityZoneId",
                "cidrBlock",
                "id",
                "ipv6CidrBlock",
                "ipv6CidrBlockAssociationId",
                "ownerId",
                "region",
                "state",
                "vpcId",
            ]
                .map((k) => [k, out(str)] as [string, Prop])
                .concat([
                    ["assignIpv6AddressOnCreation", out(bool)],
                    ["availableIpAddressCount", out(num)],
                    ["defaultForAz", out(bool)],
                    ["mapPublicIpOnLaunch", out(bool)],
                    ["tags", out(map(str))],
                ]),
        ),
    },
    async invoke(ctx, args) {
        const filters = ec2Filters(args, {
            availabilityZone: "availability-zone",
            availabilityZoneId: "availability-zone-id",
            cidrBlock: "cidr-block",
            defaultForAz: "default-for-az",
            state: "state",
            vpcId: "vpc-id",
        });
        return subnetOutputs(
            single(await describe(ctx, "DescribeSubnets", "SubnetIds", args.id, filters, "Subnets"), "EC2 Subnet"),
            ctx.region,
        );
    },
};

/**
 * A plural data source: the ids of every match of `filters` and `tags` (none is no error), its id the region
 * (vpc_subnets_data_source.go, vpc_network_interfaces_data_source.go).
 */
export function idsOf(name: string, action: string, idsParam: string, listKey: string, idKey: string): FunctionType {
    return {
        schema: {
            token: `aws:ec2/${name[0].toLowerCase()}${name.slice(1)}:${name[0].toLowerCase()}${name.slice(1)}`,
            inputs: filterInputs(`${name[0].toUpperCase()}${name.slice(1)}Filter`),
            outputs: { id: out(str), ids: out(list(str)), region: out(str), tags: out(map(str)) },
        },
        async invoke(ctx, args) {
            const found = await describe(ctx, action, idsParam, undefined, ec2Filters(args, {}), listKey);
            return { id: ctx.region, ids: found.map((x) => x[idKey]), region: ctx.region, tags: args.tags ?? {} };
        },
    };
}

export const getSubnets = idsOf("GetSubnets", "DescribeSubnets", "SubnetIds", "Subnets", "SubnetId");

export const getSecurityGroup: FunctionType = {
    schema: {
        token: "aws:ec2/getSecurityGroup:getSecurityGroup",
        inputs: { id: io(str), name: io(str), vpcId: io(str), ...filterInputs("GetSecurityGroupFilter") },
        outputs: {
            arn: out(str),
            description: out(str),
            id: out(str),
            name: out(str),
            region: out(str),
            tags: out(map(str)),
            vpcId: out(str),
        },
    },
    async invoke(ctx, args) {
        const g = single(
            await describe(
                ctx,
                "DescribeSecurityGroups",
                "GroupIds",
                args.id,
                ec2Filters(args, { name: "group-name", vpcId: "vpc-id" }),
                "SecurityGroups",
            ),
            "EC2 Security Group",
        );
        return {
            id: g.GroupId,
            arn: g.SecurityGroupArn,
            description: g.Description,
            name: g.GroupName,
            region: ctx.region,
            tags: tagsOut(g.Tags),
            vpcId: g.VpcId,
        };
    },
};

export const getNetworkInterfaces = idsOf(
    "GetNetworkInterfaces",
    "DescribeNetworkInterfaces",
    "NetworkInterfaceIds",
    "NetworkInterfaces",
    "NetworkInterfaceId",
);
