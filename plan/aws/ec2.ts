// Amazon EC2, the actions the AWS provider calls for VPCs, subnets, security groups and interface endpoints: one
// handler per action, taking the action's request (its API member names) and answering its response. Sources, cited
// per rule: the EC2 API reference (request/response shapes; "Error codes for the Amazon EC2 API"), the PrivateLink and
// VPC user guides, and public issues quoting real responses. Texts no public source shows are marked "unverified".
import { Account, IpPermission, SecurityGroup, Subnet, Tag, Vpc, VpcEndpoint, DURATIONS } from "./account";
import { contains, overlaps, parseCidr } from "./cidr";
import { AwsError, fail } from "./errors";
import { hex, zoneId } from "./ids";

type Params = Record<string, any>;
export type Ec2Handler = (account: Account, region: string, params: Params) => Record<string, any>;

/** The Availability Zones this model gives every region (real regions have three to six). */
export const ZONE_LETTERS = ["a", "b", "c"];

/** Interface endpoint services the model knows: App Runner's, in App Runner's 11 regions (AWS General Reference). */
export const APP_RUNNER_REGIONS = [
    "us-east-1",
    "us-east-2",
    "us-west-2",
    "ap-south-1",
    "ap-southeast-1",
    "ap-southeast-2",
    "ap-northeast-1",
    "eu-central-1",
    "eu-west-1",
    "eu-west-2",
    "eu-west-3",
];
const endpointServices = (region: string) => (APP_RUNNER_REGIONS.includes(region) ? [`com.amazonaws.${region}.apprunner.requests`] : []);

// --- lookups and filters ---------------------------------------------------------------------------------------

/** Copies an object as the API answers it: without the model's own bookkeeping. */
export function answer<T extends object>(o: T): T {
    const { Region: _r, Pending: _p, ...rest } = o as Record<string, unknown>;
    return JSON.parse(JSON.stringify(rest));
}

const tagValues = (tags: Tag[], key: string) => tags.filter((t) => t.Key === key).map((t) => t.Value);
const glob = (pattern: string) =>
    new RegExp(
        `^${pattern
            .replace(/[.+^${}()|[\]\\]/g, "\\$&")
            .replace(/\*/g, ".*")
            .replace(/\?/g, ".")}$`,
    );

/** `Filters` of a Describe call: every filter must match, any of its values (with `*` and `?` wildcards). */
function matches<T extends { Tags: Tag[] }>(
    o: T,
    filters: { Name: string; Values: string[] }[] | undefined,
    fields: Record<string, (o: T) => unknown>,
): boolean {
    return (filters ?? []).every((f) => {
        const values = f.Name.startsWith("tag:")
            ? tagValues(o.Tags, f.Name.slice(4))
            : f.Name === "tag-key"
              ? o.Tags.map((t) => t.Key)
              : fields[f.Name]
                ? [fields[f.Name](o)].flat().map(String)
                : fail("InvalidParameterValue", `The filter '${f.Name}' is invalid`);
        return f.Values.some((v) => values.some((x) => glob(v).test(x)));
    });
}

function describe<T extends { Region: string; Tags: Tag[] }>(
    all: T[],
    region: string,
    ids: string[] | undefined,
    idOf: (o: T) => string,
    prefix: keyof typeof MALFORMED,
    notFound: (id: string) => AwsError,
    filters: Params["Filters"],
    fields: Record<string, (o: T) => unknown>,
): T[] {
    const inRegion = all.filter((o) => o.Region === region);
    for (const id of ids ?? []) wellFormed(prefix, id);
    if (ids?.length) {
        // Every id asked for must exist (EC2 answers the first missing one as <Kind>.NotFound).
        for (const id of ids) if (!inRegion.some((o) => idOf(o) === id)) throw notFound(id);
    }
    return inRegion.filter((o) => (!ids?.length || ids.includes(idOf(o))) && matches(o, filters, fields)).map(answer);
}

// "The vpc ID 'vpc-…' does not exist" (InvalidVpcID.NotFound; real texts quoted in public issues for several actions).
const vpcNotFound = (id: string) => new AwsError("InvalidVpcID.NotFound", `The vpc ID '${id}' does not exist`);
const subnetNotFound = (id: string) => new AwsError("InvalidSubnetID.NotFound", `The subnet ID '${id}' does not exist`);
const groupNotFound = (id: string) => new AwsError("InvalidGroup.NotFound", `The security group '${id}' does not exist`);
// The message text for a missing endpoint is unverified; the code is the EC2 error-codes page's.
const endpointNotFound = (id: string) => new AwsError("InvalidVpcEndpointId.NotFound", `The VpcEndpoint Id '${id}' does not exist`);

