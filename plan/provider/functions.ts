// The data sources (invokes) of `@pulumi/aws` 7 the programs here use, as the Terraform provider answers them: which
// AWS action each calls, with which filters, and the error when nothing or too much matches (internal/service/ec2
// vpc_data_source.go, vpc_subnet_data_source.go, vpc_subnets_data_source.go, vpc_security_group_data_source.go,
// internal/service/meta, internal/service/sts, internal/service/cloudcontrol/resource_data_source.go).
import { crc32 } from "node:zlib";
import { Ctx, SdkError } from "./context";
import { endpointAttributes, tagsOut } from "./resources/index";
import { FunctionSchema, Prop, bool, io, list, map, num, obj, out, str } from "./schema";

type Args = Record<string, any>;
export interface FunctionType {
    schema: FunctionSchema;
    invoke(ctx: Ctx, args: Args): Promise<Record<string, unknown>>;
}

const filterType = (name: string) =>
    list(obj(`aws:ec2/${name}:${name}`, { name: io(str, { required: true }), values: io(list(str), { required: true }) }));
const filterInputs = (name: string): Record<string, Prop> => ({ filters: io(filterType(name)), tags: io(map(str)), region: io(str) });

/** `filters` and `tags` as EC2 filters, plus the data source's own arguments as their filters. */
function ec2Filters(args: Args, own: Record<string, string>): { Name: string; Values: string[] }[] {
    const filters = (args.filters ?? []).map((f: Args) => ({ Name: f.name, Values: f.values }));
    // Terraform reads the arguments with GetOk: an empty string or false is not set.
    for (const [arg, filter] of Object.entries(own))
        if (![undefined, null, "", false].includes(args[arg])) filters.push({ Name: filter, Values: [String(args[arg])] });
    for (const [k, v] of Object.entries(args.tags ?? {})) filters.push({ Name: `tag:${k}`, Values: [String(v)] });
    return filters;
}

/** Exactly one match, or Terraform's "no matching …" / "multiple … matched" (tfresource.AssertSingleValueResult). */
function single<T>(found: T[], what: string): T {
    if (found.length === 0) throw new SdkError(`no matching ${what} found`);
    if (found.length > 1) throw new SdkError(`multiple ${what}s matched; use additional constraints to reduce matches to a single ${what}`);
    return found[0];
}

