import { label, prop } from "../resources";
import { isUnknown } from "../types";
import { endpointRule } from "./endpointRule";

const SUPPORTED = ["ipv4", "dualstack"];

export const endpointIpAddressType = endpointRule(
    {
        id: "apprunner-endpoint-ip-address-type",
        description: "An apprunner.requests VPC endpoint uses IPv4 or dual-stack addresses.",
        explanation:
            "App Runner documents IPv4 and dual-stack (IPv4 and IPv6) for private endpoints (App Runner guide, " +
            '"Enabling Private endpoint", network-pl.html); a dual-stack endpoint needs subnets with IPv6 CIDR blocks.',
        enforcementLevel: "mandatory",
    },
    (endpoint) => {
        const ipType = prop(endpoint, "ipAddressType");
        if (isUnknown(ipType))
            return [{ outcome: "could-not-check", urn: endpoint.urn, message: `${label(endpoint)}'s ipAddressType is not known yet.` }];
        if (ipType === undefined || SUPPORTED.includes(ipType as string)) return [];
        return [
            {
                outcome: "non-compliant",
                urn: endpoint.urn,
                message:
                    `${label(endpoint)} sets ipAddressType ${JSON.stringify(ipType)}: App Runner documents ` +
                    `"ipv4" and "dualstack" only; use one of them.`,
            },
        ];
    },
);
