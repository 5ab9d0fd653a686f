// `aws.ec2.SecurityGroup`: hashicorp/terraform-provider-aws internal/service/ec2/vpc_security_group.go @ ffded4b8 (v6, the
// same logic @ 01606926), as @pulumi/aws 7.48.0 bundles it (./index.ts). Replaced on a change (ForceNew): `name`,
// `namePrefix`, `description` (pulumi-aws's default "Managed by Pulumi": provider/resource_overrides.go @ 015d3438),
// `vpcId`, `region` (./common.ts); updated in place: `ingress` and `egress` (sets hashed by securityGroupRuleHash; each
// source of a rule revoked or authorized alone, updateSecurityGroupRules), `revokeRulesOnDelete`, `tags`.
import { Ctx, PartialCreate, SdkError } from "../context";
import { bool, int, io, list, map, obj, out, set, str } from "../schema";
import { all, cidrNetwork, doesNotMatch, lengthBetween } from "../validators";
import { ResourceType, State, notFound, region, retryDependency, step, tagSpec, tags, tagsOut } from "./common";

/** A rule as the provider's set hash sees it: protocol normalised, source lists sorted (securityGroupRuleHash). */
function normalRule(r: Record<string, any>): Record<string, any> {
    const protocol = String(r.protocol).toLowerCase();
    const p = ({ "6": "tcp", "17": "udp", "1": "icmp", "58": "icmpv6", all: "-1" } as Record<string, string>)[protocol] ?? protocol;
    const sorted = (k: string) => [...(r[k] ?? [])].sort();
    return {
        ...r,
        protocol: p,
        cidrBlocks: sorted("cidrBlocks"),
        ipv6CidrBlocks: sorted("ipv6CidrBlocks"),
        prefixListIds: sorted("prefixListIds"),
        securityGroups: sorted("securityGroups"),
    };
}

const ruleType = (name: string) =>
    obj(
        `aws:ec2/${name}:${name}`,
        {
            cidrBlocks: io(list(str), { validate: cidrNetwork(4) }),
            description: io(str, { validate: lengthBetween(0, 255) }),
            fromPort: io(int, { required: true }),
            ipv6CidrBlocks: io(list(str), { validate: cidrNetwork(6) }),
            prefixListIds: io(list(str)),
            protocol: io(str, { required: true }),
            securityGroups: io(set(str)),
            self: io(bool),
            toPort: io(int, { required: true }),
        },
        normalRule,
    );

/**
 * EC2's permissions as the provider's rules: grouped by protocol, ports and description (securityGroupIPPermGather),
 * then matched against the rules the program declared (matchRules): a declared rule whose sources AWS has comes out as
 * declared, and what is left (rules added out of band) comes out as rules of its own.
 */
function rulesOf(perms: any[], groupId: string, declared: State[] = []): State[] {
    const gathered = gatherRules(perms, groupId);
    const out: State[] = [];
    const sourcesOf = (r: State) =>
        ["cidrBlocks", "ipv6CidrBlocks", "prefixListIds", "securityGroups"]
            .flatMap((k) => (r[k] ?? []).map((v: string) => `${k}=${v}`))
            .concat(r.self ? ["self"] : []);
    for (const local of declared) {
        const l = normalRule(local);
        const remote = gathered.find(
            (g) =>
                g.protocol === l.protocol && g.fromPort === l.fromPort && g.toPort === l.toPort && g.description === (l.description ?? ""),
        );
        const wanted = sourcesOf(l);
        if (!remote || !wanted.every((s) => sourcesOf(remote).includes(s))) continue;
        out.push({
            ...remote,
            cidrBlocks: l.cidrBlocks,
            ipv6CidrBlocks: l.ipv6CidrBlocks,
            prefixListIds: l.prefixListIds,
            securityGroups: l.securityGroups,
            self: l.self ?? false,
        });
        for (const k of ["cidrBlocks", "ipv6CidrBlocks", "prefixListIds", "securityGroups"])
            remote[k] = remote[k].filter((v: string) => !(l[k] ?? []).includes(v));
        if (l.self) remote.self = false;
    }
    return [...out, ...gathered.filter((g) => sourcesOf(g).length > 0)];
}

