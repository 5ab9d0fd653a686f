import { TYPES, endpointOf, label, ofType, perConnection, vpcIdentity } from "../resources";
import { Finding, StackRule, isUnknown } from "../types";

export const connectionEndpointSameVpc: StackRule = {
    id: "apprunner-connection-endpoint-same-vpc",
    description: "A VPC ingress connection names the VPC its interface endpoint is in.",
    explanation:
        "A connection's ingressVpcConfiguration pairs a VPC with an interface endpoint of that VPC; AWS rejects a pair " +
        "that does not match, at deployment time (App Runner API, IngressVpcConfiguration).",
    enforcementLevel: "mandatory",
    scope: "stack",
    check(resources) {
        const vpcs = ofType(resources, TYPES.vpc);
        return perConnection(resources, (connection): Finding[] => {
            const endpoint = endpointOf(connection, resources);
            if (isUnknown(endpoint)) {
                return [
                    {
                        outcome: "could-not-check",
                        urn: connection.urn,
                        message: `could not tell which endpoint ${label(connection)} uses: its vpcEndpointId is not known yet.`,
                    },
                ];
            }
            if (endpoint === undefined) {
                return [
                    {
                        outcome: "could-not-check",
                        urn: connection.urn,
                        message: `${label(connection)} uses an endpoint outside this stack; check that its VPC is the connection's.`,
                    },
                ];
            }
            const connectionVpc = vpcIdentity(connection, ["ingressVpcConfiguration", "vpcId"], vpcs);
            const endpointVpc = vpcIdentity(endpoint, ["vpcId"], vpcs);
            if (isUnknown(connectionVpc) || isUnknown(endpointVpc)) {
                return [
                    {
                        outcome: "could-not-check",
                        urn: connection.urn,
                        message: `the VPC of ${label(connection)} or of ${label(endpoint)} is not known yet.`,
                    },
                ];
            }
            if (connectionVpc === endpointVpc) return [];
            return [
                {
                    outcome: "non-compliant",
                    urn: connection.urn,
                    message:
                        `${label(connection)} names VPC ${connectionVpc} but its endpoint ${label(endpoint)} is in ` +
                        `${endpointVpc}: use the endpoint's VPC.`,
                },
            ];
        });
    },
};