/**
 * An id EC2 cannot even parse: "the Id may only contain lowercase alphanumeric characters and a single dash" after its
 * prefix (real text for subnets: terraform-aws-modules/terraform-aws-vpc#722; the others follow the same form, unverified).
 */
const MALFORMED: Record<string, [string, string]> = {
    vpc: ["InvalidVpcID.Malformed", "Vpc"],
    subnet: ["InvalidSubnetId.Malformed", "Subnet"],
    sg: ["InvalidGroupId.Malformed", "Security Group"],
    vpce: ["InvalidVpcEndpointId.Malformed", "VpcEndpoint"],
};
function wellFormed(prefix: keyof typeof MALFORMED, id: unknown): void {
    if (typeof id === "string" && new RegExp(`^${prefix}-[a-z0-9]+$`).test(id)) return;
    const [code, what] = MALFORMED[prefix];
    fail(
        code,
        `Invalid ${what} Id: '${id}' (expecting '${prefix}-...; the Id may only contain lowercase alphanumeric characters and a single dash')`,
    );
}
const orThrow = <T>(found: T | undefined, error: AwsError): T => {
    if (found === undefined) throw error;
    return found;
};
export function vpcOf(account: Account, region: string, id: unknown): Vpc {
    wellFormed("vpc", id);
    return orThrow(
        account.state.vpcs.find((v) => v.VpcId === id && v.Region === region),
        vpcNotFound(String(id)),
    );
}
function subnetOf(account: Account, region: string, id: string): Subnet {
    wellFormed("subnet", id);
    return orThrow(
        account.state.subnets.find((s) => s.SubnetId === id && s.Region === region),
        subnetNotFound(id),
    );
}
function groupOf(account: Account, region: string, id: string): SecurityGroup {
    wellFormed("sg", id);
    return orThrow(
        account.state.securityGroups.find((g) => g.GroupId === id && g.Region === region),
        groupNotFound(id),
    );
}
function endpointOf(account: Account, region: string, id: string): VpcEndpoint {
    wellFormed("vpce", id);
    return orThrow(
        account.state.vpcEndpoints.find((e) => e.VpcEndpointId === id && e.Region === region),
        endpointNotFound(id),
    );
}

function tagsOf(specs: Params["TagSpecifications"], resourceType: string): Tag[] {
    const tags: Tag[] = (specs ?? []).filter((s: Params) => s.ResourceType === resourceType).flatMap((s: Params) => s.Tags ?? []);
    checkTags(tags, []);
    return tags;
}

/**
 * EC2 tag rules (EC2 User Guide, "Tag restrictions"; CreateTags): at most 50 tags a resource, keys 1 to 128 characters
 * not starting with `aws:` in any case ("Don't use aws:, AWS:, or any upper or lowercase combination of such as a
 * prefix"), values up to 256 characters, a value must not be null. (The EC2 API model says 127 for keys,
 * the User Guide 128: unverified which AWS enforces.)
 */
function checkTags(adding: Tag[], existing: Tag[]): void {
    for (const t of adding) {
        if (typeof t.Key !== "string" || t.Key.length === 0 || /^aws:/i.test(t.Key)) {
            fail(
                "InvalidParameterValue",
                `Value ( ${t.Key} ) for parameter key is invalid. Tag keys cannot be empty or null, and cannot start with aws:`,
            );
        }
        if (t.Key.length > 128)
            fail(
                "InvalidParameterValue",
                `Value ( ${t.Key} ) for parameter key is invalid. Tag keys can have a maximum character length of 128`,
            );
        // moto's text; AWS's is unverified.
        if (t.Value === null || t.Value === undefined) fail("InvalidParameterValue", "Tag value cannot be null. Use empty string instead.");
        if (String(t.Value).length > 256)
            fail(
                "InvalidParameterValue",
                `Value ( ${t.Value} ) for parameter value is invalid. Tag values can have a maximum character length of 256`,
            );
    }
    const keys = new Set([...existing.map((t) => t.Key), ...adding.map((t) => t.Key)]);
    // The error code is the EC2 error-codes page's (TagLimitExceeded); the text is unverified.
    if (keys.size > 50)
        fail("TagLimitExceeded", "The maximum number of tags for a resource has been reached. A resource can have at most 50 tags.");
}

// --- VPCs and subnets --------------------------------------------------------------------------------------------

/** A VPC's default security group: inbound from itself, outbound to anywhere (VPC User Guide, default-security-group). */
function defaultGroup(account: Account, vpc: Vpc): SecurityGroup {
    const id = account.newEc2Id("sg");
    return {
        GroupId: id,
        GroupName: "default",
        Description: "default VPC security group",
        Region: vpc.Region,
        VpcId: vpc.VpcId,
        OwnerId: account.accountId,
        SecurityGroupArn: `arn:aws:ec2:${vpc.Region}:${account.accountId}:security-group/${id}`,
        IpPermissions: [permission("-1", undefined, undefined, { UserIdGroupPairs: [{ GroupId: id, UserId: account.accountId }] })],
        IpPermissionsEgress: [permission("-1", undefined, undefined, { IpRanges: [{ CidrIp: "0.0.0.0/0" }] })],
        Tags: [],
    };
}

