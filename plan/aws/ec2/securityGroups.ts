// EC2 security groups and their rules: Create/Describe/DeleteSecurityGroup, Authorize/RevokeSecurityGroupIngress and Egress.
import { Account, IpPermission, SecurityGroup } from "../account";
import { parseCidr } from "../cidr";
import { fail } from "../errors";
import { describe, Ec2Handler, groupNotFound, groupOf, Params, tagsOf, vpcOf } from "./common";
import { permission } from "./vpcs";

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

export const CreateSecurityGroup: Ec2Handler = (account, region, p) => {
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
            "Invalid security group description. Valid descriptions are strings less than 256 " +
                "characters from the following set:  a-zA-Z0-9. _-:/()#,@[]+=&;{}!$*",
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

export const DescribeSecurityGroups: Ec2Handler = (account, region, p) => ({
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

export function authorize(field: "IpPermissions" | "IpPermissionsEgress"): Ec2Handler {
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

export function revoke(field: "IpPermissions" | "IpPermissionsEgress"): Ec2Handler {
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

export const DeleteSecurityGroup: Ec2Handler = (account, region, p) => {
    const group = groupOf(account, region, p.GroupId);
    // "You can't delete a default security group … Client.CannotDelete" (VPC User Guide); the text is unverified.
    if (group.GroupName === "default")
        fail("CannotDelete", `the specified group: "${group.GroupId}" name: "default" cannot be deleted by a user`);
    // An endpoint's network interfaces (until the endpoint is gone) or another group's rule keep the group (API
    // reference, DeleteSecurityGroup); real text: "resource sg-… has a dependent object" (public issues).
    const usedByEndpoint = account.state.vpcEndpoints.some((e) => e.Groups.some((g) => g.GroupId === group.GroupId));
    const usedByInterface = (account.state.networkInterfaces ?? []).some((n) => n.Groups.some((g) => g.GroupId === group.GroupId));
    const referenced = account.state.securityGroups.some(
        (g) =>
            g !== group &&
            [...g.IpPermissions, ...g.IpPermissionsEgress].some((perm) =>
                perm.UserIdGroupPairs.some((pair) => pair.GroupId === group.GroupId),
            ),
    );
    if (usedByEndpoint || usedByInterface || referenced) fail("DependencyViolation", `resource ${group.GroupId} has a dependent object`);
    account.state.securityGroups = account.state.securityGroups.filter((g) => g !== group);
    return { Return: true, GroupId: group.GroupId };
};
