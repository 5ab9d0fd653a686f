// EC2 network interfaces: DescribeNetworkInterfaces (EC2 API reference), over the interfaces the account has. An interface
// endpoint has one requester-managed interface in each of its subnets, in its security groups (PrivateLink guide; the
// EC2 User Guide, "Requester-managed network interfaces": description "VPC Endpoint Interface vpce-…", interface type
// `vpc_endpoint`, `RequesterManaged` true); the model derives those from the endpoint, so that accounts saved before it
// kept interfaces read the same. Other interfaces (an instance's, a Lambda function's) are kept in the account as the
// console or a topology file adds them. The addresses are the model's own: a host of the subnet's block past the four AWS
// reserves at its start (VPC User Guide, "Subnet CIDR blocks"), and for a dual-stack endpoint one of the subnet's IPv6 block.
import { Account, NetworkInterface, Subnet, VpcEndpoint } from "../account";
import { addressAt, parseCidr } from "../cidr";
import { AwsError } from "../errors";
import { hex } from "../ids";
import { Ec2Handler, describe } from "./common";

/** The account that requests an endpoint's interfaces: the EC2 User Guide's example (which account AWS uses is unverified). */
const ENDPOINT_REQUESTER = "727180483921";

/** A host address of the subnet for an interface: fixed by the interface's id, so it stays the same across reads. */
function addressesOf(subnet: Subnet, id: string, ipv6: boolean): { v4: string; v6?: string } {
    const size = 2n ** BigInt(32 - parseCidr(subnet.CidrBlock)!.prefix);
    const v4 = addressAt(subnet.CidrBlock, 4n + (BigInt(`0x${hex(`${id}/v4`, 12)}`) % (size - 5n)));
    const block = subnet.Ipv6CidrBlockAssociationSet[0]?.Ipv6CidrBlock;
    return { v4, ...(ipv6 && block ? { v6: addressAt(block, BigInt(`0x${hex(`${id}/v6`, 16)}`)) } : {}) };
}

/** The network interfaces of an interface endpoint, one per subnet (its NetworkInterfaceIds are in its subnets' order). */
export function endpointInterfaces(account: Account, e: VpcEndpoint): NetworkInterface[] {
    if (["deleting", "deleted"].includes(e.State)) return [];
    return e.SubnetIds.flatMap((subnetId, i) => {
        const subnet = account.state.subnets.find((s) => s.SubnetId === subnetId && s.Region === e.Region);
        const id = e.NetworkInterfaceIds[i];
        if (!subnet || !id) return [];
        const { v4, v6 } = addressesOf(subnet, id, e.IpAddressType !== "ipv4");
        return [
            {
                NetworkInterfaceId: id,
                Region: e.Region,
                SubnetId: subnetId,
                VpcId: e.VpcId,
                AvailabilityZone: subnet.AvailabilityZone,
                Description: `VPC Endpoint Interface ${e.VpcEndpointId}`,
                InterfaceType: "vpc_endpoint",
                RequesterManaged: true,
                RequesterId: ENDPOINT_REQUESTER,
                Groups: e.Groups.map((g) => ({ GroupId: g.GroupId, GroupName: g.GroupName })),
                PrivateIpAddress: v4,
                Ipv6Addresses: v6 ? [{ Ipv6Address: v6, IsPrimaryIpv6: true }] : [],
                ...(v6 ? { Ipv6Address: v6 } : {}),
                Status: "in-use",
                OwnerId: account.accountId,
                MacAddress: `0e:${hex(`${id}/mac`, 10).match(/../g)!.join(":")}`,
                Tags: [],
            },
        ];
    });
}

/** Every interface of the account in a region: the endpoints' and those kept in the account. */
export function interfacesOf(account: Account, region: string): NetworkInterface[] {
    return [
        ...account.state.vpcEndpoints.filter((e) => e.Region === region).flatMap((e) => endpointInterfaces(account, e)),
        ...(account.state.networkInterfaces ?? []).filter((n) => n.Region === region),
    ];
}

/** Adds an interface of the account's own (not an endpoint's), as an instance or a Lambda function has (the console). */
export function addNetworkInterface(
    account: Account,
    region: string,
    p: { SubnetId: string; GroupIds: string[]; Description?: string; InterfaceType?: string },
): NetworkInterface {
    const subnet = account.state.subnets.find((s) => s.SubnetId === p.SubnetId && s.Region === region)!;
    const id = account.newEc2Id("eni");
    const eni: NetworkInterface = {
        NetworkInterfaceId: id,
        Region: region,
        SubnetId: subnet.SubnetId,
        VpcId: subnet.VpcId,
        AvailabilityZone: subnet.AvailabilityZone,
        Description: p.Description ?? "",
        InterfaceType: p.InterfaceType ?? "interface",
        RequesterManaged: false,
        Groups: p.GroupIds.map((g) => ({
            GroupId: g,
            GroupName: account.state.securityGroups.find((x) => x.GroupId === g)?.GroupName ?? "",
        })),
        PrivateIpAddress: addressesOf(subnet, id, false).v4,
        Ipv6Addresses: [],
        Status: "in-use",
        OwnerId: account.accountId,
        MacAddress: `0e:${hex(`${id}/mac`, 10).match(/../g)!.join(":")}`,
        Tags: [],
    };
    (account.state.networkInterfaces ??= []).push(eni);
    return eni;
}

const interfaceFields: Record<string, (n: NetworkInterface) => unknown> = {
    "network-interface-id": (n) => n.NetworkInterfaceId,
    "group-id": (n) => n.Groups.map((g) => g.GroupId),
    "group-name": (n) => n.Groups.map((g) => g.GroupName),
    "vpc-id": (n) => n.VpcId,
    "subnet-id": (n) => n.SubnetId,
    "availability-zone": (n) => n.AvailabilityZone,
    "interface-type": (n) => n.InterfaceType,
    "requester-managed": (n) => n.RequesterManaged,
    "requester-id": (n) => n.RequesterId ?? "",
    description: (n) => n.Description,
    status: (n) => n.Status,
    "owner-id": (n) => n.OwnerId,
    "private-ip-address": (n) => n.PrivateIpAddress,
};

// The code is the EC2 error-codes page's; the text is unverified.
const interfaceNotFound = (id: string) =>
    new AwsError("InvalidNetworkInterfaceID.NotFound", `The networkInterface ID '${id}' does not exist`);

export const DescribeNetworkInterfaces: Ec2Handler = (account, region, p) => ({
    NetworkInterfaces: describe(
        interfacesOf(account, region),
        region,
        p.NetworkInterfaceIds,
        (n) => n.NetworkInterfaceId,
        "eni",
        interfaceNotFound,
        p.Filters,
        interfaceFields,
    ).map(({ Tags, ...n }) => ({
        ...n,
        PrivateIpAddresses: [{ Primary: true, PrivateIpAddress: n.PrivateIpAddress }],
        TagSet: Tags,
    })),
});