function gatherRules(perms: any[], groupId: string): State[] {
    const rules = new Map<string, State>();
    for (const p of perms) {
        const all = p.IpProtocol === "-1";
        const sources = [
            ...p.IpRanges.map((r: any) => ({ d: r.Description ?? "", k: "cidrBlocks", v: r.CidrIp })),
            ...p.Ipv6Ranges.map((r: any) => ({ d: r.Description ?? "", k: "ipv6CidrBlocks", v: r.CidrIpv6 })),
            ...p.PrefixListIds.map((r: any) => ({ d: r.Description ?? "", k: "prefixListIds", v: r.PrefixListId })),
            ...p.UserIdGroupPairs.map((r: any) => ({
                d: r.Description ?? "",
                k: r.GroupId === groupId ? "self" : "securityGroups",
                v: r.GroupId,
            })),
        ];
        for (const s of sources) {
            const key = `${p.IpProtocol}/${p.FromPort}/${p.ToPort}/${s.d}`;
            let rule = rules.get(key);
            if (!rule) {
                rule = {
                    cidrBlocks: [],
                    description: s.d,
                    fromPort: all ? 0 : p.FromPort,
                    ipv6CidrBlocks: [],
                    prefixListIds: [],
                    protocol: p.IpProtocol,
                    securityGroups: [],
                    self: false,
                    toPort: all ? 0 : p.ToPort,
                };
                rules.set(key, rule);
            }
            if (s.k === "self") rule.self = true;
            else rule[s.k].push(s.v);
        }
    }
    return [...rules.values()];
}

/** A provider rule as EC2 permissions (one per rule; expandIPPerms). */
function permissionsOf(rule: State, groupId: string): Record<string, any> {
    const d = rule.description ? { Description: rule.description } : {};
    const protocol = normalRule(rule).protocol;
    return {
        IpProtocol: protocol,
        ...(protocol === "-1" ? {} : { FromPort: rule.fromPort, ToPort: rule.toPort }),
        IpRanges: (rule.cidrBlocks ?? []).map((c: string) => ({ CidrIp: c, ...d })),
        Ipv6Ranges: (rule.ipv6CidrBlocks ?? []).map((c: string) => ({ CidrIpv6: c, ...d })),
        PrefixListIds: (rule.prefixListIds ?? []).map((c: string) => ({ PrefixListId: c, ...d })),
        UserIdGroupPairs: [...(rule.securityGroups ?? []), ...(rule.self ? [groupId] : [])].map((g: string) => ({ GroupId: g, ...d })),
    };
}

const SOURCES = ["cidrBlocks", "ipv6CidrBlocks", "prefixListIds", "securityGroups"] as const;

/**
 * A rule per source: one for each CIDR block, IPv6 block, prefix list and security group, and one for `self`, each with
 * the rule's protocol, ports and description (securityGroupExpandRules, vpc_security_group.go).
 */
function expandRules(rules: State[] = []): State[] {
    return rules.flatMap((r) => {
        const base = { protocol: r.protocol, fromPort: r.fromPort, toPort: r.toPort, description: r.description ?? "" };
        return [
            ...SOURCES.flatMap((k) => (r[k] ?? []).map((v: string) => ({ ...base, [k]: [v] }))),
            ...(r.self ? [{ ...base, self: true }] : []),
        ];
    });
}

/** The set hash of one expanded rule (securityGroupRuleHash: ports, normalised protocol, self, sources, description). */
const ruleKey = (r: State) =>
    JSON.stringify(
        normalRule({ cidrBlocks: [], ipv6CidrBlocks: [], prefixListIds: [], securityGroups: [], self: false, description: "", ...r }),
    );

/** Expanded rules regrouped by protocol, ports and description, their sources joined (securityGroupCollapseRules). */
function collapseRules(rules: State[]): State[] {
    const groups = new Map<string, State>();
    for (const r of rules) {
        const n = normalRule(r);
        const key = JSON.stringify([n.protocol, n.toPort, n.fromPort, r.description ?? ""]);
        const g = groups.get(key) ?? {
            protocol: r.protocol,
            fromPort: r.fromPort,
            toPort: r.toPort,
            description: r.description ?? "",
            cidrBlocks: [],
            ipv6CidrBlocks: [],
            prefixListIds: [],
            securityGroups: [],
            self: false,
        };
        for (const k of SOURCES) g[k] = [...g[k], ...(r[k] ?? []).filter((v: string) => !g[k].includes(v))];
        g.self ||= r.self === true;
        groups.set(key, g);
    }
    return [...groups.values()];
}

/**
 * Revokes the sources that went, then authorizes the ones that came, each grouped into permissions by protocol, ports and
 * description (updateSecurityGroupRules): a source that stays is never revoked. No rollback if the authorize fails.
 */
