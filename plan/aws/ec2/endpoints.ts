// EC2 interface endpoints: Create/Modify/Describe/DeleteVpcEndpoints.
import { Account, DURATIONS, Vpc, VpcEndpoint } from "../account";
import { fail } from "../errors";
import { hex } from "../ids";
import {
    answer,
    describe,
    Ec2Handler,
    endpointNotFound,
    endpointOf,
    endpointServices,
    groupOf,
    serviceZones,
    subnetOf,
    tagsOf,
    vpcOf,
} from "./common";

// --- interface endpoints -------------------------------------------------------------------------------------------

const endpointFields: Record<string, (e: VpcEndpoint) => unknown> = {
    "vpc-endpoint-id": (e) => e.VpcEndpointId,
    "vpc-id": (e) => e.VpcId,
    "service-name": (e) => e.ServiceName,
    "vpc-endpoint-state": (e) => e.State,
    "vpc-endpoint-type": (e) => e.VpcEndpointType,
    "ip-address-type": (e) => e.IpAddressType,
};

/** The rules an interface endpoint's subnets and security groups keep, on create and on modify. */
function checkPlacement(
    account: Account,
    region: string,
    vpc: Vpc,
    serviceName: string,
    ipAddressType: string,
    subnetIds: string[],
    groupIds: string[],
): void {
    const zones = new Map<string, string>();
    for (const id of subnetIds) {
        const subnet = subnetOf(account, region, id);
        // The code is EC2's InvalidParameter ("… subnet that are in different VPCs", error-codes page); the text is unverified.
        if (subnet.VpcId !== vpc.VpcId) fail("InvalidParameter", `The subnet ID '${id}' does not belong to the VPC '${vpc.VpcId}'.`);
        // "For an interface VPC endpoint, you can specify only one subnet per Availability Zone" (error-codes page);
        // real text from terraform-aws-modules/terraform-aws-vpc#451.
        if (zones.has(subnet.AvailabilityZone)) {
            fail(
                "DuplicateSubnetsInSameZone",
                `Found another VPC endpoint subnet in the availability zone of ${id}. VPC endpoint subnets ` +
                    `should be in different availability zones supported by the VPC endpoint service.`,
            );
        }
        zones.set(subnet.AvailabilityZone, id);
        // Real text (research notes: a public issue quoting AWS): the service is not offered in the subnet's zone.
        if (!serviceZones(account, region, serviceName).includes(subnet.AvailabilityZone)) {
            fail(
                "InvalidParameter",
                `The VPC endpoint service ${serviceName} does not support the availability zone of the subnet: ${id}.`,
            );
        }
        // A dual-stack endpoint needs subnets with IPv4 and IPv6 blocks (App Runner guide, network-pl.html: "ensure your
        // subnets can support dual-stack traffic"); the code and text are unverified.
        if (ipAddressType !== "ipv4" && subnet.Ipv6CidrBlockAssociationSet.length === 0) {
            fail(
                "InvalidParameter",
                `The subnet ${id} does not have an IPv6 CIDR block, which ${ipAddressType} IP address type for ${serviceName} requires.`,
            );
        }
    }
    for (const id of groupIds) {
        const group = groupOf(account, region, id);
        // Text as EC2 answers the same mix-up for instances (public issues); for endpoints unverified.
        if (group.VpcId !== vpc.VpcId)
            fail("InvalidParameter", `Security group ${id} and the VPC ${vpc.VpcId} belong to different networks.`);
    }
}

function dnsEntries(account: Account, endpoint: VpcEndpoint): { DnsName: string; HostedZoneId: string }[] {
    const base = `${endpoint.VpcEndpointId}-${hex(`${endpoint.VpcEndpointId}/dns`, 8)}`;
    const suffix = `${endpoint.ServiceName.split(".").slice(3).join(".")}.${endpoint.Region}.vpce.amazonaws.com`;
    const zones = endpoint.SubnetIds.map((id) => account.state.subnets.find((s) => s.SubnetId === id)?.AvailabilityZone).filter(Boolean);
    return [base, ...zones.map((z) => `${base}-${z}`)].map((name) => ({ DnsName: `${name}.${suffix}`, HostedZoneId: "Z7HUB22UULQXV" }));
}