async function describe(ctx: Ctx, action: string, idsParam: string, id: unknown, filters: unknown[], listKey: string): Promise<any[]> {
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

const REGION_NAMES: Record<string, string> = {
    "us-east-1": "US East (N. Virginia)",
    "us-east-2": "US East (Ohio)",
    "us-west-2": "US West (Oregon)",
    "eu-west-1": "Europe (Ireland)",
    "eu-central-1": "Europe (Frankfurt)",
};

const getRegion: FunctionType = {
    schema: {
        token: "aws:index/getRegion:getRegion",
        inputs: { endpoint: io(str), id: io(str), name: io(str), region: io(str) },
        outputs: { description: out(str), endpoint: out(str), id: out(str), name: out(str), region: out(str) },
    },
    async invoke(ctx) {
        return {
            id: ctx.region,
            name: ctx.region,
            region: ctx.region,
            endpoint: `ec2.${ctx.region}.amazonaws.com`,
            description: REGION_NAMES[ctx.region] ?? ctx.region,
        };
    },
};

const getCallerIdentity: FunctionType = {
    schema: {
        token: "aws:index/getCallerIdentity:getCallerIdentity",
        inputs: { id: io(str) },
        outputs: { accountId: out(str), arn: out(str), id: out(str), userId: out(str) },
    },
    async invoke(ctx) {
        const r = await ctx.call("sts", "GetCallerIdentity", {});
        return { id: r.Account, accountId: r.Account, arn: r.Arn, userId: r.UserId };
    },
};

const getAvailabilityZones: FunctionType = {
    schema: {
        token: "aws:index/getAvailabilityZones:getAvailabilityZones",
        inputs: {
            allAvailabilityZones: io(bool),
            excludeNames: io(list(str)),
            excludeZoneIds: io(list(str)),
            filters: io(filterType("GetAvailabilityZonesFilter")),
            region: io(str),
            state: io(str),
        },
        outputs: { groupNames: out(list(str)), id: out(str), names: out(list(str)), region: out(str), zoneIds: out(list(str)) },
    },
    async invoke(ctx, args) {
        const zones = (await ctx.call("ec2", "DescribeAvailabilityZones", {})).AvailabilityZones.filter(
            (z: Args) => !(args.excludeNames ?? []).includes(z.ZoneName) && !(args.excludeZoneIds ?? []).includes(z.ZoneId),
        );
        return {
            id: ctx.region,
            region: ctx.region,
            names: zones.map((z: Args) => z.ZoneName),
            zoneIds: zones.map((z: Args) => z.ZoneId),
            groupNames: [...new Set(zones.map((z: Args) => z.GroupName))],
        };
    },
};

const getVpc: FunctionType = {
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

const subnetOutputs = (s: Args, region: string) => {
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

const getSubnet: FunctionType = {
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
function idsOf(name: string, action: string, idsParam: string, listKey: string, idKey: string): FunctionType {
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

const getSubnets = idsOf("GetSubnets", "DescribeSubnets", "SubnetIds", "Subnets", "SubnetId");

const getSecurityGroup: FunctionType = {
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

const getVpcEndpoint: FunctionType = {
    schema: {
        token: "aws:ec2/getVpcEndpoint:getVpcEndpoint",
        inputs: {
            id: io(str),
            serviceName: io(str),
            serviceRegion: io(str),
            state: io(str),
            vpcEndpointType: io(str),
            vpcId: io(str),
            ...filterInputs("GetVpcEndpointFilter"),
        },
        outputs: {
            arn: out(str),
            cidrBlocks: out(list(str)),
            dnsEntries: out(
                list(obj("aws:ec2/getVpcEndpointDnsEntry:getVpcEndpointDnsEntry", { dnsName: out(str), hostedZoneId: out(str) })),
            ),
            dnsOptions: out(
                list(
                    obj("aws:ec2/getVpcEndpointDnsOption:getVpcEndpointDnsOption", {
                        dnsRecordIpType: out(str),
                        privateDnsOnlyForInboundResolverEndpoint: out(bool),
                        privateDnsPreference: out(str),
                        privateDnsSpecifiedDomains: out(list(str)),
                    }),
                ),
            ),
            id: out(str),
            ipAddressType: out(str),
            networkInterfaceIds: out(list(str)),
            ownerId: out(str),
            policy: out(str),
            prefixListId: out(str),
            privateDnsEnabled: out(bool),
            region: out(str),
            requesterManaged: out(bool),
            routeTableIds: out(list(str)),
            securityGroupIds: out(list(str)),
            serviceName: out(str),
            serviceRegion: out(str),
            state: out(str),
            subnetIds: out(list(str)),
            tags: out(map(str)),
            vpcEndpointType: out(str),
            vpcId: out(str),
        },
    },
    // data_source_vpc_endpoint.go: DescribeVpcEndpoints by id and filters, one match (tfresource.SingularDataSourceFindError).
    async invoke(ctx, args) {
        const filters = ec2Filters(args, {
            serviceName: "service-name",
            state: "vpc-endpoint-state",
            vpcEndpointType: "vpc-endpoint-type",
            vpcId: "vpc-id",
        });
        const e = single(
            await describe(ctx, "DescribeVpcEndpoints", "VpcEndpointIds", args.id, filters, "VpcEndpoints"),
            "EC2 VPC Endpoint",
        );
        const attributes = endpointAttributes(e, ctx.region);
        return {
            ...attributes,
            id: e.VpcEndpointId,
            dnsOptions: [attributes.dnsOptions],
            tags: tagsOut(e.Tags),
        };
    },
};

// data_source_vpc_endpoint_service.go (v5, the newest version read: research notes): DescribeVpcEndpointServices by
// ServiceNames (`serviceName`, or com.amazonaws.<region>.<service> from `service`), plus `serviceType` and `filters`;
// exactly one match; availabilityZones is the service's AvailabilityZones.
const getVpcEndpointService: FunctionType = {
    schema: {
        token: "aws:ec2/getVpcEndpointService:getVpcEndpointService",
        inputs: {
            service: io(str),
            serviceName: io(str),
            serviceRegions: io(list(str)),
            serviceType: io(str),
            filters: io(filterType("GetVpcEndpointServiceFilter")),
            tags: io(map(str)),
        },
        outputs: {
            acceptanceRequired: out(bool),
            arn: out(str),
            availabilityZones: out(list(str)),
            baseEndpointDnsNames: out(list(str)),
            id: out(str),
            managesVpcEndpoints: out(bool),
            owner: out(str),
            privateDnsName: out(str),
            privateDnsNames: out(list(str)),
            region: out(str),
            serviceId: out(str),
            serviceName: out(str),
            serviceRegion: out(str),
            serviceType: out(str),
            supportedIpAddressTypes: out(list(str)),
            tags: out(map(str)),
            vpcEndpointPolicySupported: out(bool),
        },
    },
    async invoke(ctx, args) {
        const name = args.serviceName || (args.service ? `com.amazonaws.${ctx.region}.${args.service}` : undefined);
        const filters = ec2Filters(args, { serviceType: "service-type" });
        const answer = await ctx.call("ec2", "DescribeVpcEndpointServices", {
            ...(name ? { ServiceNames: [name] } : {}),
            ...(filters.length ? { Filters: filters } : {}),
        });
        const d = single<any>(answer.ServiceDetails ?? [], "EC2 VPC Endpoint Service");
        // The ARN names the caller's account (the provider knows it from its configuration: here, STS).
        const account = (await ctx.call("sts", "GetCallerIdentity", {})).Account;
        return {
            acceptanceRequired: d.AcceptanceRequired,
            arn: `arn:aws:ec2:${ctx.region}:${account}:vpc-endpoint-service/${d.ServiceId}`,
            availabilityZones: d.AvailabilityZones,
            baseEndpointDnsNames: d.BaseEndpointDnsNames,
            // create.StringHashcode: the name's CRC-32 (an int on 64 bits, so never negative).
            id: String(crc32(d.ServiceName)),
            managesVpcEndpoints: d.ManagesVpcEndpoints,
            owner: d.Owner,
            privateDnsName: d.PrivateDnsName ?? "",
            privateDnsNames: [],
            region: ctx.region,
            serviceId: d.ServiceId,
            serviceName: d.ServiceName,
            serviceRegion: ctx.region,
            serviceType: d.ServiceType[0].ServiceType,
            supportedIpAddressTypes: d.SupportedIpAddressTypes,
            tags: tagsOut(d.Tags),
            vpcEndpointPolicySupported: d.VpcEndpointPolicySupported,
        };
    },
};

const getNetworkInterfaces = idsOf(
    "GetNetworkInterfaces",
    "DescribeNetworkInterfaces",
    "NetworkInterfaceIds",
    "NetworkInterfaces",
    "NetworkInterfaceId",
);

const getResource: FunctionType = {
    schema: {
        token: "aws:cloudcontrol/getResource:getResource",
        inputs: {
            identifier: io(str, { required: true }),
            region: io(str),
            roleArn: io(str),
            typeName: io(str, { required: true }),
            typeVersionId: io(str),
        },
        outputs: { id: out(str), identifier: out(str), properties: out(str), region: out(str), typeName: out(str) },
    },
    async invoke(ctx, args) {
        try {
            const r = await ctx.call("cloudcontrol", "GetResource", { TypeName: args.typeName, Identifier: args.identifier });
            return {
                id: args.identifier,
                identifier: args.identifier,
                properties: r.ResourceDescription.Properties,
                region: ctx.region,
                typeName: args.typeName,
            };
        } catch (e) {
            // FindResource turns NotFound into "couldn't find resource" (internal/service/cloudcontrol/resource.go).
            const why = (e as SdkError).code === "ResourceNotFoundException" ? "couldn't find resource" : (e as Error).message;
            throw new SdkError(`reading Cloud Control API (${args.typeName}) Resource (${args.identifier}): ${why}`, (e as SdkError).code);
        }
    },
};

export const FUNCTIONS: Record<string, FunctionType> = Object.fromEntries(
    [
        getRegion,
        getCallerIdentity,
        getAvailabilityZones,
        getVpc,
        getSubnet,
        getSubnets,
        getSecurityGroup,
        getVpcEndpoint,
        getVpcEndpointService,
        getNetworkInterfaces,
        getResource,
    ].map((f) => [f.schema.token, f]),
);
