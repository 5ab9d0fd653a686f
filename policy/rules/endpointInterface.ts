import { label, prop } from "../resources";
import { isUnknown } from "../types";
import { endpointRule } from "./endpointRule";

export const endpointInterface = endpointRule(
    {
        id: "apprunner-endpoint-interface",
        description: "An apprunner.requests VPC endpoint is an Interface endpoint.",
        explanation:
            "App Runner serves private services through AWS PrivateLink interface endpoints only; the AWS provider's " +
            'default endpoint type is Gateway, which AWS rejects for this service (App Runner guide, "VPC interface endpoint").',
        enforcementLevel: "mandatory",
    },
    (endpoint) => {
        const type = prop(endpoint, "vpcEndpointType");
        if (isUnknown(type))
            return [{ outcome: "could-not-check", urn: endpoint.urn, message: `${label(endpoint)}'s vpcEndpointType is not known yet.` }];
        if (type === "Interface") return [];
        return [
            {
                outcome: "non-compliant",
                urn: endpoint.urn,
                message:
                    `${label(endpoint)} has vpcEndpointType ` +
                    `${type === undefined ? "not set (Gateway)" : JSON.stringify(type)}: set it to "Interface".`,
            },
        ];
    },
);