export const CreateVpcEndpoint: Ec2Handler = (account, region, p) => {
    const vpc = vpcOf(account, region, p.VpcId ?? fail("MissingParameter", "The request must contain the parameter VpcId"));
    const serviceName: string = p.ServiceName;
    // Real text: "The Vpc Endpoint Service 'com.amazonaws.us-east-1.s3' does not exist" (public issues). Endpoint
    // services are regional, so another region's name is unknown here too.
    if (!endpointServices(region).includes(serviceName))
        fail("InvalidServiceName", `The Vpc Endpoint Service '${serviceName}' does not exist`);
    // The default type is Gateway (API reference); App Runner's service offers Interface endpoints only (App Runner guide).
    const type: string = p.VpcEndpointType ?? "Gateway";
    if (type !== "Interface")
        fail("InvalidParameter", `The VPC endpoint service ${serviceName} does not support the VPC endpoint type ${type}.`);
    const ipAddressType: string = p.IpAddressType ?? "ipv4";
    // App Runner documents IPv4 and dual-stack for private endpoints (App Runner guide, network-pl.html); an IPv6-only
    // endpoint is refused here (the text is unverified).
    if (!["ipv4", "dualstack"].includes(ipAddressType))
        fail("InvalidParameter", `The VPC endpoint service ${serviceName} does not support the IP address type ${ipAddressType}.`);
    // "VPC endpoint policies are not supported for App Runner" (App Runner guide, Considerations); whether AWS refuses
    // one or ignores it is unverified: the model refuses it.
    if (p.PolicyDocument !== undefined)
        fail("InvalidParameter", `The VPC endpoint service ${serviceName} does not support VPC endpoint policies.`);
    const subnetIds: string[] = p.SubnetIds ?? [];
    // An interface endpoint without subnets has no network interface: refused here (unverified).
    if (subnetIds.length === 0) fail("InvalidParameter", "An Interface VPC endpoint requires at least one subnet.");
    // "If this parameter is not specified, we use the default security group for the VPC" (API reference).
    const groupIds: string[] = p.SecurityGroupIds?.length
        ? p.SecurityGroupIds
        : [account.state.securityGroups.find((g) => g.VpcId === vpc.VpcId && g.GroupName === "default")!.GroupId];
    checkPlacement(account, region, vpc, serviceName, ipAddressType, subnetIds, groupIds);
    const id = account.newEc2Id("vpce");
    const endpoint: VpcEndpoint = {
        VpcEndpointId: id,
        VpcEndpointType: type,
        Region: region,
        VpcId: vpc.VpcId,
        ServiceName: serviceName,
        // An interface endpoint is `pending` until `available` (API reference, VpcEndpoint.State; Terraform's waiter).
        State: "pending",
        RouteTableIds: [],
        SubnetIds: [...subnetIds],
        Groups: groupIds.map((g) => ({ GroupId: g, GroupName: account.state.securityGroups.find((x) => x.GroupId === g)!.GroupName })),
        IpAddressType: ipAddressType,
        DnsOptions: {
            DnsRecordIpType: ipAddressType === "dualstack" ? "dualstack" : "ipv4",
            PrivateDnsOnlyForInboundResolverEndpoint: false,
        },
        // The default is true (EC2 API reference, CreateVpcEndpoint, PrivateDnsEnabled, until 2024).
        PrivateDnsEnabled: p.PrivateDnsEnabled ?? true,
        RequesterManaged: false,
        NetworkInterfaceIds: subnetIds.map(() => account.newEc2Id("eni")),
        DnsEntries: [],
        CreationTimestamp: new Date(account.clock.now()).toISOString(),
        OwnerId: account.accountId,
        Tags: tagsOf(p.TagSpecifications, "vpc-endpoint"),
        Pending: { To: "available", At: account.after(DURATIONS.vpcEndpointCreate) },
    };
    endpoint.DnsEntries = dnsEntries(account, endpoint);
    account.state.vpcEndpoints.push(endpoint);
    return { VpcEndpoint: answer(endpoint) };
};