export function permission(
    protocol: string,
    from: number | undefined,
    to: number | undefined,
    sources: Partial<IpPermission>,
): IpPermission {
    return {
        IpProtocol: protocol,
        ...(from === undefined ? {} : { FromPort: from, ToPort: to }),
        IpRanges: [],
        Ipv6Ranges: [],
        UserIdGroupPairs: [],
        PrefixListIds: [],
        ...sources,
    };
}

/** Makes a VPC (with its default security group) for the account's starting topology and for CreateVpc. */
export function addVpc(
    account: Account,
    region: string,
    p: { VpcId?: string; CidrBlocks: string[]; Ipv6CidrBlock?: string; Tags?: Tag[]; IsDefault?: boolean },
): Vpc {
    const id = p.VpcId ?? account.newEc2Id("vpc");
    const vpc: Vpc = {
        VpcId: id,
        Region: region,
        OwnerId: account.accountId,
        CidrBlock: p.CidrBlocks[0],
        CidrBlockAssociationSet: p.CidrBlocks.map((c, i) => ({
            AssociationId: `vpc-cidr-assoc-${hex(`${id}/${i}`, 17)}`,
            CidrBlock: c,
            CidrBlockState: { State: "associated" },
        })),
        Ipv6CidrBlockAssociationSet: p.Ipv6CidrBlock
            ? [
                  {
                      AssociationId: `vpc-cidr-assoc-${hex(`${id}/v6`, 17)}`,
                      Ipv6CidrBlock: p.Ipv6CidrBlock,
                      Ipv6CidrBlockState: { State: "associated" },
                      NetworkBorderGroup: region,
                  },
              ]
            : [],
        State: "available",
        IsDefault: p.IsDefault ?? false,
        InstanceTenancy: "default",
        DhcpOptionsId: `dopt-${hex(`${region}/dopt`, 17)}`,
        EnableDnsSupport: true,
        EnableDnsHostnames: p.IsDefault ?? false,
        MainRouteTableId: `rtb-${hex(`${id}/main`, 17)}`,
        DefaultNetworkAclId: `acl-${hex(`${id}/acl`, 17)}`,
        Tags: p.Tags ?? [],
    };
    account.state.vpcs.push(vpc);
    account.state.securityGroups.push(defaultGroup(account, vpc));
    return vpc;
}

export function addSubnet(
    account: Account,
    region: string,
    p: {
        SubnetId?: string;
        VpcId: string;
        CidrBlock: string;
        AvailabilityZone: string;
        Ipv6CidrBlock?: string;
        OwnerId?: string;
        Tags?: Tag[];
    },
): Subnet {
    const id = p.SubnetId ?? account.newEc2Id("subnet");
    const owner = p.OwnerId ?? account.accountId;
    const subnet: Subnet = {
        SubnetId: id,
        SubnetArn: `arn:aws:ec2:${region}:${owner}:subnet/${id}`,
        Region: region,
        VpcId: p.VpcId,
        OwnerId: owner,
        AvailabilityZone: p.AvailabilityZone,
        AvailabilityZoneId: zoneId(p.AvailabilityZone),
        CidrBlock: p.CidrBlock,
        Ipv6CidrBlockAssociationSet: p.Ipv6CidrBlock
            ? [
                  {
                      AssociationId: `subnet-cidr-assoc-${hex(`${id}/v6`, 17)}`,
                      Ipv6CidrBlock: p.Ipv6CidrBlock,
                      Ipv6CidrBlockState: { State: "associated" },
                  },
              ]
            : [],
        State: "available",
        DefaultForAz: false,
        MapPublicIpOnLaunch: false,
        AssignIpv6AddressOnCreation: false,
        // Every block but the 5 addresses AWS reserves in each subnet (VPC User Guide, "Subnet CIDR blocks").
        AvailableIpAddressCount: 2 ** (32 - parseCidr(p.CidrBlock)!.prefix) - 5,
        Tags: p.Tags ?? [],
    };
    account.state.subnets.push(subnet);
    return subnet;
}

