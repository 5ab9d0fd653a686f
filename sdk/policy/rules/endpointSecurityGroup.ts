import { HTTPS_PORT } from "../../aws";
import { TYPES, dependedOn, idOf, isAppRunnerEndpoint, label, ofType, prop } from "../resources";
import { Finding, ResourceView, StackRule, isUnknown, notApplicable } from "../types";

const OPEN = ["0.0.0.0/0", "::/0"];

/** The problems of one ingress rule: anything but TCP 443, or a world-open source. */
function ruleProblems(rule: { protocol: unknown; fromPort: unknown; toPort: unknown; sources: unknown[] }): string[] {
    const problems: string[] = [];
    const protocol = String(rule.protocol).toLowerCase();
    if (!["tcp", "6"].includes(protocol) || rule.fromPort !== HTTPS_PORT || rule.toPort !== HTTPS_PORT) {
        problems.push(`admits ${protocol === "-1" || protocol === "all" ? "all traffic" : `${protocol} ${String(rule.fromPort)}-${String(rule.toPort)}`}, not only TCP 443`);
    }
    const open = rule.sources.filter((s) => typeof s === "string" && OPEN.includes(s));
    if (open.length > 0) problems.push(`admits ${open.join(" and ")}`);
    return problems;
}

export const endpointSecurityGroup: StackRule = {
    id: "apprunner-endpoint-sg-https-only",
    description: "Security groups on an apprunner.requests endpoint admit only TCP 443, and never from 0.0.0.0/0 or ::/0.",
    explanation:
        "Private App Runner services are served over HTTPS on port 443; any other port on the endpoint's network interfaces " +
        "is surface without purpose. A world-open source admits every network that can route into the VPC: peered VPCs, " +
        "VPN and Direct Connect sites. The security group is the only access control App Runner endpoints have, since " +
        "endpoint policies are not supported.",
    enforcementLevel: "mandatory",
    scope: "stack",
    check(resources) {
        const endpoints = ofType(resources, TYPES.endpoint).filter((e) => isAppRunnerEndpoint(e) === true);
        if (endpoints.length === 0) return notApplicable("no App Runner interface endpoint in the stack");
        const groups = ofType(resources, TYPES.securityGroup);
        const rules = [...ofType(resources, TYPES.securityGroupRule), ...ofType(resources, TYPES.ingressRule)];
        const checked = new Set<string>();
        // A group may guard several endpoints: each group is checked once.
        const findings: Finding[] = [];
        for (const endpoint of endpoints) {
            const ids = prop(endpoint, "securityGroupIds");
            if (ids === undefined || (Array.isArray(ids) && ids.length === 0)) {
                findings.push({ outcome: "could-not-check", urn: endpoint.urn, message: `${label(endpoint)} uses the VPC's default security group, which is not in this stack; give it a security group that admits TCP 443 from your clients.` });
                continue;
            }
            // Groups of the stack are found by dependency (ids unknown in a preview) and by id; others are reported.
            const attached = dependedOn(endpoint, "securityGroupIds", groups);
            for (const id of Array.isArray(ids) ? ids : []) {
                if (isUnknown(id)) continue;
                const group = groups.find((g) => idOf(g) === id);
                if (group) attached.push(group);
                else findings.push({ outcome: "could-not-check", urn: endpoint.urn, message: `${label(endpoint)}'s security group ${String(id)} is not in this stack; check its rules where it is defined.` });
            }
            const someUnknown = isUnknown(ids) || (Array.isArray(ids) && ids.some(isUnknown));
            if (someUnknown && attached.length === 0) {
                findings.push({ outcome: "could-not-check", urn: endpoint.urn, message: `${label(endpoint)}'s securityGroupIds are not known yet.` });
            }
            for (const group of attached) {
                if (checked.has(group.urn)) continue;
                checked.add(group.urn);
                findings.push(...checkGroup(group, endpoint, rules));
            }
        }
        return findings;
    },
};

function checkGroup(group: ResourceView, endpoint: ResourceView, rules: ResourceView[]): Finding[] {
    const findings: Finding[] = [];
    const inline = prop(group, "ingress");
    if (isUnknown(inline)) {
        findings.push({ outcome: "could-not-check", urn: group.urn, message: `${label(group)}'s ingress rules are not known yet.` });
    } else if (Array.isArray(inline)) {
        inline.forEach((r: any, i: number) => {
            const lists = [r.cidrBlocks ?? [], r.ipv6CidrBlocks ?? []];
            const sources = lists.flatMap((l) => (Array.isArray(l) ? l : [l]));
            if ([r.protocol, r.fromPort, r.toPort, ...sources].some(isUnknown)) {
                findings.push({ outcome: "could-not-check", urn: group.urn, message: `${label(group)}'s ingress[${i}] protocol, ports or sources are not known yet.` });
                return;
            }
            const problems = ruleProblems({ protocol: r.protocol, fromPort: r.fromPort, toPort: r.toPort, sources });
            if (problems.length) findings.push(violation(group, endpoint, `ingress[${i}] ${problems.join(" and ")}`));
        });
    }
    const groupId = idOf(group);
    for (const rule of rules) {
        const target = prop(rule, "securityGroupId");
        const targets = target === groupId && typeof target === "string" ? true : dependedOn(rule, "securityGroupId", [group]).length > 0;
        if (!targets) continue;
        if (rule.type === TYPES.securityGroupRule && prop(rule, "type") !== "ingress") continue;
        const view =
            rule.type === TYPES.securityGroupRule
                ? { protocol: prop(rule, "protocol"), fromPort: prop(rule, "fromPort"), toPort: prop(rule, "toPort"), sources: [...((prop(rule, "cidrBlocks") as unknown[]) ?? []), ...((prop(rule, "ipv6CidrBlocks") as unknown[]) ?? [])] }
                : { protocol: prop(rule, "ipProtocol"), fromPort: prop(rule, "fromPort"), toPort: prop(rule, "toPort"), sources: [prop(rule, "cidrIpv4"), prop(rule, "cidrIpv6")] };
        if ([view.protocol, view.fromPort, view.toPort, ...view.sources].some(isUnknown)) {
            findings.push({ outcome: "could-not-check", urn: rule.urn, message: `${label(rule)}'s protocol, ports or sources are not known yet.` });
            continue;
        }
        const problems = ruleProblems(view);
        if (problems.length) findings.push(violation(group, endpoint, `${label(rule)} ${problems.join(" and ")}`));
    }
    return findings;
}

function violation(group: ResourceView, endpoint: ResourceView, what: string): Finding {
    return {
        outcome: "non-compliant",
        urn: group.urn,
        message: `${label(group)} on App Runner endpoint ${label(endpoint)}: ${what}; allow only TCP 443 from your clients' CIDR blocks or security groups.`,
    };
}
