import { TYPES, dependedOn, endpointOf, endpointRegion, label, ofType, perConnection, prop, serviceRegion } from "../resources";
import { Finding, StackRule, isUnknown } from "../types";

export const endpointRegionMatchesService: StackRule = {
    id: "apprunner-endpoint-region-matches-service",
    description: "A VPC ingress connection's endpoint serves the region of the service it connects.",
    explanation:
        "An interface endpoint reaches App Runner in the region named by its service name " +
        "(com.amazonaws.<region>.apprunner.requests); a service in another region cannot be connected through it.",
    enforcementLevel: "mandatory",
    scope: "stack",
    check(resources) {
        const services = ofType(resources, TYPES.service);
        return perConnection(resources, (connection): Finding[] => {
            const endpoint = endpointOf(connection, resources);
            if (isUnknown(endpoint) || endpoint === undefined) return []; // reported by apprunner-connection-endpoint-same-vpc
            const arn = prop(connection, "serviceArn");
            const serviceArn = typeof arn === "string" ? arn : prop(dependedOn(connection, "serviceArn", services)[0] ?? connection, "arn");
            const expected = serviceRegion(serviceArn);
            const actual = endpointRegion(endpoint);
            if (expected === undefined || actual === undefined) {
                return [
                    {
                        outcome: "could-not-check",
                        urn: connection.urn,
                        message: `the service ARN of ${label(connection)} or the service name of ${label(endpoint)} is not known yet.`,
                    },
                ];
            }
            if (expected === actual) return [];
            return [
                {
                    outcome: "non-compliant",
                    urn: connection.urn,
                    message:
                        `${label(connection)} connects a service in ${expected} through ${label(endpoint)}, which ` +
                        `serves ${actual}: create the endpoint in ${expected}.`,
                },
            ];
        });
    },
};