const vpcFields: Record<string, (v: Vpc) => unknown> = {
    "vpc-id": (v) => v.VpcId,
    cidr: (v) => v.CidrBlock,
    "cidr-block-association.cidr-block": (v) => v.CidrBlockAssociationSet.map((a) => a.CidrBlock),
    "is-default": (v) => v.IsDefault,
    state: (v) => v.State,
    "owner-id": (v) => v.OwnerId,
    "dhcp-options-id": (v) => v.DhcpOptionsId,
    "ipv6-cidr-block-association.ipv6-cidr-block": (v) => v.Ipv6CidrBlockAssociationSet.map((a) => a.Ipv6CidrBlock),
};
const subnetFields: Record<string, (s: Subnet) => unknown> = {
    "subnet-id": (s) => s.SubnetId,
    "vpc-id": (s) => s.VpcId,
    "availability-zone": (s) => s.AvailabilityZone,
    "availability-zone-id": (s) => s.AvailabilityZoneId,
    "cidr-block": (s) => s.CidrBlock,
    "default-for-az": (s) => s.DefaultForAz,
    state: (s) => s.State,
    "owner-id": (s) => s.OwnerId,
    "ipv6-cidr-block-association.ipv6-cidr-block": (s) => s.Ipv6CidrBlockAssociationSet.map((a) => a.Ipv6CidrBlock),
};

const CreateVpc: Ec2Handler = (account, region, p) => {
    // A VPC's block is IPv4, /16 to /28 (VPC User Guide, "VPC CIDR blocks"); EC2 answers InvalidVpc.Range otherwise.
    const cidr = parseCidr(p.CidrBlock);
    if (cidr?.version !== 4 || cidr.prefix < 16 || cidr.prefix > 28) fail("InvalidVpc.Range", `The CIDR '${p.CidrBlock}' is invalid.`);
    // An Amazon-provided IPv6 block is a /56 from Amazon's pool (VPC User Guide, "IPv6 CIDR blocks").
    const serial = account.state.serial;
    const v6 = p.AmazonProvidedIpv6CidrBlock ? `2600:1f18:${hex(`v6/${serial}`, 4)}:${hex(`v6b/${serial}`, 2)}00::/56` : undefined;
    const vpc = addVpc(account, region, { CidrBlocks: [cidr.network], Ipv6CidrBlock: v6, Tags: tagsOf(p.TagSpecifications, "vpc") });
    if (p.InstanceTenancy) vpc.InstanceTenancy = p.InstanceTenancy;
    return { Vpc: answer(vpc) };
};

const DescribeVpcs: Ec2Handler = (account, region, p) => ({
    Vpcs: describe(account.state.vpcs, region, p.VpcIds, (v) => v.VpcId, "vpc", vpcNotFound, p.Filters, vpcFields),
});

const ModifyVpcAttribute: Ec2Handler = (account, region, p) => {
    const vpc = vpcOf(account, region, p.VpcId);
    if (p.EnableDnsSupport) vpc.EnableDnsSupport = Boolean(p.EnableDnsSupport.Value);
    if (p.EnableDnsHostnames) vpc.EnableDnsHostnames = Boolean(p.EnableDnsHostnames.Value);
    return {};
};

const DescribeVpcAttribute: Ec2Handler = (account, region, p) => {
    const vpc = vpcOf(account, region, p.VpcId);
    const attribute: string = p.Attribute;
    const value =
        attribute === "enableDnsSupport" ? vpc.EnableDnsSupport : attribute === "enableDnsHostnames" ? vpc.EnableDnsHostnames : false;
    return { VpcId: vpc.VpcId, [attribute[0].toUpperCase() + attribute.slice(1)]: { Value: value } };
};

const DeleteVpc: Ec2Handler = (account, region, p) => {
    const vpc = vpcOf(account, region, p.VpcId);
    const inUse =
        account.state.subnets.some((s) => s.VpcId === vpc.VpcId) ||
        account.state.vpcEndpoints.some((e) => e.VpcId === vpc.VpcId) ||
        account.state.securityGroups.some((g) => g.VpcId === vpc.VpcId && g.GroupName !== "default");
    // Real text (public issues, e.g. hashicorp/terraform-provider-aws): "The vpc 'vpc-…' has dependencies and cannot be deleted."
    if (inUse) fail("DependencyViolation", `The vpc '${vpc.VpcId}' has dependencies and cannot be deleted.`);
    account.state.vpcs = account.state.vpcs.filter((v) => v !== vpc);
    account.state.securityGroups = account.state.securityGroups.filter((g) => g.VpcId !== vpc.VpcId);
    return {};
};

