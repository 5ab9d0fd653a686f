import { TYPES, dependedOn, endpointRegion, label, linked, ofType, prop, serviceRegion } from "../resources";
import { Finding, StackRule, isUnknown, notApplicable } from "../types";

export const endpointRegionMatchesService: StackRule = {
    id: "apprunner-endpoint-region-matches-service",
    description: "A VPC ingress connection's endpoint serves the region of the service it connects.",
    explanation:
        "An interface endpoint reaches App Runner in the region named by its service name " +
        "(com.amazonaws.<region>.apprunner.requests); a service in another region cannot be connected through it.",
    enforcementLevel: "mandatory",
    scope: "stack",
    check(resources) {
        const connections = ofType(resources, TYPES.connection);
        if (connections.length === 0) return notApplicable("no App Runner VPC ingress connection in the stack");
        const endpoints = ofType(resources, TYPES.endpoint);
        const services = ofType(resources, TYPES.service);
        return connections.flatMap((connection): Finding[] => {
            const endpoint = linked(connection, ["ingressVpcConfiguration", "vpcEndpointId"], endpoints, "id");
            if (isUnknown(endpoint) || endpoint === undefined) return []; // reported by apprunner-connection-endpoint-same-vpc
            const arn = prop(connection, "serviceArn");
            const serviceArn = typeof arn === "string" ? arn : prop(dependedOn(connection, "serviceArn", services)[0] ?? connection, "arn");
            const expected = serviceRegion(serviceArn);
            const actual = endpointRegion(endpoint);
            if (expected === undefined || actual === undefined) {
                return [{ outcome: "could-not-check", urn: connection.urn, message: `the service ARN of ${label(connection)} or the service name of ${label(endpoint)} is not known yet.` }];
            }
            if (expected === actual) return [];
            return [
                {
                    outcome: "non-compliant",
                    urn: connection.urn,
                    message: `${label(connection)} connects a service in ${expected} through ${label(endpoint)}, which serves ${actual}: create the endpoint in ${expected}.`,
                },
            ];
        });
    },
};
