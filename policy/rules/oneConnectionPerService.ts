import { TYPES, dependedOn, label, ofType, prop } from "../resources";
import { Finding, StackRule, notApplicable } from "../types";

export const oneConnectionPerService: StackRule = {
    id: "apprunner-one-connection-per-service",
    description: "An App Runner service has at most one VPC ingress connection in a stack.",
    explanation:
        "AWS allows one VPC ingress connection per App Runner service; a second one fails at deployment, after the " +
        'resources before it were created (App Runner guide, "VPC Ingress Connection"). To reach a service from several ' +
        "places, share its one connection's domain name.",
    enforcementLevel: "mandatory",
    scope: "stack",
    check(resources) {
        const connections = ofType(resources, TYPES.connection);
        if (connections.length < 2) return notApplicable("fewer than two VPC ingress connections in the stack");
        const services = ofType(resources, TYPES.service);
        const byService = new Map<string, string[]>();
        const findings: Finding[] = [];
        for (const connection of connections) {
            const arn = prop(connection, "serviceArn");
            const key = typeof arn === "string" ? arn : dependedOn(connection, "serviceArn", services)[0]?.urn;
            if (key === undefined) {
                findings.push({
                    outcome: "could-not-check",
                    urn: connection.urn,
                    message: `could not tell which service ${label(connection)} connects: its serviceArn is not known yet.`,
                });
                continue;
            }
            byService.set(key, [...(byService.get(key) ?? []), connection.urn]);
        }
        for (const [service, urns] of byService) {
            if (urns.length < 2) continue;
            const names = urns.map((u) => label(connections.find((c) => c.urn === u)!));
            for (const urn of urns.slice(1)) {
                findings.push({
                    outcome: "non-compliant",
                    urn,
                    message:
                        `${names.join(" and ")} connect the same service (${service}); AWS allows one: keep one and ` +
                        `share its domain name.`,
                });
            }
        }
        return findings;
    },
};