const CreateSubnet: Ec2Handler = (account, region, p) => {
    const vpc = vpcOf(account, region, p.VpcId);
    const zone: string =
        p.AvailabilityZone ?? (p.AvailabilityZoneId ? zoneByIdOf(region, p.AvailabilityZoneId) : `${region}${ZONE_LETTERS[0]}`);
    if (!ZONE_LETTERS.some((l) => zone === `${region}${l}`)) {
        fail(
            "InvalidParameterValue",
            `Value (${zone}) for parameter availabilityZone is invalid. Subnets can currently only be created in the following availability zones: ${ZONE_LETTERS.map((l) => region + l).join(", ")}.`,
        );
    }
    // A subnet's block lies within one of its VPC's blocks, /16 to /28, and overlaps no other subnet of the VPC
    // (VPC User Guide, "Subnet CIDR blocks"); EC2 answers InvalidSubnet.Range / InvalidSubnet.Conflict.
    const cidr = parseCidr(p.CidrBlock);
    if (
        cidr?.version !== 4 ||
        cidr.prefix < 16 ||
        cidr.prefix > 28 ||
        !vpc.CidrBlockAssociationSet.some((a) => contains(a.CidrBlock, cidr.network))
    ) {
        fail("InvalidSubnet.Range", `The CIDR '${p.CidrBlock}' is invalid.`);
    }
    if (account.state.subnets.some((s) => s.VpcId === vpc.VpcId && overlaps(s.CidrBlock, cidr.network))) {
        fail("InvalidSubnet.Conflict", `The CIDR '${p.CidrBlock}' conflicts with another subnet`);
    }
    if (p.Ipv6CidrBlock !== undefined) {
        const v6 = parseCidr(p.Ipv6CidrBlock);
        const vpcV6 = vpc.Ipv6CidrBlockAssociationSet[0]?.Ipv6CidrBlock;
        // A subnet's IPv6 block is a /64 of its VPC's /56 (VPC User Guide).
        if (v6?.version !== 6 || v6.prefix !== 64 || !vpcV6 || !contains(vpcV6, v6.network))
            fail("InvalidSubnet.Range", `The IPv6 CIDR '${p.Ipv6CidrBlock}' is invalid.`);
    }
    const subnet = addSubnet(account, region, {
        VpcId: vpc.VpcId,
        CidrBlock: cidr.network,
        AvailabilityZone: zone,
        Ipv6CidrBlock: p.Ipv6CidrBlock,
        Tags: tagsOf(p.TagSpecifications, "subnet"),
    });
    return { Subnet: answer(subnet) };
};

function zoneByIdOf(region: string, id: string): string {
    return (
        ZONE_LETTERS.map((l) => region + l).find((z) => zoneId(z) === id) ??
        fail("InvalidParameterValue", `Value (${id}) for parameter availabilityZoneId is invalid.`)
    );
}

const DescribeSubnets: Ec2Handler = (account, region, p) => ({
    Subnets: describe(account.state.subnets, region, p.SubnetIds, (s) => s.SubnetId, "subnet", subnetNotFound, p.Filters, subnetFields),
});

const DeleteSubnet: Ec2Handler = (account, region, p) => {
    const subnet = subnetOf(account, region, p.SubnetId);
    // An endpoint's network interface in the subnet keeps it (EC2 API reference, DeleteSubnet: "You must terminate all
    // running instances in the subnet before you can delete the subnet"); text as EC2 answers DependencyViolation for
    // subnets in public issues.
    if (account.state.vpcEndpoints.some((e) => e.SubnetIds.includes(subnet.SubnetId))) {
        fail("DependencyViolation", `The subnet '${subnet.SubnetId}' has dependencies and cannot be deleted.`);
    }
    account.state.subnets = account.state.subnets.filter((s) => s !== subnet);
    return {};
};

const DescribeAvailabilityZones: Ec2Handler = (_account, region) => ({
    AvailabilityZones: ZONE_LETTERS.map((l) => ({
        ZoneName: region + l,
        ZoneId: zoneId(region + l),
        RegionName: region,
        State: "available",
        ZoneType: "availability-zone",
        GroupName: region,
        NetworkBorderGroup: region,
        OptInStatus: "opt-in-not-required",
    })),
});

// --- security groups ---------------------------------------------------------------------------------------------

