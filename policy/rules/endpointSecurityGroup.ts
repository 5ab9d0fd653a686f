import { HTTPS_PORT } from "@apprunner-private/apprunner-private/aws";
import { TYPES, dependedOn, idOf, isAppRunnerEndpoint, label, list, ofType, prop } from "../resources";
import { Finding, ResourceView, StackRule, isUnknown, notApplicable } from "../types";

/** One ingress permission on a security group that guards an App Runner endpoint, read from the stack. */
interface Permission {
    group: ResourceView;
    endpoint: ResourceView;
    /** Where it is written: "ingress[0]" of the group, or a rule resource's label. */
    where: string;
    protocol: unknown;
    fromPort: unknown;
    toPort: unknown;
    /** CIDR sources; security group and prefix list sources are not world-open. */
    cidrs: unknown[];
}

/**
 * The ingress permissions of every security group on an App Runner endpoint of the stack (inline `ingress`,
 * `SecurityGroupRule` and `SecurityGroupIngressRule` resources), and "could not check" for what is not known yet or
 * is outside the stack. Each group is read once, however many endpoints it guards.
 */
function permissionsOf(resources: ResourceView[]): { permissions: Permission[]; findings: Finding[] } | undefined {
    const endpoints = ofType(resources, TYPES.endpoint).filter((e) => isAppRunnerEndpoint(e) === true);
    if (endpoints.length === 0) return undefined;
    const groups = ofType(resources, TYPES.securityGroup);
    const rules = [...ofType(resources, TYPES.securityGroupRule), ...ofType(resources, TYPES.ingressRule)];
    const permissions: Permission[] = [];
    const findings: Finding[] = [];
    const seen = new Set<string>();
    for (const endpoint of endpoints) {
        const ids = prop(endpoint, "securityGroupIds");
        if (ids === undefined || (Array.isArray(ids) && ids.length === 0)) {
            findings.push({
                outcome: "could-not-check",
                urn: endpoint.urn,
                message:
                    `${label(endpoint)} uses the VPC's default security group, which is not in this stack; give ` +
                    `it a security group that admits TCP 443 from your clients.`,
            });
            continue;
        }
        // Groups of the stack are found by dependency (ids unknown in a preview) and by id; others are reported.
        const attached = dependedOn(endpoint, "securityGroupIds", groups);
        if (isUnknown(ids)) {
            if (attached.length === 0)
                findings.push({
                    outcome: "could-not-check",
                    urn: endpoint.urn,
                    message: `${label(endpoint)}'s securityGroupIds are not known yet.`,
                });
        } else {
            for (const id of list(ids)) {
                const group = groups.find((g) => idOf(g) === id);
                if (group) attached.push(group);
                else
                    findings.push({
                        outcome: "could-not-check",
                        urn: endpoint.urn,
                        message:
                            `${label(endpoint)}'s security group ${String(id)} is not in this stack; check its rules ` +
                            `where it is defined.`,
                    });
            }
        }
        for (const group of attached) {
            if (seen.has(group.urn)) continue;
            seen.add(group.urn);
            readGroup(group, endpoint, rules, permissions, findings);
        }
    }
    return { permissions, findings };
}