export const ModifyVpcEndpoint: Ec2Handler = (account, region, p) => {
    const endpoint = endpointOf(account, region, p.VpcEndpointId);
    const vpc = vpcOf(account, region, endpoint.VpcId);
    if (p.PolicyDocument !== undefined)
        fail("InvalidParameter", `The VPC endpoint service ${endpoint.ServiceName} does not support VPC endpoint policies.`);
    const subnetIds = [...endpoint.SubnetIds.filter((s) => !(p.RemoveSubnetIds ?? []).includes(s)), ...(p.AddSubnetIds ?? [])];
    const groupIds = [
        ...endpoint.Groups.map((g) => g.GroupId).filter((g) => !(p.RemoveSecurityGroupIds ?? []).includes(g)),
        ...(p.AddSecurityGroupIds ?? []),
    ];
    const ipAddressType: string = p.IpAddressType ?? endpoint.IpAddressType;
    if (!["ipv4", "dualstack"].includes(ipAddressType))
        fail("InvalidParameter", `The VPC endpoint service ${endpoint.ServiceName} does not support the IP address type ${ipAddressType}.`);
    if (subnetIds.length === 0) fail("InvalidParameter", "An Interface VPC endpoint requires at least one subnet.");
    checkPlacement(account, region, vpc, endpoint.ServiceName, ipAddressType, subnetIds, groupIds);
    const kept = new Map(endpoint.SubnetIds.map((s, i) => [s, endpoint.NetworkInterfaceIds[i]]));
    endpoint.SubnetIds = subnetIds;
    endpoint.NetworkInterfaceIds = subnetIds.map((s) => kept.get(s) ?? account.newEc2Id("eni"));
    endpoint.Groups = groupIds.map((g) => ({
        GroupId: g,
        GroupName: account.state.securityGroups.find((x) => x.GroupId === g)!.GroupName,
    }));
    endpoint.IpAddressType = ipAddressType;
    if (p.PrivateDnsEnabled !== undefined) endpoint.PrivateDnsEnabled = p.PrivateDnsEnabled;
    endpoint.DnsEntries = dnsEntries(account, endpoint);
    // Whether a modified endpoint passes through `pending` is unverified; Terraform waits for `available` again.
    endpoint.State = "pending";
    endpoint.Pending = { To: "available", At: account.after(DURATIONS.vpcEndpointModify) };
    return { Return: true };
};

export const DeleteVpcEndpoints: Ec2Handler = (account, region, p) => {
    const unsuccessful = [];
    for (const id of p.VpcEndpointIds ?? []) {
        const endpoint = account.state.vpcEndpoints.find((e) => e.VpcEndpointId === id && e.Region === region);
        if (!endpoint) {
            // Failures are items of the answer, not an error (API reference); the item's text is unverified.
            unsuccessful.push({
                ResourceId: id,
                Error: { Code: "InvalidVpcEndpoint.NotFound", Message: `The VpcEndpoint Id '${id}' does not exist` },
            });
            continue;
        }
        if (endpoint.State !== "deleting") {
            endpoint.State = "deleting";
            endpoint.Pending = { To: "deleted", At: account.after(DURATIONS.vpcEndpointDelete) };
        }
    }
    return { Unsuccessful: unsuccessful };
};

export const DescribeVpcEndpoints: Ec2Handler = (account, region, p) => ({
    VpcEndpoints: describe(
        account.state.vpcEndpoints,
        region,
        p.VpcEndpointIds,
        (e) => e.VpcEndpointId,
        "vpce",
        endpointNotFound,
        p.Filters,
        endpointFields,
    ),
});

/**
 * The endpoint services of the region, or those named (ServiceNames; a name the region does not have is
 * InvalidServiceName, as CreateVpcEndpoint says it): AWS's own, Interface, offered in the zones `serviceZones` gives,
 * with the base DNS name of their endpoints (EC2 API reference, DescribeVpcEndpointServices and ServiceDetail).
 */
export const DescribeVpcEndpointServices: Ec2Handler = (account, region, p) => {
    const all = endpointServices(region);
    const names: string[] = p.ServiceNames?.length ? p.ServiceNames : all;
    for (const n of names) if (!all.includes(n)) fail("InvalidServiceName", `The Vpc Endpoint Service '${n}' does not exist`);
    return {
        ServiceNames: names,
        ServiceDetails: names.map((n) => ({
            ServiceName: n,
            ServiceId: `vpce-svc-${hex(`${region}/${n}`, 17)}`,
            ServiceType: [{ ServiceType: "Interface" }],
            AvailabilityZones: serviceZones(account, region, n),
            Owner: "amazon",
            BaseEndpointDnsNames: [`${n.split(".").slice(3).join(".")}.${region}.vpce.amazonaws.com`],
            VpcEndpointPolicySupported: false,
            AcceptanceRequired: false,
            ManagesVpcEndpoints: false,
            SupportedIpAddressTypes: ["ipv4", "ipv6"],
            Tags: [],
        })),
    };
};