/** Characters EC2 allows in a VPC security group's name and description (CreateSecurityGroup, API reference). */
const GROUP_TEXT = /^[a-zA-Z0-9 ._\-:/()#,@[\]+=&;{}!$*]*$/;

const groupFields: Record<string, (g: SecurityGroup) => unknown> = {
    "group-id": (g) => g.GroupId,
    "group-name": (g) => g.GroupName,
    "vpc-id": (g) => g.VpcId,
    "owner-id": (g) => g.OwnerId,
    description: (g) => g.Description,
};

const CreateSecurityGroup: Ec2Handler = (account, region, p) => {
    const vpc = vpcOf(account, region, p.VpcId);
    const name: string = p.GroupName ?? fail("MissingParameter", "The request must contain the parameter groupName");
    const description: string = p.Description ?? fail("MissingParameter", "The request must contain the parameter groupDescription");
    // Real texts: pulumi/pulumi-awsx#477 (sg-), hashicorp/terraform-provider-aws#43854 (non-ASCII),
    // cds-snc/notification-terraform#561 (other characters); the name-character text is unverified.
    if (/^sg-/i.test(name))
        fail("InvalidParameterValue", `Value (${name}) for parameter GroupName is invalid. Group names may not be in the format sg-*.`);
    if (name.length > 255 || !GROUP_TEXT.test(name)) fail("InvalidParameterValue", `Value (${name}) for parameter GroupName is invalid.`);
    if ([...description].some((c) => c.charCodeAt(0) > 0x7f))
        fail(
            "InvalidParameterValue",
            `Value (${description}) for parameter GroupDescription is invalid. Character sets beyond ASCII are not supported.`,
        );
    if (description.length > 255 || !GROUP_TEXT.test(description)) {
        fail(
            "InvalidParameterValue",
            "Invalid security group description. Valid descriptions are strings less than 256 characters from the following set:  a-zA-Z0-9. _-:/()#,@[]+=&;{}!$*",
        );
    }
    // Names are unique in a VPC, case-insensitively (API reference); text from aws-controllers-k8s/community#1443.
    if (account.state.securityGroups.some((g) => g.VpcId === vpc.VpcId && g.GroupName.toLowerCase() === name.toLowerCase())) {
        fail("InvalidGroup.Duplicate", `The security group '${name}' already exists for VPC '${vpc.VpcId}'`);
    }
    const id = account.newEc2Id("sg");
    const arn = `arn:aws:ec2:${region}:${account.accountId}:security-group/${id}`;
    const tags = tagsOf(p.TagSpecifications, "security-group");
    // A new group has no inbound rules and allows all outbound IPv4 traffic (EC2 and VPC user guides).
    account.state.securityGroups.push({
        GroupId: id,
        GroupName: name,
        Description: description,
        Region: region,
        VpcId: vpc.VpcId,
        OwnerId: account.accountId,
        SecurityGroupArn: arn,
        IpPermissions: [],
        IpPermissionsEgress: [permission("-1", undefined, undefined, { IpRanges: [{ CidrIp: "0.0.0.0/0" }] })],
        Tags: tags,
    });
    return { GroupId: id, SecurityGroupArn: arn, Tags: tags };
};

const DescribeSecurityGroups: Ec2Handler = (account, region, p) => ({
    SecurityGroups: describe(
        account.state.securityGroups,
        region,
        p.GroupIds,
        (g) => g.GroupId,
        "sg",
        groupNotFound,
        p.Filters,
        groupFields,
    ),
});

const PROTOCOL_NAMES: Record<string, string> = { "6": "tcp", "17": "udp", "1": "icmp", "58": "icmpv6" };

/** A rule's protocol as EC2 stores it: tcp, udp, icmp, icmpv6, -1 (all) or another protocol number. */
function protocolOf(value: unknown): string {
    const p = String(value).toLowerCase();
    if (["tcp", "udp", "icmp", "icmpv6", "-1"].includes(p)) return p;
    if (/^\d+$/.test(p) && Number(p) <= 255) return PROTOCOL_NAMES[p] ?? p;
    return fail("InvalidParameterValue", `Invalid value '${value}' for IP protocol. Unknown protocol.`);
}

/** One source of a rule as EC2 names it in a duplicate-rule message ("peer: 0.0.0.0/0, TCP, from port: 443, …"). */
function ruleText(peer: string, p: IpPermission): string {
    if (p.IpProtocol === "-1") return `peer: ${peer}, ALL, ALLOW`;
    if (["tcp", "udp"].includes(p.IpProtocol))
        return `peer: ${peer}, ${p.IpProtocol.toUpperCase()}, from port: ${p.FromPort}, to port: ${p.ToPort}, ALLOW`;
    return `peer: ${peer}, protocol: ${p.IpProtocol}, ALLOW`;
}

/** The request's permissions, checked and in EC2's stored form: one source each. */
function sourcesOf(
    account: Account,
    group: SecurityGroup,
    permissions: Params[],
): { key: string; peer: string; permission: IpPermission }[] {
    return (permissions ?? []).flatMap((raw) => {
        const protocol = protocolOf(raw.IpProtocol);
        let from: number | undefined;
        let to: number | undefined;
        if (protocol !== "-1") {
            from = Number(raw.FromPort);
            to = Number(raw.ToPort);
            // "For tcp, udp, and icmp, you must specify a port range" (API reference, IpPermission); the text is unverified.
            const ports =
                protocol === "icmp" || protocol === "icmpv6"
                    ? [from, to].every((n) => n >= -1 && n <= 255)
                    : from >= 0 && to <= 65535 && from <= to;
            if (!Number.isInteger(from) || !Number.isInteger(to) || !ports)
                fail("InvalidParameterValue", `Invalid port range (${raw.FromPort}, ${raw.ToPort}) for protocol ${protocol}.`);
        }
        const make = (sources: Partial<IpPermission>, peer: string) => {
            return { key: `${protocol}/${from}/${to}/${peer}`, peer, permission: permission(protocol, from, to, sources) };
        };
        const out = [];
        for (const r of raw.IpRanges ?? []) {
            // Real text: "CIDR block ::/0 is malformed" (aws/aws-cli#2428). EC2 canonicalises host bits (API reference, CidrIp).
            const c = parseCidr(r.CidrIp);
            if (c?.version !== 4) fail("InvalidParameterValue", `CIDR block ${r.CidrIp} is malformed`);
            out.push(make({ IpRanges: [{ CidrIp: c.network, ...(r.Description ? { Description: r.Description } : {}) }] }, c.network));
        }
        for (const r of raw.Ipv6Ranges ?? []) {
            const c = parseCidr(r.CidrIpv6);
            if (c?.version !== 6) fail("InvalidParameterValue", `CIDR block ${r.CidrIpv6} is malformed`);
            out.push(make({ Ipv6Ranges: [{ CidrIpv6: c.network, ...(r.Description ? { Description: r.Description } : {}) }] }, c.network));
        }
        for (const pair of raw.UserIdGroupPairs ?? []) {
            const source = account.state.securityGroups.find((g) => g.GroupId === pair.GroupId && g.Region === group.Region);
            if (!source) throw groupNotFound(pair.GroupId);
            // A group of another VPC (without peering): real text relayed in ansible/ansible#30053.
            if (source.VpcId !== group.VpcId)
                fail("InvalidGroup.NotFound", "You have specified two resources that belong to different networks.");
            out.push(
                make(
                    {
                        UserIdGroupPairs: [
                            {
                                GroupId: source.GroupId,
                                UserId: account.accountId,
                                ...(pair.Description ? { Description: pair.Description } : {}),
                            },
                        ],
                    },
                    source.GroupId,
                ),
            );
        }
        for (const pl of raw.PrefixListIds ?? []) out.push(make({ PrefixListIds: [{ PrefixListId: pl.PrefixListId }] }, pl.PrefixListId));
        return out;
    });
}

/** EC2 keeps a group's rules as permissions (protocol and ports) with their sources; this flattens and rebuilds them. */
function flatten(perms: IpPermission[]): { key: string; permission: IpPermission }[] {
    return perms.flatMap((p) => {
        const base = (sources: Partial<IpPermission>, peer: string) => ({
            key: `${p.IpProtocol}/${p.FromPort}/${p.ToPort}/${peer}`,
            permission: permission(p.IpProtocol, p.FromPort, p.ToPort, sources),
        });
        return [
            ...p.IpRanges.map((r) => base({ IpRanges: [r] }, r.CidrIp)),
            ...p.Ipv6Ranges.map((r) => base({ Ipv6Ranges: [r] }, r.CidrIpv6)),
            ...p.UserIdGroupPairs.map((r) => base({ UserIdGroupPairs: [r] }, r.GroupId)),
            ...p.PrefixListIds.map((r) => base({ PrefixListIds: [r] }, r.PrefixListId)),
        ];
    });
}
function gather(flat: { permission: IpPermission }[]): IpPermission[] {
    const out: IpPermission[] = [];
    for (const { permission: p } of flat) {
        let found = out.find((o) => o.IpProtocol === p.IpProtocol && o.FromPort === p.FromPort && o.ToPort === p.ToPort);
        if (!found) out.push((found = permission(p.IpProtocol, p.FromPort, p.ToPort, {})));
        found.IpRanges.push(...p.IpRanges);
        found.Ipv6Ranges.push(...p.Ipv6Ranges);
        found.UserIdGroupPairs.push(...p.UserIdGroupPairs);
        found.PrefixListIds.push(...p.PrefixListIds);
    }
    return out;
}

function authorize(field: "IpPermissions" | "IpPermissionsEgress"): Ec2Handler {
    return (account, region, p) => {
        const group = groupOf(account, region, p.GroupId);
        const existing = flatten(group[field]);
        const adding = sourcesOf(account, group, p.IpPermissions);
        for (const a of adding) {
            // Real text: `the specified rule "peer: 0.0.0.0/0, TCP, from port: 443, to port: 443, ALLOW" already exists` (public issues).
            if (existing.some((e) => e.key === a.key))
                fail("InvalidPermission.Duplicate", `the specified rule "${ruleText(a.peer, a.permission)}" already exists`);
        }
        group[field] = gather([...existing, ...adding]);
        return { Return: true };
    };
}

function revoke(field: "IpPermissions" | "IpPermissionsEgress"): Ec2Handler {
    return (account, region, p) => {
        const group = groupOf(account, region, p.GroupId);
        const existing = flatten(group[field]);
        const removing = sourcesOf(account, group, p.IpPermissions);
        for (const r of removing) {
            // The code is the EC2 error-codes page's; the text is unverified.
            if (!existing.some((e) => e.key === r.key)) {
                fail("InvalidPermission.NotFound", `The specified rule does not exist in this security group.`);
            }
        }
        group[field] = gather(existing.filter((e) => !removing.some((r) => r.key === e.key)));
        return { Return: true };
    };
}

const DeleteSecurityGroup: Ec2Handler = (account, region, p) => {
    const group = groupOf(account, region, p.GroupId);
    // "You can't delete a default security group … Client.CannotDelete" (VPC User Guide); the text is unverified.
    if (group.GroupName === "default")
        fail("CannotDelete", `the specified group: "${group.GroupId}" name: "default" cannot be deleted by a user`);
    // An endpoint's network interfaces (until the endpoint is gone) or another group's rule keep the group (API
    // reference, DeleteSecurityGroup); real text: "resource sg-… has a dependent object" (public issues).
    const usedByEndpoint = account.state.vpcEndpoints.some((e) => e.Groups.some((g) => g.GroupId === group.GroupId));
    const referenced = account.state.securityGroups.some(
        (g) =>
            g !== group &&
            [...g.IpPermissions, ...g.IpPermissionsEgress].some((perm) =>
                perm.UserIdGroupPairs.some((pair) => pair.GroupId === group.GroupId),
            ),
    );
    if (usedByEndpoint || referenced) fail("DependencyViolation", `resource ${group.GroupId} has a dependent object`);
    account.state.securityGroups = account.state.securityGroups.filter((g) => g !== group);
    return { Return: true, GroupId: group.GroupId };
};

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
                `Found another VPC endpoint subnet in the availability zone of ${id}. VPC endpoint subnets should be in different availability zones supported by the VPC endpoint service.`,
            );
        }
        zones.set(subnet.AvailabilityZone, id);
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