function readGroup(
    group: ResourceView,
    endpoint: ResourceView,
    rules: ResourceView[],
    permissions: Permission[],
    findings: Finding[],
): void {
    const inline = prop(group, "ingress");
    if (isUnknown(inline)) {
        findings.push({ outcome: "could-not-check", urn: group.urn, message: `${label(group)}'s ingress rules are not known yet.` });
    } else {
        list(inline).forEach((r, i) => {
            const rule = (r ?? {}) as Record<string, unknown>;
            const cidrs = [...list(rule.cidrBlocks), ...list(rule.ipv6CidrBlocks)];
            permissions.push({
                group,
                endpoint,
                where: `ingress[${i}]`,
                protocol: rule.protocol,
                fromPort: rule.fromPort,
                toPort: rule.toPort,
                cidrs,
            });
        });
    }
    const groupId = idOf(group);
    for (const rule of rules) {
        const target = prop(rule, "securityGroupId");
        const targets = typeof target === "string" && target === groupId ? true : dependedOn(rule, "securityGroupId", [group]).length > 0;
        if (!targets) continue;
        const isOldStyle = rule.type === TYPES.securityGroupRule;
        const direction = isOldStyle ? prop(rule, "type") : "ingress";
        const fields = isOldStyle
            ? { protocol: prop(rule, "protocol"), cidrs: [prop(rule, "cidrBlocks"), prop(rule, "ipv6CidrBlocks")] }
            : { protocol: prop(rule, "ipProtocol"), cidrs: [prop(rule, "cidrIpv4"), prop(rule, "cidrIpv6")] };
        const [fromPort, toPort] = [prop(rule, "fromPort"), prop(rule, "toPort")];
        if ([direction, fields.protocol, fromPort, toPort, ...fields.cidrs].some(isUnknown)) {
            findings.push({
                outcome: "could-not-check",
                urn: rule.urn,
                message: `${label(rule)}'s direction, protocol, ports or sources are not known yet.`,
            });
            continue;
        }
        if (direction !== "ingress") continue;
        permissions.push({
            group,
            endpoint,
            where: label(rule),
            protocol: fields.protocol,
            fromPort,
            toPort,
            cidrs: fields.cidrs.flatMap(list),
        });
    }
}

function violation(p: Permission, what: string, fix: string): Finding {
    return {
        outcome: "non-compliant",
        urn: p.group.urn,
        message: `${label(p.group)} on App Runner endpoint ${label(p.endpoint)}: ${p.where} ${what}; ${fix}`,
    };
}

function stackRule(rule: Omit<StackRule, "scope" | "check">, judge: (p: Permission) => Finding | undefined): StackRule {
    return {
        ...rule,
        scope: "stack",
        check(resources) {
            const read = permissionsOf(resources);
            if (!read) return notApplicable("no App Runner interface endpoint in the stack");
            return [...read.findings, ...read.permissions.flatMap((p) => judge(p) ?? [])];
        },
    };
}

const WORLD = ["0.0.0.0/0", "::/0"];

/**
 * Mandatory: a world-open source is what leaves a private service open to every network that routes into the VPC.
 */
export const endpointSecurityGroupNotWorldOpen = stackRule(
    {
        id: "apprunner-endpoint-sg-not-world-open",
        description: "Security groups on an apprunner.requests endpoint never admit 0.0.0.0/0 or ::/0.",
        explanation:
            "A world-open source admits every network that can route into the VPC: peered VPCs, VPN and Direct Connect " +
            "sites. The security group is the only access control a private App Runner service has: endpoint policies are " +
            "not supported, and WAF cannot filter by source address for private services (App Runner guide, network-pl.html).",
        enforcementLevel: "mandatory",
    },
    (p) => {
        const open = p.cidrs.filter((c) => typeof c === "string" && WORLD.includes(c));
        return open.length > 0
            ? violation(p, `admits ${open.join(" and ")}`, "allow only your clients' CIDR blocks or security groups.")
            : undefined;
    },
);

/**
 * Advisory: a port other than 443 is surface without purpose, but it neither is refused by AWS nor opens the service
 * (AWS Copilot opens every port from its environment's security group). DESIGN-NOTES.md, "Rule levels".
 */
export const endpointSecurityGroup = stackRule(
    {
        id: "apprunner-endpoint-sg-https-only",
        description: "Security groups on an apprunner.requests endpoint admit only TCP 443.",
        explanation:
            "Private App Runner services are served over HTTPS on port 443 (whether port 80 is served privately is " +
            "unverified); any other port on the endpoint's network interfaces is surface without purpose. Advisory: it " +
            "opens nothing AWS serves, and AWS Copilot itself admits all traffic from its environment's security group.",
        enforcementLevel: "advisory",
    },
    (p) => {
        const protocol = String(p.protocol).toLowerCase();
        if (["tcp", "6"].includes(protocol) && p.fromPort === HTTPS_PORT && p.toPort === HTTPS_PORT) return undefined;
        const what = protocol === "-1" || protocol === "all" ? "all traffic" : `${protocol} ${String(p.fromPort)}-${String(p.toPort)}`;
        return violation(p, `admits ${what}, not only TCP 443`, "allow only TCP 443 from your clients.");
    },
);
