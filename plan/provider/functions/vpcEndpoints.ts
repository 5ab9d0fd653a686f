// The VPC endpoint data sources: an endpoint, and an endpoint service (internal/service/ec2 vpc_endpoint_data_source.go,
// vpc_endpoint_service_data_source.go).
import { crc32 } from "node:zlib";
import { endpointAttributes, tagsOut } from "../resources/index";
import { bool, io, list, map, obj, out, str } from "../schema";
import { FunctionType } from "./types";
import { describe, ec2Filters, filterInputs, filterType, single } from "./ec2";

export const getVpcEndpoint: FunctionType = {
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
export const getVpcEndpointService: FunctionType = {
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