const CreateVpcEndpoint: Ec2Handler = (account, region, p) => {
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

const ModifyVpcEndpoint: Ec2Handler = (account, region, p) => {
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

const DeleteVpcEndpoints: Ec2Handler = (account, region, p) => {
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

const DescribeVpcEndpoints: Ec2Handler = (account, region, p) => ({
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

// --- tags ----------------------------------------------------------------------------------------------------------

function taggable(account: Account, region: string, id: string): { Tags: Tag[] } {
    const found =
        account.state.vpcs.find((o) => o.VpcId === id && o.Region === region) ??
        account.state.subnets.find((o) => o.SubnetId === id && o.Region === region) ??
        account.state.securityGroups.find((o) => o.GroupId === id && o.Region === region) ??
        account.state.vpcEndpoints.find((o) => o.VpcEndpointId === id && o.Region === region);
    // The code for a well-formed id that does not exist is unverified; EC2 answers InvalidID for malformed ones.
    return found ?? fail("InvalidID", `The ID '${id}' is not valid`);
}

const CreateTags: Ec2Handler = (account, region, p) => {
    for (const id of p.Resources ?? []) {
        const o = taggable(account, region, id);
        const tags: Tag[] = p.Tags ?? [];
        checkTags(tags, o.Tags);
        o.Tags = [...o.Tags.filter((t) => !tags.some((n) => n.Key === t.Key)), ...tags.map((t) => ({ Key: t.Key, Value: t.Value ?? "" }))];
    }
    return {};
};

const DeleteTags: Ec2Handler = (account, region, p) => {
    for (const id of p.Resources ?? []) {
        const o = taggable(account, region, id);
        // A key alone deletes it whatever its value; with a value, only that value; no tags: every user tag (API reference).
        const tags: { Key: string; Value?: string }[] | undefined = p.Tags;
        o.Tags =
            tags === undefined
                ? []
                : o.Tags.filter((t) => !tags.some((d) => d.Key === t.Key && (d.Value === undefined || d.Value === t.Value)));
    }
    return {};
};

export const ec2: Record<string, Ec2Handler> = {
    CreateVpc,
    DescribeVpcs,
    ModifyVpcAttribute,
    DescribeVpcAttribute,
    DeleteVpc,
    CreateSubnet,
    DescribeSubnets,
    DeleteSubnet,
    DescribeAvailabilityZones,
    CreateSecurityGroup,
    DescribeSecurityGroups,
    AuthorizeSecurityGroupIngress: authorize("IpPermissions"),
    AuthorizeSecurityGroupEgress: authorize("IpPermissionsEgress"),
    RevokeSecurityGroupIngress: revoke("IpPermissions"),
    RevokeSecurityGroupEgress: revoke("IpPermissionsEgress"),
    DeleteSecurityGroup,
    CreateVpcEndpoint,
    ModifyVpcEndpoint,
    DeleteVpcEndpoints,
    DescribeVpcEndpoints,
    CreateTags,
    DeleteTags,
};
