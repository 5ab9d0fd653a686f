import { label, prop } from "../resources";
import { isUnknown } from "../types";
import { endpointRule } from "./endpointRule";

export const endpointMultiAz = endpointRule(
    {
        id: "apprunner-endpoint-multi-az",
        description: "An apprunner.requests VPC endpoint has subnets in two Availability Zones or more.",
        explanation:
            "An interface endpoint has one network interface per subnet, one subnet per Availability Zone. With a " +
            "single subnet, losing that zone cuts every service behind the endpoint off; AWS recommends at least two " +
            '(App Runner guide, "Considerations").',
        enforcementLevel: "advisory",
    },
    (endpoint) => {
        const subnets = prop(endpoint, "subnetIds");
        if (isUnknown(subnets))
            return [{ outcome: "could-not-check", urn: endpoint.urn, message: `${label(endpoint)}'s subnetIds are not known yet.` }];
        const count = Array.isArray(subnets) ? subnets.length : 0;
        if (count >= 2) return [];
        return [
            {
                outcome: "non-compliant",
                urn: endpoint.urn,
                message: `${label(endpoint)} is in ${count} subnet${count === 1 ? "" : "s"}: add a subnet in a second Availability Zone.`,
            },
        ];
    },
);
