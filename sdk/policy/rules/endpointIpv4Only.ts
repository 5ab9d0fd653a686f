import { label, prop } from "../resources";
import { isUnknown } from "../types";
import { endpointRule } from "./endpointRule";

export const endpointIpv4Only = endpointRule(
    {
        id: "apprunner-endpoint-ipv4-only",
        description: "An apprunner.requests VPC endpoint uses IPv4 only.",
        explanation: "App Runner supports only IPv4 for private endpoints (App Runner guide, \"Enabling Private endpoint\").",
        enforcementLevel: "mandatory",
    },
    (endpoint) => {
        const ipType = prop(endpoint, "ipAddressType");
        const dnsType = prop(endpoint, "dnsOptions", "dnsRecordIpType");
        if (isUnknown(ipType) || isUnknown(dnsType)) {
            return [{ outcome: "could-not-check", urn: endpoint.urn, message: `${label(endpoint)}'s IP address type is not known yet.` }];
        }
        const bad = [
            ...(ipType !== undefined && ipType !== "ipv4" ? [`ipAddressType ${JSON.stringify(ipType)}`] : []),
            ...(dnsType !== undefined && dnsType !== "ipv4" ? [`dnsOptions.dnsRecordIpType ${JSON.stringify(dnsType)}`] : []),
        ];
        if (bad.length === 0) return [];
        return [{ outcome: "non-compliant", urn: endpoint.urn, message: `${label(endpoint)} sets ${bad.join(" and ")}: App Runner supports IPv4 only; set "ipv4".` }];
    },
);
