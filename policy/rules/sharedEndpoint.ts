import { HOURS_PER_MONTH, INTERFACE_ENDPOINT_TYPE, endpointPricePerAzHour } from "@apprunner-private/apprunner-private/aws";
import { TYPES, endpointRegion, isAppRunnerEndpoint, label, ofType, prop, vpcIdentity } from "../resources";
import { Finding, StackRule, isUnknown, notApplicable } from "../types";

/**
 * An endpoint an InterfaceEndpoint created: its URN's type chain (its ancestors' types, `$`-separated) names one, at
 * any depth (an InterfaceEndpoint inside the user's own component too).
 */
function isInterfaceEndpoints(endpoint: { urn: string }): boolean {
    return (endpoint.urn.split("::")[2] ?? "").split("$").slice(0, -1).includes(INTERFACE_ENDPOINT_TYPE);
}

export interface SharedEndpointConfig {
    /** USD per endpoint per Availability Zone per hour; default: the endpoint's region's price (AWS PrivateLink pricing). */
    pricePerAzHour?: number;
}

export const sharedEndpoint: StackRule<SharedEndpointConfig> = {
    id: "apprunner-shared-endpoint",
    description: "A VPC has one apprunner.requests endpoint, shared by all its private App Runner services.",
    explanation:
        "Interface endpoints are billed per endpoint per Availability Zone per hour, partial hours as full hours (AWS " +
        "PrivateLink pricing: USD 0.01 in us-east-1), and one endpoint serves every App Runner service in its VPC (App " +
        "Runner guide). A second endpoint buys isolation at that price; this advice says what it costs. An InterfaceEndpoint " +
        "is the endpoint of a VPC owned by no service: each PrivateEndpoint takes its vpcEndpointId. Moving a PrivateEndpoint's " +
        "connection to it is an update in place (App Runner's UpdateVpcIngressConnection, through Cloud Control): private " +
        "ingress stays up. A connection made as aws.apprunner.VpcIngressConnection is replaced instead (the AWS provider " +
        "replaces it on any change of its endpoint).",
    enforcementLevel: "advisory",
    configSchema: {
        properties: {
            pricePerAzHour: {
                type: "number",
                description:
                    "USD per endpoint per Availability Zone per hour. Default: the endpoint region's price, or us-east-1's where unknown.",
            },
        },
    },
    defaults: {},
    scope: "stack",
    check(resources, config) {
        const endpoints = ofType(resources, TYPES.endpoint).filter((e) => isAppRunnerEndpoint(e) === true);
        if (endpoints.length < 2) return notApplicable("fewer than two App Runner interface endpoints in the stack");
        const vpcs = ofType(resources, TYPES.vpc);
        const byVpc = new Map<string, typeof endpoints>();
        const findings: Finding[] = [];
        for (const endpoint of endpoints) {
            const vpc = vpcIdentity(endpoint, ["vpcId"], vpcs);
            if (isUnknown(vpc)) {
                findings.push({ outcome: "could-not-check", urn: endpoint.urn, message: `${label(endpoint)}'s VPC is not known yet.` });
                continue;
            }
            byVpc.set(vpc, [...(byVpc.get(vpc) ?? []), endpoint]);
        }
        for (const [vpc, group] of byVpc) {
            if (group.length < 2) continue;
            // The endpoint to keep: an InterfaceEndpoint's, else the first; the others are the cost of not sharing.
            const shared = group.find(isInterfaceEndpoints);
            const extra = group.filter((e) => e !== (shared ?? group[0]));
            const extraAzs = extra.reduce((n, e) => {
                const subnets = prop(e, "subnetIds");
                return n + (Array.isArray(subnets) ? subnets.length : 0);
            }, 0);
            const price = config.pricePerAzHour ?? endpointPricePerAzHour(endpointRegion(group[0]) ?? "").price;
            const monthly = extraAzs * HOURS_PER_MONTH * price;
            const how = shared
                ? `give every PrivateEndpoint the vpcEndpointId of ${label(shared)}, the InterfaceEndpoint's`
                : "make one an InterfaceEndpoint (owned by no service) and give every PrivateEndpoint its vpcEndpointId";
            findings.push({
                outcome: "non-compliant",
                urn: extra[0].urn,
                message:
                    `VPC ${vpc} has ${group.length} App Runner interface endpoints ` +
                    `(${group.map(label).join(", ")}); one can serve every service ` +
                    `in the VPC: ${how}. Sharing it saves about USD ${monthly.toFixed(2)} a month (${extraAzs} ` +
                    `endpoint-AZs × ${HOURS_PER_MONTH} h × USD ${price}), plus data processing. ` +
                    "The move interrupts nothing: each service's VPC ingress connection moves to the shared " +
                    "endpoint in place (Cloud Control), " +
                    "keeping its ARN, and the old endpoints are deleted after.",
            });
        }
        return findings;
    },
};