async function updateRules(ctx: Ctx, id: string, direction: "Ingress" | "Egress", olds: State[] = [], news: State[] = []): Promise<void> {
    const o = expandRules(olds);
    const n = expandRules(news);
    const removed = collapseRules(o.filter((r) => !n.some((x) => ruleKey(x) === ruleKey(r))));
    const added = collapseRules(n.filter((r) => !o.some((x) => ruleKey(x) === ruleKey(r))));
    if (removed.length)
        await ctx.call("ec2", `RevokeSecurityGroup${direction}`, { GroupId: id, IpPermissions: removed.map((r) => permissionsOf(r, id)) });
    if (added.length)
        await ctx.call("ec2", `AuthorizeSecurityGroup${direction}`, { GroupId: id, IpPermissions: added.map((r) => permissionsOf(r, id)) });
}

export const securityGroup: ResourceType = {
    tagging: "ec2",
    autonamed: true,
    schema: {
        token: "aws:ec2/securityGroup:SecurityGroup",
        properties: {
            name: io(str, {
                forceNew: true,
                computed: true,
                alwaysOut: true,
                validate: all(lengthBetween(0, 255), doesNotMatch(/^sg-/, "cannot begin with sg-")),
            }),
            namePrefix: io(str, { forceNew: true, computed: true, alwaysOut: true }),
            // pulumi-aws's default (resource_overrides.go); Terraform's own would be "Managed by Terraform".
            description: io(str, { forceNew: true, default: "Managed by Pulumi", alwaysOut: true, validate: lengthBetween(0, 255) }),
            vpcId: io(str, { forceNew: true, computed: true, alwaysOut: true }),
            ingress: io(set(ruleType("SecurityGroupIngress")), { computed: true, alwaysOut: true }),
            egress: io(set(ruleType("SecurityGroupEgress")), { computed: true, alwaysOut: true }),
            revokeRulesOnDelete: io(bool),
            region: region(),
            tags: tags(),
            arn: out(str),
            ownerId: out(str),
            tagsAll: out(map(str)),
        },
    },
    async create(ctx, inputs) {
        const { GroupId: id } = await step(`creating Security Group (${inputs.name})`, () =>
            ctx.call("ec2", "CreateSecurityGroup", {
                GroupName: inputs.name,
                Description: inputs.description,
                VpcId: inputs.vpcId,
                TagSpecifications: tagSpec("security-group", inputs.tags),
            }),
        );
        try {
            // AWS gives a new group an allow-all egress rule; Terraform revokes it, then authorizes the configured rules.
            await ctx.call("ec2", "RevokeSecurityGroupEgress", {
                GroupId: id,
                IpPermissions: [{ IpProtocol: "-1", IpRanges: [{ CidrIp: "0.0.0.0/0" }] }],
            });
            await updateRules(ctx, id, "Ingress", [], inputs.ingress);
            await updateRules(ctx, id, "Egress", [], inputs.egress);
        } catch (e) {
            // The group exists: Pulumi keeps it with the failure (Terraform set its id before updating its rules).
            throw new PartialCreate(
                id,
                (await this.read(ctx, id, inputs)) ?? {},
                `updating Security Group (${id}) ingress rules: ${(e as Error).message}`,
            );
        }
        return { id, state: (await this.read(ctx, id, inputs))! };
    },
    async read(ctx, id, inputs) {
        let g;
        try {
            [g] = (await ctx.call("ec2", "DescribeSecurityGroups", { GroupIds: [id] })).SecurityGroups;
        } catch (e) {
            if (notFound(e, "InvalidGroup.NotFound")) return undefined;
            throw new SdkError(`reading Security Group (${id}): ${(e as Error).message}`);
        }
        return {
            arn: g.SecurityGroupArn,
            description: g.Description,
            egress: rulesOf(g.IpPermissionsEgress, id, inputs?.egress),
            ingress: rulesOf(g.IpPermissions, id, inputs?.ingress),
            name: g.GroupName,
            namePrefix: "",
            ownerId: g.OwnerId,
            region: ctx.region,
            revokeRulesOnDelete: false,
            tags: tagsOut(g.Tags),
            tagsAll: tagsOut(g.Tags),
            vpcId: g.VpcId,
        };
    },
    async update(ctx, id, olds, news) {
        await updateRules(ctx, id, "Ingress", olds.ingress, news.ingress ?? olds.ingress);
        await updateRules(ctx, id, "Egress", olds.egress, news.egress ?? olds.egress);
        return (await this.read(ctx, id, news))!;
    },
    async delete(ctx, id) {
        // Terraform retries DependencyViolation until the delete timeout, 15 minutes (vpc_security_group.go).
        await retryDependency(
            ctx,
            `deleting Security Group (${id})`,
            900_000,
            () => ctx.call("ec2", "DeleteSecurityGroup", { GroupId: id }),
            ["InvalidGroup.NotFound"],
        );
    },
};
